/** Table shapes of the OAuth feature, by table name (merged into Database). */

/** An OAuth client: one portal's; its secret only as a SHA-256 hash. */
export interface OAuthClientTable {
  /** Zoho's client id form, `1000.` and 30 capitals and digits. */
  id: string;
  portal_id: string;
  name: string;
  secret_hash: string;
  /** The registered redirect URIs, a JSON array of absolute http(s) URLs. */
  redirect_uris: string;
  created_at: number;
}

/** A grant code, stored as a hash; traded once for tokens. */
export interface OAuthCodeTable {
  hash: string;
  client_id: string;
  portal_id: string;
  erecno: string;
  /** Comma-separated scope names, as on tokens. */
  scopes: string;
  /** The redirect URI the consent was asked with; null for a self-client code, which needs none. */
  redirect_uri: string | null;
  access_type: 'offline' | 'online';
  /** 1: trading it gives a refresh token even when the person already gave this client one (prompt=consent, self client). */
  fresh_refresh: number;
  /** PKCE: base64url(SHA-256(verifier)) the token request must match (S256 only); null when the request sent none. */
  code_challenge: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** A one-time value of the consent flow, stored as a hash: a sign-in ticket, a sign-in session or a consent form nonce. */
export interface OAuthNonceTable {
  hash: string;
  kind: 'ticket' | 'session' | 'consent';
  portal_id: string;
  /** Whom it signs in, or whom the consent form was shown to; null on a demo portal's form (the pick says). */
  erecno: string | null;
  /** The consent request the form answers, as JSON; null for tickets and sessions. */
  payload: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** The OAuth feature's tables. */
export interface OAuthTables {
  oauth_clients: OAuthClientTable;
  oauth_codes: OAuthCodeTable;
  oauth_nonces: OAuthNonceTable;
}
