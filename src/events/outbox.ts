/**
 * The outbox: e-mails and webhook deliveries queued in the transaction of the change that caused them, so that a
 * change that rolls back queues nothing and a committed one loses nothing. Rows only: sending happens later in
 * notifications/notification.delivery.ts and webhooks/webhook.delivery.ts. Low-level on purpose (it imports only
 * the database and its neighbours here): every feature that records events sits above it.
 */
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { NotificationTable } from '../db/tables/notifications.ts';
import type { AccountMailPayload } from './account-mail.ts';
import type { LmsEvent } from './event.types.ts';
import { insertNotifications } from './outbox.repository.ts';
import {
  isSessionEvent,
  needsBatchSessions,
  type PlannedNotification,
  planNotifications,
} from './outbox-recipients.ts';
import * as sources from './outbox-sources.repository.ts';
import { enqueueWebhookDeliveries } from './webhook-outbox.ts';

/** What an outbox row's `payload` holds: the event, its id (shared with webhooks), and the invite to attach. */
export interface NotificationPayload {
  eventId: string;
  event: LmsEvent;
  invite: { method: 'REQUEST' | 'CANCEL'; sessions: sources.SessionSnapshot[] } | null;
}

/** Any outbox row's payload: an event's e-mail, or an account e-mail written out in full. */
export type OutboxPayload = NotificationPayload | AccountMailPayload;

const unique = (values: Iterable<string | null>) =>
  [...new Set([...values].filter((value) => value !== null))] as string[];

/** Loads what planning needs for all the events at once: at most five queries, whatever the number of events. */
async function loadSources(db: Db, events: readonly LmsEvent[]) {
  const sessionEvents = events.filter(isSessionEvent);
  const batchEvents = events.filter((event) => event.type === 'batch.published.v1' || isSessionEvent(event));
  const publishEvents = events.filter((event) => event.type.endsWith('.published.v1'));
  // A cancelled session may be gone already: its room (from `before`) still tells which zone it was held in.
  const roomsBefore = sessionEvents
    .filter((event) => event.type === 'session.cancelled.v1')
    .map((event) => event.before?.roomId)
    .filter((id): id is string => typeof id === 'string' && id !== '');
  const [sessions, batchLearners, owners, audience, roomTimeZones] = await Promise.all([
    sources.findSessionSnapshots(
      db,
      unique(sessionEvents.map((event) => event.subject.id)),
      unique(events.filter(needsBatchSessions).map((event) => event.batchId)),
    ),
    sources.findBatchLearners(db, unique(batchEvents.map((event) => event.batchId))),
    sources.findCourseOwners(db, unique(publishEvents.map((event) => event.courseId))),
    sources.findCourseAudience(db, unique(publishEvents.map((event) => event.courseId))),
    sources.findRoomTimeZones(db, unique(roomsBefore)),
  ]);
  return { sessions, batchLearners, owners, audience, roomTimeZones };
}

/** Queues e-mails and webhook deliveries for the events, in the caller's transaction. */
export async function enqueueDeliveries(db: Db, context: AppContext, events: readonly LmsEvent[]): Promise<void> {
  if (events.length === 0) return;
  const eventIds = events.map(() => context.ids.next());
  await enqueueWebhookDeliveries(db, context, events, eventIds);
  const notifying = events.filter((event) => event.notify);
  if (notifying.length === 0) return;
  const planned = planNotifications(notifying, await loadSources(db, notifying));
  if (planned.length === 0) return;
  const people = await sources.findRecipients(db, unique(planned.map((item) => item.erecno)));
  const byErecno = new Map(people.map((person) => [person.erecno, person]));
  const idOfEvent = new Map(events.map((event, index) => [event, eventIds[index]!]));
  const now = context.clock.now();
  const rows: NotificationTable[] = [];
  for (const item of planned) {
    const person = byErecno.get(item.erecno);
    // Nobody outside the event's portal, and nobody who has left, is written to.
    if (person === undefined || person.portal_id !== item.event.portalId || person.status !== 'active') continue;
    rows.push(outboxRow(context, item, idOfEvent.get(item.event)!, person.email_id, now));
  }
  await insertNotifications(db, rows);
}

function outboxRow(
  context: AppContext,
  item: PlannedNotification,
  eventId: string,
  email: string,
  now: number,
): NotificationTable {
  const payload: NotificationPayload = {
    eventId,
    event: item.event,
    invite: item.method === null ? null : { method: item.method, sessions: item.sessions },
  };
  const hasAddress = email.includes('@');
  return {
    id: context.ids.next(),
    portal_id: item.event.portalId,
    erecno: item.erecno,
    email,
    reason: item.reason,
    event_type: item.event.type,
    course_id: item.event.courseId,
    batch_id: item.event.batchId,
    subject_kind: item.event.subject.kind,
    subject_id: item.event.subject.id,
    payload: JSON.stringify(payload),
    // Someone without an address is still recorded (the outbox shows who was concerned), but never sent to.
    status: hasAddress ? 'pending' : 'skipped',
    attempts: 0,
    // The queue runs on the server's time: a portal whose clock the control room moved is still sent at once.
    next_attempt_at: context.clock.server.now(),
    claimed_until: null,
    last_error: hasAddress ? null : 'the employee has no e-mail address',
    created_at: now,
    sent_at: null,
  };
}
