/** Tokens: stored as SHA-256 hashes, looked up by hash; listed and revoked by their public id. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Caller } from '../../access/index.ts';
import { portalInstant, portalTimeOf } from '../../clock.ts';
import { defaultDateFormat, isDateFormat } from '../../dates.ts';
import type { Database, Db, TokenTable } from '../../db/database.ts';
import { prepareQuery } from '../../db/prepared.ts';
import { notificationDefaultsOf } from '../../notification-defaults.ts';

/** The stored form of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random token in Zoho's `1000.<hex>.<hex>` form. */
export function generateToken(): string {
  return `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
}

/** What is stored for a new token (its value only as a hash). */
export interface NewToken {
  id: string;
  value: string;
  portalId: string;
  erecno: string;
  scopes: string[];
  isOperator: boolean;
  now: number;
  expiresAt?: number | null;
  mintedBy?: string | null;
  /** The OAuth client it is issued to, and whether it is its access or refresh token. */
  oauth?: { clientId: string; kind: 'access' | 'refresh' } | null;
}

/** Stores a token for an employee with the given scopes; a value already stored is left as it is. */
export async function insertToken(db: Db, token: NewToken): Promise<void> {
  await db
    .insertInto('tokens')
    .values({
      hash: hashToken(token.value),
      id: token.id,
      portal_id: token.portalId,
      erecno: token.erecno,
      scopes: token.scopes.join(','),
      is_operator: token.isOperator ? 1 : 0,
      created_at: token.now,
      expires_at: token.expiresAt ?? null,
      revoked_at: null,
      minted_by: token.mintedBy ?? null,
      oauth_client_id: token.oauth?.clientId ?? null,
      oauth_kind: token.oauth?.kind ?? null,
    })
    .onConflict((conflict) => conflict.column('hash').doNothing())
    .execute();
}

/** The token's row with its employee and portal: compiled once, it runs on every authenticated request. */
const callerQuery = prepareQuery((db: Kysely<Database>, hash: string) =>
  db
    .selectFrom('tokens')
    .innerJoin('employees', 'employees.erecno', 'tokens.erecno')
    .innerJoin('portals', 'portals.id', 'tokens.portal_id')
    .select([
      'tokens.hash',
      'tokens.id',
      'tokens.portal_id',
      'tokens.erecno',
      'tokens.scopes',
      'tokens.is_operator',
      'tokens.expires_at',
      'tokens.revoked_at',
      'tokens.oauth_kind',
      'portals.url_name',
      'portals.clock_offset_ms',
      'portals.clock_fixed_at',
      'portals.demo',
      'portals.date_format',
      'portals.notification_defaults',
      'employees.status',
      'employees.is_admin',
      'employees.is_settings_admin',
      'employees.is_data_admin',
      'employees.is_trainer',
    ])
    .where('tokens.hash', '=', hash),
);

/** Why a token was refused. */
export type TokenRefusal = 'unknown' | 'expired' | 'revoked' | 'inactive';

/** A token's caller, or why there is none. */
export type TokenLookup = { caller: Caller } | { refusal: TokenRefusal };

/**
 * The caller behind a token when the server's clock shows `serverNow`, or why the token is refused. Expiry is
 * judged on the portal's own clock, read in the same query. One query.
 */
export async function lookupToken(db: Db, token: string, serverNow: number): Promise<TokenLookup> {
  const hash = hashToken(token);
  const row = await callerQuery.first(db, hash);
  // The lookup is by hash, so timing reveals nothing of the token; the compare guards against a lax index.
  if (!row || !timingSafeEqual(Buffer.from(row.hash), Buffer.from(hash))) return { refusal: 'unknown' };
  // A refresh token only buys access tokens at /oauth/v2/token; on the API it is as good as unknown.
  if (row.oauth_kind === 'refresh') return { refusal: 'unknown' };
  if (row.revoked_at !== null) return { refusal: 'revoked' };
  const portalTime = portalTimeOf(row.clock_offset_ms, row.clock_fixed_at);
  if (row.expires_at !== null && portalInstant(portalTime, serverNow) >= row.expires_at) return { refusal: 'expired' };
  if (row.status !== 'active') return { refusal: 'inactive' };
  return {
    caller: {
      portalId: row.portal_id,
      portalUrlName: row.url_name,
      portalTime,
      portalHoldsDemo: row.demo === 1,
      portalDateFormat: isDateFormat(row.date_format) ? row.date_format : defaultDateFormat,
      notificationDefaults: notificationDefaultsOf(row.notification_defaults),
      erecno: row.erecno,
      tokenHash: hash,
      tokenId: row.id,
      tokenExpiresAt: row.expires_at,
      scopes: new Set(row.scopes.split(',')),
      isOperator: row.is_operator === 1,
      isAdmin: row.is_admin === 1,
      isSettingsAdmin: row.is_settings_admin === 1,
      isDataAdmin: row.is_data_admin === 1,
      isTrainer: row.is_trainer === 1,
    },
  };
}

/** The caller behind a token valid at `now`, or undefined. */
export async function findCaller(db: Db, token: string, now: number = Date.now()): Promise<Caller | undefined> {
  const found = await lookupToken(db, token, now);
  return 'caller' in found ? found.caller : undefined;
}

/** A token's row (never its value) for lists and revocation. */
export type TokenRow = Omit<TokenTable, 'hash'>;

const listedColumns = [
  'id',
  'portal_id',
  'erecno',
  'scopes',
  'is_operator',
  'created_at',
  'expires_at',
  'revoked_at',
  'minted_by',
] as const;

/** A page of a portal's tokens, newest first, one extra row to tell whether more exist. */
export async function listTokens(db: Db, portalId: string, offset: number, limit: number): Promise<TokenRow[]> {
  return db
    .selectFrom('tokens')
    .select(listedColumns)
    .where('portal_id', '=', portalId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}

/** One token by id, within a portal. */
export async function findTokenById(db: Db, portalId: string, id: string): Promise<TokenRow | undefined> {
  return db
    .selectFrom('tokens')
    .select(listedColumns)
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** One token by its value. */
export async function findTokenByValue(db: Db, token: string): Promise<TokenRow | undefined> {
  return db.selectFrom('tokens').select(listedColumns).where('hash', '=', hashToken(token)).executeTakeFirst();
}

/**
 * Revokes the tokens and every token minted from them, at any depth, that is not revoked yet; answers how many
 * were revoked. One query per generation of minted tokens.
 */
export async function revokeWithDescendants(db: Db, ids: readonly string[], now: number): Promise<number> {
  const all = new Set(ids);
  let generation = [...ids];
  while (generation.length > 0) {
    const children = await db.selectFrom('tokens').select('id').where('minted_by', 'in', generation).execute();
    generation = children.map((child) => child.id).filter((id) => !all.has(id));
    for (const id of generation) all.add(id);
  }
  const result = await db
    .updateTable('tokens')
    .set({ revoked_at: now })
    .where('id', 'in', [...all])
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The ids of a person's live OAuth access and refresh tokens (every client). */
export async function liveOAuthTokenIdsOf(db: Db, portalId: string, erecno: string): Promise<string[]> {
  const rows = await db
    .selectFrom('tokens')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .where('oauth_kind', 'in', ['refresh', 'access'])
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}
