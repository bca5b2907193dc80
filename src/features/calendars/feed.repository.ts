/** The calendar_feeds table: one row per subscribable feed, its token kept only as a SHA-256 hash. */
import type { Db } from '../../db/database.ts';
import type { CalendarFeedKind, CalendarFeedTable } from '../../db/tables/calendar-feeds.ts';

/** The feed a person already has for a subject, if any. */
export function findOwnFeed(
  db: Db,
  portalId: string,
  subject: { kind: CalendarFeedKind; subjectId: string; ownerErecno: string },
): Promise<CalendarFeedTable | undefined> {
  return db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('kind', '=', subject.kind)
    .where('subject_id', '=', subject.subjectId)
    .where('owner_erecno', '=', subject.ownerErecno)
    .executeTakeFirst();
}

/** A feed of the portal by id. */
export function findFeed(db: Db, portalId: string, feedId: string): Promise<CalendarFeedTable | undefined> {
  return db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('id', '=', feedId)
    .executeTakeFirst();
}

/** The feed a token's hash opens (an indexed equality lookup on the hash, never on the token). */
export function findFeedByHash(db: Db, tokenHash: string): Promise<CalendarFeedTable | undefined> {
  return db.selectFrom('calendar_feeds').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** A person's feeds in the portal, oldest first, at most `limit`. */
export function listOwnFeeds(db: Db, portalId: string, ownerErecno: string, limit: number) {
  return db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('owner_erecno', '=', ownerErecno)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Adds a feed; false when the person already has one of the subject (a concurrent request made it first). */
export async function insertFeed(db: Db, feed: CalendarFeedTable): Promise<boolean> {
  const result = await db
    .insertInto('calendar_feeds')
    .values(feed)
    .onConflict((conflict) => conflict.columns(['portal_id', 'kind', 'subject_id', 'owner_erecno']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Replaces a feed's token hash: the old URL stops working with this statement. */
export async function replaceTokenHash(
  db: Db,
  portalId: string,
  feedId: string,
  change: { tokenHash: string; rotatedAt: number },
): Promise<boolean> {
  const result = await db
    .updateTable('calendar_feeds')
    .set({ token_hash: change.tokenHash, rotated_at: change.rotatedAt })
    .where('portal_id', '=', portalId)
    .where('id', '=', feedId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a feed. */
export async function deleteFeed(db: Db, portalId: string, feedId: string): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('portal_id', '=', portalId).where('id', '=', feedId).execute();
}
