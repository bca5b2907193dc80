/**
 * A typed client for Zoho People's LMS API, generated from Lectern's OpenAPI document. Point it at Zoho
 * (https://people.zoho.com) or at Lectern by base URL; it adds the token, refreshes it through Zoho's OAuth flow,
 * and waits out 429 answers as Retry-After says.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/api.ts';
import { zohoQuerySerializer } from './query.ts';
import { TokenSource, type ZohoAuth } from './tokens.ts';
import { authorisedFetch } from './transport.ts';

export type { components, operations, paths } from './generated/api.ts';
export { type ZohoAuth, ZohoAuthError } from './tokens.ts';
export { retryAfterMs } from './transport.ts';

/** Options of createZohoLmsClient. */
export interface ZohoLmsClientOptions {
  /** https://people.zoho.com (or your data centre's), or Lectern's URL such as http://127.0.0.1:8080. */
  readonly baseUrl: string;
  readonly auth: ZohoAuth;
  /** Retries of one call after 429 (default 3). */
  readonly maxRetries?: number;
  /** The longest Retry-After waited out (default 60 s); Zoho's 5-minute lock is returned to the caller instead. */
  readonly maxWaitMs?: number;
  /** How to wait (default setTimeout); a test can move a clock instead. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The fetch to use (default globalThis.fetch). */
  readonly fetch?: typeof fetch;
  /** The time in ms, for token lifetimes (default Date.now). */
  readonly now?: () => number;
}

/** The typed client: `client.GET('/api/v1/courses', { params: { query: { startIndex: 0 } } })` and so on. */
export type ZohoLmsClient = Client<paths>;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Creates a client for one portal. */
export function createZohoLmsClient(options: ZohoLmsClientOptions): ZohoLmsClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const tokens = new TokenSource(options.auth, fetchImpl, options.now ?? Date.now);
  const transport = authorisedFetch(
    tokens,
    {
      maxRetries: options.maxRetries ?? 3,
      maxWaitMs: options.maxWaitMs ?? 60_000,
      sleep: options.sleep ?? defaultSleep,
    },
    (request) => fetchImpl(request),
  );
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: transport,
    querySerializer: zohoQuerySerializer,
  });
}
