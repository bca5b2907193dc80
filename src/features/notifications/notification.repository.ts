/** Queries of the outbox: reading it (the API) and loading what a delivery run needs, one query per kind of thing. */
import type { Db } from '../../db/database.ts';
import type { DeliveryStatus, NotificationTable } from '../../db/tables/notifications.ts';

/** Outbox rows by id. */
export async function findNotificationsByIds(db: Db, ids: readonly string[]): Promise<NotificationTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('notifications').selectAll().where('id', 'in', ids).execute();
}

/** Portal time zones, course and batch names and recipients' names for a set of outbox rows (four queries). */
export async function findDeliveryNames(db: Db, rows: readonly NotificationTable[]) {
  const unique = (values: (string | null)[]) => [...new Set(values.filter((value) => value !== null))] as string[];
  const portalIds = unique(rows.map((row) => row.portal_id));
  const courseIds = unique(rows.map((row) => row.course_id));
  const batchIds = unique(rows.map((row) => row.batch_id));
  const erecnos = unique(rows.map((row) => row.erecno));
  const [portals, courses, batches, people] = await Promise.all([
    portalIds.length === 0
      ? []
      : db.selectFrom('portals').select(['id', 'time_zone']).where('id', 'in', portalIds).execute(),
    courseIds.length === 0
      ? []
      : db.selectFrom('courses').select(['id', 'name']).where('id', 'in', courseIds).execute(),
    batchIds.length === 0 ? [] : db.selectFrom('batches').select(['id', 'name']).where('id', 'in', batchIds).execute(),
    erecnos.length === 0
      ? []
      : db.selectFrom('employees').select(['erecno', 'display_name']).where('erecno', 'in', erecnos).execute(),
  ]);
  return {
    timeZones: new Map(portals.map((row) => [row.id, row.time_zone])),
    courses: new Map(courses.map((row) => [row.id, row.name])),
    batches: new Map(batches.map((row) => [row.id, row.name])),
    people: new Map(people.map((row) => [row.erecno, row.display_name])),
  };
}

/** Filters of the outbox listing. */
export interface NotificationFilter {
  portalId: string;
  erecno?: string;
  status?: DeliveryStatus;
  type?: string;
}

/** One page of the outbox, newest first (one row more than asked, for hasMoreRecords). */
export async function listNotifications(
  db: Db,
  filter: NotificationFilter,
  offset: number,
  limit: number,
): Promise<NotificationTable[]> {
  let query = db.selectFrom('notifications').selectAll().where('portal_id', '=', filter.portalId);
  if (filter.erecno !== undefined) query = query.where('erecno', '=', filter.erecno);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.type !== undefined) query = query.where('event_type', '=', filter.type);
  return query.orderBy('id', 'desc').offset(offset).limit(limit).execute();
}

/** One outbox row of a portal. */
export async function findNotification(db: Db, portalId: string, id: string): Promise<NotificationTable | undefined> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .executeTakeFirst();
}
