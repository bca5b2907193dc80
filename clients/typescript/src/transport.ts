/** The fetch the generated client runs on: adds the token, refreshes on 401, waits out 429 and Zoho's lock. */
import type { TokenSource } from './tokens.ts';

/** How the transport waits and retries. */
export interface RetryPolicy {
  /** Retries of one call after 429 (default 3). */
  readonly maxRetries: number;
  /** The longest wait the client accepts; a longer Retry-After (Zoho's 5-minute lock) is returned to the caller. */
  readonly maxWaitMs: number;
  /** Waits; tests pass one that moves a clock instead. */
  readonly sleep: (ms: number) => Promise<void>;
}

/** Seconds in Retry-After (a number, or an HTTP date), in ms; one second when it is missing or unreadable. */
export function retryAfterMs(header: string | null, now: number): number {
  if (header === null) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

/** Wraps fetch so that every call carries `Authorization: Zoho-oauthtoken <token>` and is retried where it is safe. */
export function authorisedFetch(
  tokens: TokenSource,
  policy: RetryPolicy,
  fetchImpl: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    let refreshed = false;
    for (let attempt = 0; ; attempt += 1) {
      const token = await tokens.token();
      // A request's body can be read once: each attempt sends a fresh copy.
      const sent = request.clone();
      sent.headers.set('authorization', `Zoho-oauthtoken ${token}`);
      const response = await fetchImpl(sent);
      if (response.status === 401 && tokens.canRefresh && !refreshed) {
        // An expired or revoked access token: refresh once and send again.
        refreshed = true;
        tokens.invalidate(token);
        await response.body?.cancel();
        continue;
      }
      if (response.status === 429 && attempt < policy.maxRetries) {
        const waitMs = retryAfterMs(response.headers.get('retry-after'), Date.now());
        if (waitMs <= policy.maxWaitMs) {
          await response.body?.cancel();
          await policy.sleep(waitMs);
          continue;
        }
      }
      return response;
    }
  };
}
