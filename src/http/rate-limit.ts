/**
 * Zoho's throttle: at most `threshold` calls per token and endpoint in any `window`; the next call locks
 * that pair for `lock`. Neither @fastify/rate-limit nor rate-limiter-flexible implements this rule
 * (both use fixed windows and let up to twice the threshold through), so it is written here.
 */

/** What the limiter decided for one call. */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until the lock ends (only when refused). */
  retryAfterSeconds: number;
}

/** Settings of the throttle. */
export interface RateLimitSettings {
  threshold: number;
  windowMs: number;
  lockMs: number;
}

/** A limiter that records a call and says whether it may proceed. */
export interface RateLimiter {
  /** One call at `nowMs`; `portalClockSet` says the time is a portal's own (set in the control room), not the server's. */
  hit(
    tokenKey: string,
    endpointKey: string,
    nowMs: number,
    portalClockSet?: boolean,
  ): RateDecision | Promise<RateDecision>;
  close?(): Promise<void>;
  /** Whether the limiter's shared store answers (for /readyz); absent when the state is in-process. */
  ping?(): Promise<boolean>;
}

const allowed: RateDecision = Object.freeze({ allowed: true, retryAfterSeconds: 0 });

/** The last `threshold` accepted call times of one token and endpoint, in a ring, plus a lock. */
class CallLog {
  readonly times: Float64Array;
  head = 0;
  count = 0;
  lockedUntil = 0;
  constructor(threshold: number) {
    this.times = new Float64Array(threshold);
  }
}

/** An in-process sliding log: O(1) per call, no allocation once a pair has been seen. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly logs = new Map<string, Map<string, CallLog>>();
  private lastSweep = 0;

  constructor(private readonly settings: RateLimitSettings) {}

  hit(tokenKey: string, endpointKey: string, nowMs: number): RateDecision {
    let byEndpoint = this.logs.get(tokenKey);
    if (byEndpoint === undefined) {
      this.sweep(nowMs);
      byEndpoint = new Map();
      this.logs.set(tokenKey, byEndpoint);
    }
    let log = byEndpoint.get(endpointKey);
    if (log === undefined) {
      log = new CallLog(this.settings.threshold);
      byEndpoint.set(endpointKey, log);
    }
    if (log.lockedUntil > nowMs) return refuse(log.lockedUntil - nowMs);
    const { threshold, windowMs, lockMs } = this.settings;
    // The slot at `head` holds the oldest of the last `threshold` accepted calls.
    if (log.count === threshold && log.times[log.head]! > nowMs - windowMs) {
      log.lockedUntil = nowMs + lockMs;
      return refuse(lockMs);
    }
    log.times[log.head] = nowMs;
    log.head = (log.head + 1) % threshold;
    if (log.count < threshold) log.count += 1;
    return allowed;
  }

  /** Drops tokens whose every log is idle past the window and the lock, so memory stays bounded. */
  private sweep(nowMs: number): void {
    const horizon = this.settings.windowMs + this.settings.lockMs;
    if (nowMs - this.lastSweep < horizon) return;
    this.lastSweep = nowMs;
    for (const [token, byEndpoint] of this.logs) {
      for (const [endpoint, log] of byEndpoint) {
        const newest = log.times[(log.head + this.settings.threshold - 1) % this.settings.threshold]!;
        if (log.lockedUntil <= nowMs && newest <= nowMs - horizon) byEndpoint.delete(endpoint);
      }
      if (byEndpoint.size === 0) this.logs.delete(token);
    }
  }
}

function refuse(remainingMs: number): RateDecision {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
}
