/** Queries of the outbox as the API reads it. */
import type { Db } from '../../db/database.ts';
import type { DeliveryStatus, NotificationTable } from '../../db/tables/notifications.ts';

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
