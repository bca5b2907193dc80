/** The subject and text of outbox e-mails as they are (or were) sent, for readers such as the control room's mailbox. */
import { defaultDateFormat, isDateFormat } from '../dates.ts';
import type { Db } from '../db/database.ts';
import type { NotificationTable } from '../db/tables/notifications.ts';
import type { NotificationPayload, OutboxPayload } from '../events/index.ts';
import { findDeliveryNames } from './delivery-rows.repository.ts';
import { composeMessage, type MessageNames, type MessageSessions } from './notification-message.ts';

type DeliveryNames = Awaited<ReturnType<typeof findDeliveryNames>>;

/** The names a loaded outbox row's e-mail mentions (the delivery run and the previews agree on them). */
export function messageNamesOf(
  row: NotificationTable,
  payload: NotificationPayload,
  names: DeliveryNames,
): MessageNames {
  return {
    recipientName: names.people.get(row.erecno) ?? row.email,
    courseName: names.courses.get(row.course_id) ?? 'a course',
    batchName: row.batch_id === null ? null : (names.batches.get(row.batch_id) ?? null),
    sessionName: payload.invite?.sessions.find((session) => session.id === row.subject_id)?.name ?? null,
  };
}

/** The sessions a row's e-mail lists, with its portal's date format and time zone. */
export function messageSessionsOf(
  row: NotificationTable,
  payload: NotificationPayload,
  names: DeliveryNames,
): MessageSessions {
  const stored = names.dateFormats.get(row.portal_id);
  return {
    sessions: payload.invite?.sessions ?? [],
    dateFormat: isDateFormat(stored) ? stored : defaultDateFormat,
    timeZone: names.timeZones.get(row.portal_id) ?? 'UTC',
  };
}

/** A row's subject and text: an account e-mail's as written, an event's composed from the names. */
export function messageOf(
  row: NotificationTable,
  payload: OutboxPayload,
  names: DeliveryNames,
): { subject: string; text: string } {
  if ('account' in payload) return { subject: payload.account.subject, text: payload.account.text };
  return composeMessage(
    payload.event,
    messageNamesOf(row, payload, names),
    payload.invite !== null,
    messageSessionsOf(row, payload, names),
  );
}

/** Each row's subject, text and invite method, by row id; four queries whatever the number of rows. */
export async function previewMessages(db: Db, rows: readonly NotificationTable[]) {
  const names = await findDeliveryNames(db, rows);
  const previews = new Map<string, { subject: string; text: string; invite: 'REQUEST' | 'CANCEL' | null }>();
  for (const row of rows) {
    const payload = JSON.parse(row.payload) as OutboxPayload;
    const message = messageOf(row, payload, names);
    previews.set(row.id, { ...message, invite: payload.invite?.method ?? null });
  }
  return previews;
}
