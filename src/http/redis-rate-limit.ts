/** Zoho's throttle with its state in Redis, so that it holds across every Lectern process sharing one Redis. */
import { Redis } from 'ioredis';
import type { RateDecision, RateLimiter, RateLimitSettings } from './rate-limit.ts';

/**
 * One round trip per call. KEYS: the log (newest accepted time first) and the lock. ARGV: threshold, window,
 * lock, and the time in ms; an empty time means "ask Redis", which keeps processes on skewed clocks in step.
 * Answers 0 when the call may proceed, else the milliseconds left on the lock.
 */
const script = `
local threshold = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local lock = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local lockedUntil = tonumber(redis.call('GET', KEYS[2]))
if lockedUntil and lockedUntil > now then return lockedUntil - now end
if redis.call('LLEN', KEYS[1]) >= threshold then
  local oldest = tonumber(redis.call('LINDEX', KEYS[1], threshold - 1))
  if oldest > now - window then
    if lock > 0 then redis.call('SET', KEYS[2], now + lock, 'PX', lock) end
    return math.max(lock, 1)
  end
end
redis.call('LPUSH', KEYS[1], now)
redis.call('LTRIM', KEYS[1], 0, threshold - 1)
redis.call('PEXPIRE', KEYS[1], window)
return 0
`;

type LimitRedis = Redis & {
  lecternHit(
    log: string,
    lock: string,
    threshold: number,
    window: number,
    lockMs: number,
    now: string,
  ): Promise<number>;
};

/** A limiter whose every decision is one atomic Lua call in Redis. */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: LimitRedis;

  /** useServerTime: take the time from Redis (production); otherwise from the caller's clock (tests). */
  constructor(
    url: string,
    private readonly settings: RateLimitSettings,
    private readonly useServerTime: boolean,
    private readonly prefix = 'lectern:rl:',
  ) {
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      lazyConnect: false,
    }) as LimitRedis;
    this.redis.defineCommand('lecternHit', { numberOfKeys: 2, lua: script });
    // Connection errors reach callers through failed commands and ping(); without a listener ioredis prints each.
    this.redis.on('error', () => {});
  }

  async hit(tokenKey: string, endpointKey: string, nowMs: number, portalClockSet = false): Promise<RateDecision> {
    // The braces keep both keys of a pair in one Redis Cluster slot.
    const base = `${this.prefix}{${tokenKey}|${endpointKey}}`;
    const { threshold, windowMs, lockMs } = this.settings;
    const remaining = await this.redis.lecternHit(
      `${base}:log`,
      `${base}:lock`,
      threshold,
      windowMs,
      lockMs,
      // A portal whose clock the control room moved counts its windows on that clock, not on Redis's.
      this.useServerTime && !portalClockSet ? '' : String(nowMs),
    );
    if (remaining === 0) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(remaining / 1000)) };
  }

  /** True when Redis answers a PING. */
  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
