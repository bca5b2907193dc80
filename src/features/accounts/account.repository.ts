/** The accounts tables: passwords with their lock, browser sessions and set-password links (hashes only). */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { AccountLinkTable, AccountPasswordTable, AccountSessionTable } from '../../db/tables/accounts.ts';

/** The stored form of a session or link token. */
export function hashToken(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A person's password row, if they have set one. */
export function findPassword(db: Db, portalId: string, erecno: string): Promise<AccountPasswordTable | undefined> {
  return db
    .selectFrom('account_passwords')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .executeTakeFirst();
}

/** Sets (or replaces) a person's password hash, clearing the lock. */
export async function upsertPassword(db: Db, portalId: string, erecno: string, hash: string, now: number) {
  const fresh = { hash, set_at: now, failed_count: 0, failed_since: null, locked_until: null };
  const updated = await db
    .updateTable('account_passwords')
    .set(fresh)
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await db
      .insertInto('account_passwords')
      .values({ portal_id: portalId, erecno, ...fresh })
      .execute();
  }
}

/** Writes the lock columns after a sign-in attempt. */
export async function updateLock(
  db: Db,
  portalId: string,
  erecno: string,
  lock: Pick<AccountPasswordTable, 'failed_count' | 'failed_since' | 'locked_until'>,
): Promise<void> {
  await db
    .updateTable('account_passwords')
    .set(lock)
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .execute();
}

/** The active people of a portal with this e-mail address (case-insensitive), at most two. */
export function findPeopleByEmail(db: Db, portalId: string, email: string) {
  return db
    .selectFrom('employees')
    .select(['erecno', 'status', 'display_name', 'email_id'])
    .where('portal_id', '=', portalId)
    .where((eb) => eb(eb.fn('lower', ['email_id']), '=', email.toLowerCase()))
    .limit(2)
    .execute();
}

/** Stores a session. */
export async function insertSession(db: Db, row: AccountSessionTable): Promise<void> {
  await db.insertInto('account_sessions').values(row).execute();
}

/** A session by its cookie value. */
export function findSession(db: Db, value: string): Promise<AccountSessionTable | undefined> {
  return db.selectFrom('account_sessions').selectAll().where('hash', '=', hashToken(value)).executeTakeFirst();
}

/** Deletes a session by its cookie value. */
export async function deleteSession(db: Db, value: string): Promise<void> {
  await db.deleteFrom('account_sessions').where('hash', '=', hashToken(value)).execute();
}

/** Deletes a person's sessions, except the one whose hash is kept; and every expired session of the portal. */
export async function deleteSessionsOf(
  db: Db,
  portalId: string,
  erecno: string,
  keepHash: string | null,
): Promise<void> {
  let query = db.deleteFrom('account_sessions').where('portal_id', '=', portalId).where('erecno', '=', erecno);
  if (keepHash !== null) query = query.where('hash', '!=', keepHash);
  await query.execute();
}

/** Forgets sessions and links expired before `now` (called as new ones are made, so the tables stay small). */
export async function deleteExpired(db: Db, now: number): Promise<void> {
  await db.deleteFrom('account_sessions').where('expires_at', '<', now).execute();
  await db.deleteFrom('account_links').where('expires_at', '<', now).execute();
}

/** Stores a link. */
export async function insertLink(db: Db, row: AccountLinkTable): Promise<void> {
  await db.insertInto('account_links').values(row).execute();
}

/** A link by its token. */
export function findLink(db: Db, token: string): Promise<AccountLinkTable | undefined> {
  return db.selectFrom('account_links').selectAll().where('hash', '=', hashToken(token)).executeTakeFirst();
}

/** Marks a link used unless it already was; true when this call used it (two racing posts: one wins). */
export async function useLink(db: Db, hash: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('account_links')
    .set({ used_at: now })
    .where('hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks every other unused link of the person used (a set password spends the invites and resets still out). */
export async function spendLinksOf(db: Db, portalId: string, erecno: string, now: number): Promise<void> {
  await db
    .updateTable('account_links')
    .set({ used_at: now })
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .where('used_at', 'is', null)
    .execute();
}

/** How many links of the kind the person was given since `since` (bounds reset e-mails). */
export async function countLinksSince(
  db: Db,
  portalId: string,
  erecno: string,
  kind: AccountLinkTable['kind'],
  since: number,
): Promise<number> {
  const row = await db
    .selectFrom('account_links')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .where('kind', '=', kind)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
