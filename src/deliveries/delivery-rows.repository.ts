/** What a delivery run loads for the rows it claimed: outbox rows, webhooks, deliveries and display names, by id. */
import type { Db } from '../db/database.ts';
import type { NotificationTable, WebhookDeliveryTable, WebhookTable } from '../db/tables/notifications.ts';

/** Outbox rows by id. */
export async function findNotificationsByIds(db: Db, ids: readonly string[]): Promise<NotificationTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('notifications').selectAll().where('id', 'in', ids).execute();
}

/**
 * Portal time zones, date formats and e-mail senders, course and batch names and recipients' names for a set of
 * outbox rows (four queries).
 */
export async function findDeliveryNames(db: Db, rows: readonly NotificationTable[]) {
  const unique = (values: (string | null)[]) => [...new Set(values.filter((value) => value !== null))] as string[];
  const portalIds = unique(rows.map((row) => row.portal_id));
  const courseIds = unique(rows.map((row) => row.course_id));
  const batchIds = unique(rows.map((row) => row.batch_id));
  const erecnos = unique(rows.map((row) => row.erecno));
  const [portals, courses, batches, people] = await Promise.all([
    portalIds.length === 0
      ? []
      : db
          .selectFrom('portals')
          .select(['id', 'time_zone', 'date_format', 'mail_sender_name', 'mail_sender_address'])
          .where('id', 'in', portalIds)
          .execute(),
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
    dateFormats: new Map(portals.map((row) => [row.id, row.date_format])),
    senders: new Map(
      portals
        .filter((row) => row.mail_sender_address !== null)
        .map((row) => [row.id, { name: row.mail_sender_name ?? '', address: row.mail_sender_address! }]),
    ),
    courses: new Map(courses.map((row) => [row.id, row.name])),
    batches: new Map(batches.map((row) => [row.id, row.name])),
    people: new Map(people.map((row) => [row.erecno, row.display_name])),
  };
}

/** Webhooks by id, whatever their portal (the delivery run). */
export async function findWebhooksByIds(db: Db, ids: readonly string[]): Promise<WebhookTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('webhooks').selectAll().where('id', 'in', ids).execute();
}

/** Deliveries by id (the delivery run). */
export async function findDeliveriesByIds(db: Db, ids: readonly string[]): Promise<WebhookDeliveryTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('webhook_deliveries').selectAll().where('id', 'in', ids).execute();
}
