/** Access tokens for the client: a fixed one, or Zoho's refresh-token flow against an accounts server. */

/** How the client authenticates. */
export type ZohoAuth =
  | { readonly accessToken: string }
  | {
      readonly refreshToken: string;
      readonly clientId: string;
      readonly clientSecret: string;
      /** Where `/oauth/v2/token` lives: https://accounts.zoho.com for Zoho (or your data centre's), Lectern's own URL. */
      readonly accountsUrl: string;
    };

/** Zoho's answer to a refresh: errors come with HTTP 200 and an `error` field. */
interface TokenAnswer {
  access_token?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

/** Raised when the accounts server refuses to refresh (a revoked refresh token, a wrong secret, throttling). */
export class ZohoAuthError extends Error {
  constructor(
    readonly error: string,
    message: string,
  ) {
    super(message);
    this.name = 'ZohoAuthError';
  }
}

/** Refreshes a minute before the hour runs out, so a token never expires mid-request. */
const refreshMarginMs = 60_000;

/** Hands out an access token, refreshing it when it is about to expire or was refused. One refresh at a time. */
export class TokenSource {
  private current: { token: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly auth: ZohoAuth,
    private readonly fetchImpl: typeof fetch,
    private readonly now: () => number,
  ) {
    if ('accessToken' in auth) this.current = { token: auth.accessToken, expiresAt: Number.POSITIVE_INFINITY };
  }

  /** True when a refused token can be replaced by refreshing. */
  get canRefresh(): boolean {
    return 'refreshToken' in this.auth;
  }

  /** A token that is valid for at least another minute, as far as the client knows. */
  async token(): Promise<string> {
    if (this.current !== undefined && this.now() < this.current.expiresAt - refreshMarginMs) return this.current.token;
    return this.refresh();
  }

  /** Forgets a token the server refused (401), so the next token() refreshes; `refused` guards against a race. */
  invalidate(refused: string): void {
    if (this.current?.token === refused && this.canRefresh) this.current = undefined;
  }

  private refresh(): Promise<string> {
    this.pending ??= this.requestToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async requestToken(): Promise<string> {
    const auth = this.auth;
    if (!('refreshToken' in auth)) throw new ZohoAuthError('invalid_token', 'the fixed access token was refused');
    const url = new URL('/oauth/v2/token', auth.accountsUrl);
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: auth.refreshToken,
      client_id: auth.clientId,
      client_secret: auth.clientSecret,
    });
    const response = await this.fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const answer = (await response.json().catch(() => ({}))) as TokenAnswer;
    if (answer.error !== undefined || typeof answer.access_token !== 'string') {
      const error = answer.error ?? `HTTP ${response.status}`;
      throw new ZohoAuthError(error, `refreshing the access token failed: ${answer.error_description ?? error}`);
    }
    const lifetimeMs = 1000 * (typeof answer.expires_in === 'number' ? answer.expires_in : 3600);
    this.current = { token: answer.access_token, expiresAt: this.now() + lifetimeMs };
    return answer.access_token;
  }
}
