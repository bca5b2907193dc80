/**
 * OAuth clients, grant codes and the consent flow's one-time values; and the OAuth view of the tokens table (the
 * people feature issues and revokes tokens; the counts the limits need are read here, one query each).
 */
import { createHash } from 'node:crypto';
import type { Dialect } from '../../db/create-db.ts';
import type { Db } from '../../db/database.ts';
import { forUpdate } from '../../db/dialect.ts';
import type { OAuthClientTable, OAuthCodeTable, OAuthNonceTable } from '../../db/tables/oauth.ts';

/** The stored form of a secret, code or nonce. */
export function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Stores a client. */
export async function insertClient(db: Db, row: OAuthClientTable): Promise<void> {
  await db.insertInto('oauth_clients').values(row).execute();
}

/** A client by its id, in any portal. */
export function findClient(db: Db, clientId: string): Promise<OAuthClientTable | undefined> {
  return db.selectFrom('oauth_clients').selectAll().where('id', '=', clientId).executeTakeFirst();
}

/** A page of a portal's clients in creation order, one extra row to tell whether more exist. */
export function listClients(db: Db, portalId: string, offset: number, limit: number): Promise<OAuthClientTable[]> {
  return db
    .selectFrom('oauth_clients')
    .selectAll()
    .where('portal_id', '=', portalId)
    .orderBy('created_at')
    .orderBy('id')
    .offset(offset)
    .limit(limit)
    .execute();
}

/** How many clients a portal has. */
export async function countClients(db: Db, portalId: string): Promise<number> {
  const row = await db
    .selectFrom('oauth_clients')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('portal_id', '=', portalId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Deletes a client and its codes, and revokes every token issued to it (their rows stay, revoked). */
export async function deleteClient(db: Db, clientId: string, now: number): Promise<void> {
  await db
    .updateTable('tokens')
    .set({ revoked_at: now })
    .where('oauth_client_id', '=', clientId)
    .where('revoked_at', 'is', null)
    .execute();
  await db.deleteFrom('oauth_codes').where('client_id', '=', clientId).execute();
  await db.deleteFrom('oauth_clients').where('id', '=', clientId).execute();
}

/** Stores a grant code. */
export async function insertCode(db: Db, row: OAuthCodeTable): Promise<void> {
  await db.insertInto('oauth_codes').values(row).execute();
}

/** How many codes the client was given since `since`. */
export async function countCodesSince(db: Db, clientId: string, since: number): Promise<number> {
  const row = await db
    .selectFrom('oauth_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('client_id', '=', clientId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A code by its value. */
export function findCode(db: Db, code: string): Promise<OAuthCodeTable | undefined> {
  return db.selectFrom('oauth_codes').selectAll().where('hash', '=', hashSecret(code)).executeTakeFirst();
}

/** Marks a code used unless it already was; true when this call used it (two racing trades: one wins). */
export async function useCode(db: Db, hash: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('oauth_codes')
    .set({ used_at: now })
    .where('hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Forgets one-time values expired at `now`, and codes expired a whole limit window ago (until then they still count
 * against the client's codes per window).
 */
export async function deleteExpired(db: Db, now: number, windowMs: number): Promise<void> {
  await db
    .deleteFrom('oauth_codes')
    .where('expires_at', '<', now - windowMs)
    .execute();
  await db.deleteFrom('oauth_nonces').where('expires_at', '<', now).execute();
}

/** Stores a one-time value. */
export async function insertNonce(db: Db, row: OAuthNonceTable): Promise<void> {
  await db.insertInto('oauth_nonces').values(row).execute();
}

/** A one-time value of the kind by its value, whether used or not. */
export function findNonce(db: Db, kind: OAuthNonceTable['kind'], value: string): Promise<OAuthNonceTable | undefined> {
  return db
    .selectFrom('oauth_nonces')
    .selectAll()
    .where('hash', '=', hashSecret(value))
    .where('kind', '=', kind)
    .executeTakeFirst();
}

/** Marks a one-time value used unless it already was; true when this call used it. */
export async function useNonce(db: Db, hash: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('oauth_nonces')
    .set({ used_at: now })
    .where('hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A client's live refresh token by its value, its row locked until the transaction ends. */
export function findRefreshToken(db: Db, dialect: Dialect | undefined, clientId: string, token: string) {
  return forUpdate(
    db
      .selectFrom('tokens')
      .select(['id', 'portal_id', 'erecno', 'scopes', 'revoked_at'])
      .where('hash', '=', hashSecret(token))
      .where('oauth_kind', '=', 'refresh')
      .where('oauth_client_id', '=', clientId),
    dialect,
  ).executeTakeFirst();
}

/** How many access tokens the refresh token minted since `since`. */
export async function countMintedSince(db: Db, refreshTokenId: string, since: number): Promise<number> {
  const row = await db
    .selectFrom('tokens')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('minted_by', '=', refreshTokenId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The ids of a person's live refresh tokens for a client, oldest first. */
export async function liveRefreshTokenIds(db: Db, clientId: string, erecno: string): Promise<string[]> {
  const rows = await db
    .selectFrom('tokens')
    .select('id')
    .where('oauth_client_id', '=', clientId)
    .where('erecno', '=', erecno)
    .where('oauth_kind', '=', 'refresh')
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** A token by its value, whatever its kind. */
export function findTokenByValue(db: Db, token: string) {
  return db.selectFrom('tokens').select(['id', 'revoked_at']).where('hash', '=', hashSecret(token)).executeTakeFirst();
}
