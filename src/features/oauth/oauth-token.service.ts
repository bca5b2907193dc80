/**
 * Zoho Accounts' token endpoint: grant codes and refresh tokens traded for access tokens, with Zoho's limits and
 * error strings; and revoking a token by its value. Every time is the injected clock's.
 */
import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import type { OAuthClientTable, OAuthCodeTable } from '../../db/tables/oauth.ts';
import { issueToken, onPortalClock, revokeTokenTree } from '../people/index.ts';
import * as repository from './oauth.repository.ts';
import { verifierMatches } from './oauth-pkce.ts';
import { accessTokenSeconds, accessTokensPerWindow, limitWindowMs, refreshTokensPerClient } from './oauth-rules.ts';
import { findAnyClient, isWebClientId } from './web-client.ts';

/** A refusal in Zoho Accounts' words: `{"error": ...}`, HTTP 200 unless Zoho answers otherwise. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly status = 200,
  ) {
    super(error);
  }
}

/** What Zoho answers a client that asks for too many tokens too fast (HTTP 400, see docs/compatibility.md). */
export const accessDeniedBody = {
  error_description: 'You have made too many requests continuously. Please try again after some time.',
  error: 'Access Denied',
  status: 'failure',
} as const;

/** The parameters of a token request, merged from the query, the form body and a Basic header. */
export type TokenParameters = Record<string, string | undefined>;

/** Zoho's success answer. */
export interface TokenAnswer {
  access_token: string;
  refresh_token?: string;
  scope: string;
  api_domain: string;
  token_type: 'Bearer';
  expires_in: number;
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * The client named, with its secret checked: unknown -> invalid_client; wrong or missing secret ->
 * invalid_client_secret. The web app's public client has no secret: its codes carry a PKCE challenge instead.
 */
async function authenticateClient(db: Db, parameters: TokenParameters): Promise<OAuthClientTable> {
  const clientId = parameters.client_id;
  const client = clientId ? await findAnyClient(db, clientId) : undefined;
  if (client === undefined) throw new OAuthError('invalid_client');
  const secret = parameters.client_secret;
  if (isWebClientId(client.id)) {
    if (secret !== undefined && secret !== '') throw new OAuthError('invalid_client_secret');
    return client;
  }
  if (secret === undefined || secret.length > 200 || !sameHash(repository.hashSecret(secret), client.secret_hash)) {
    throw new OAuthError('invalid_client_secret');
  }
  return client;
}

/** Mints an access token for the person, minted by the refresh token when there is one (so revoking it cascades). */
async function mintAccessToken(
  context: AppContext,
  db: Db,
  grant: { portalId: string; erecno: string; scopes: string[]; clientId: string; refreshTokenId: string | null },
): Promise<string> {
  const issued = await issueToken(
    context,
    {
      portalId: grant.portalId,
      erecno: grant.erecno,
      scopes: grant.scopes,
      expiresAt: context.clock.now() + accessTokenSeconds * 1000,
      mintedBy: grant.refreshTokenId,
      oauth: { clientId: grant.clientId, kind: 'access' },
    },
    db,
  );
  return issued.token;
}

/** Whether trading the code gives a refresh token: offline codes, on the person's first consent or when asked afresh. */
function givesRefreshToken(code: OAuthCodeTable, live: readonly string[]): boolean {
  return code.access_type === 'offline' && (code.fresh_refresh === 1 || live.length === 0);
}

/** Authenticates the client, then runs the rest of the exchange in one transaction on its portal's clock. */
function asClient<T>(
  context: AppContext,
  parameters: TokenParameters,
  exchange: (trx: Db, client: OAuthClientTable) => Promise<T>,
): Promise<T> {
  return context.db.transaction().execute(async (trx) => {
    const client = await authenticateClient(trx, parameters);
    return onPortalClock({ ...context, db: trx }, client.portal_id, () => exchange(trx, client));
  });
}

async function tradeCode(context: AppContext, parameters: TokenParameters, apiDomain: string): Promise<TokenAnswer> {
  return asClient(context, parameters, async (trx, client) => {
    const now = context.clock.now();
    const value = parameters.code;
    const code = value && value.length <= 200 ? await repository.findCode(trx, value) : undefined;
    if (code === undefined || code.client_id !== client.id || code.used_at !== null || now >= code.expires_at) {
      throw new OAuthError('invalid_code');
    }
    if (code.redirect_uri !== null && parameters.redirect_uri !== code.redirect_uri) {
      throw new OAuthError('invalid_redirect_uri');
    }
    // PKCE: whoever trades the code must hold the verifier of the challenge the consent request carried.
    if (code.code_challenge !== null && !verifierMatches(parameters.code_verifier, code.code_challenge)) {
      throw new OAuthError('invalid_code');
    }
    // A public client proves itself only with a verifier: a code without a challenge is not its to trade.
    if (code.code_challenge === null && isWebClientId(client.id)) throw new OAuthError('invalid_code');
    if (!(await repository.useCode(trx, code.hash, now))) throw new OAuthError('invalid_code');
    const scopes = code.scopes.split(',');
    const grant = { portalId: code.portal_id, erecno: code.erecno, scopes, clientId: client.id };
    let refreshToken: { token: string; tokenId: string } | undefined;
    const live = await repository.liveRefreshTokenIds(trx, client.id, code.erecno);
    if (givesRefreshToken(code, live)) {
      // The 21st replaces the oldest: the person keeps the newest 20, with what each minted.
      const pushedOut = live.slice(0, Math.max(0, live.length - refreshTokensPerClient + 1));
      if (pushedOut.length > 0) await revokeTokenTree(trx, pushedOut, now);
      refreshToken = await issueToken(context, { ...grant, oauth: { clientId: client.id, kind: 'refresh' } }, trx);
    }
    const accessToken = await mintAccessToken(context, trx, {
      ...grant,
      refreshTokenId: refreshToken?.tokenId ?? null,
    });
    return answer(accessToken, refreshToken?.token, scopes, apiDomain);
  });
}

async function refresh(context: AppContext, parameters: TokenParameters, apiDomain: string): Promise<TokenAnswer> {
  return asClient(context, parameters, async (trx, client) => {
    const value = parameters.refresh_token;
    // Locked, so that two racing refreshes count each other against the limit.
    const row =
      value && value.length <= 200
        ? await repository.findRefreshToken(trx, context.dialect, client.id, value)
        : undefined;
    if (row === undefined || row.revoked_at !== null) throw new OAuthError('invalid_code');
    const now = context.clock.now();
    if ((await repository.countMintedSince(trx, row.id, now - limitWindowMs)) >= accessTokensPerWindow) {
      throw new OAuthError('Access Denied', 400);
    }
    const scopes = row.scopes.split(',');
    const grant = { portalId: row.portal_id, erecno: row.erecno, scopes, clientId: client.id, refreshTokenId: row.id };
    return answer(await mintAccessToken(context, trx, grant), undefined, scopes, apiDomain);
  });
}

function answer(accessToken: string, refreshToken: string | undefined, scopes: string[], apiDomain: string) {
  return {
    access_token: accessToken,
    ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
    scope: scopes.join(' '),
    api_domain: apiDomain,
    token_type: 'Bearer' as const,
    expires_in: accessTokenSeconds,
  };
}

/** Answers a token request, or throws an OAuthError in Zoho's words. */
export async function exchangeToken(
  context: AppContext,
  parameters: TokenParameters,
  apiDomain: string,
): Promise<TokenAnswer> {
  switch (parameters.grant_type) {
    case 'authorization_code':
      return tradeCode(context, parameters, apiDomain);
    case 'refresh_token':
      return refresh(context, parameters, apiDomain);
    default:
      throw new OAuthError('unsupported_grant_type');
  }
}

/** Revokes the token of that value (a refresh token takes its access tokens with it); false when none is live. */
export async function revokeOAuthToken(context: AppContext, value: string | undefined): Promise<boolean> {
  if (value === undefined || value === '' || value.length > 200) return false;
  return context.db.transaction().execute(async (trx) => {
    const row = await repository.findTokenByValue(trx, value.trim());
    if (row === undefined || row.revoked_at !== null) return false;
    await revokeTokenTree(trx, [row.id], context.clock.now());
    return true;
  });
}
