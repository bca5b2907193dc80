/**
 * Shared by the notification and webhook tests: a published blended batch with a session and learners (enrolment rows
 * written straight into the table, so that only the events a test records itself reach the outbox), events recorded
 * in a transaction as the services record them, and a mail transport that keeps what it is given.
 */
import type { SendMailOptions } from 'nodemailer';
import type { MailTransport } from '../../src/deliveries/notification.delivery.ts';
import type { LmsEvent } from '../../src/events/event.types.ts';
import { recordEvents } from '../../src/events/record-events.ts';
import { createBatchModule, createSession, erecnoOf, type ModulePath } from './sessions.ts';
import type { TestLectern } from './test-app.ts';

/** A published batch of a blended course with one session (Chen Wei's) and the given learners. */
export interface BatchWithSession extends ModulePath {
  sessionId: string;
  trainerErecno: string;
}

/** Makes the batch and its session, then publishes batch and course (straight in the tables: Publish has its own tests). */
export async function batchWithSession(lectern: TestLectern): Promise<BatchWithSession> {
  const path = await createBatchModule(lectern);
  const session = await createSession(lectern, path);
  await lectern.app.lectern.db
    .updateTable('batches')
    .set({ publish_status: 'published', published_at: lectern.clock.now() })
    .where('id', '=', path.batchId)
    .execute();
  // A published batch keeps its course published (as Publish Batch does).
  await lectern.app.lectern.db.updateTable('courses').set({ status: 1 }).where('id', '=', path.courseId).execute();
  return { ...path, sessionId: session.sessionId as string, trainerErecno: erecnoOf(lectern, 'Chen Wei') };
}

/** Writes enrolment rows for the learners (no events: the test records its own). */
export async function enrolDirectly(
  lectern: TestLectern,
  path: ModulePath,
  erecnos: readonly string[],
  status: 'enrolled' | 'waitlisted' = 'enrolled',
): Promise<void> {
  await lectern.app.lectern.db
    .insertInto('enrolments')
    .values(
      erecnos.map((erecno, index) => ({
        portal_id: lectern.portalId,
        course_id: path.courseId,
        batch_id: path.batchId,
        erecno,
        status,
        position: status === 'waitlisted' ? index : 0,
        enrolled_by: lectern.adminErecno,
        created_at: lectern.clock.now(),
      })),
    )
    .execute();
}

/** An event of the test's portal; anything not given takes a plain default. */
export function eventOf(
  lectern: TestLectern,
  fields: Partial<LmsEvent> & Pick<LmsEvent, 'type' | 'courseId'>,
): LmsEvent {
  return {
    portalId: lectern.portalId,
    batchId: null,
    erecno: null,
    by: lectern.adminErecno,
    at: lectern.clock.now(),
    subject: { kind: 'course', id: fields.courseId },
    before: null,
    after: null,
    notify: true,
    ...fields,
  };
}

/** Records events in one transaction, as a service does with its change. */
export async function recordInTransaction(lectern: TestLectern, events: LmsEvent[]): Promise<void> {
  const context = lectern.app.lectern;
  await context.db.transaction().execute((trx) => recordEvents(trx, context, events));
}

/** A transport that keeps every message, and fails while `failing` is more than zero (counting down). */
export class RecordingTransport implements MailTransport {
  readonly sent: SendMailOptions[] = [];
  failing = 0;
  async sendMail(message: SendMailOptions): Promise<unknown> {
    if (this.failing > 0) {
      this.failing -= 1;
      throw Object.assign(new Error('451 try again later'), { responseCode: 451 });
    }
    this.sent.push(message);
    return { messageId: message.messageId };
  }
}

/** The outbox rows of the test's portal, oldest first. */
export function outboxRows(lectern: TestLectern) {
  return lectern.app.lectern.db
    .selectFrom('notifications')
    .selectAll()
    .where('portal_id', '=', lectern.portalId)
    .orderBy('id')
    .execute();
}

/** Deletes the test portal's outbox so that each test counts its own rows. */
export async function clearOutbox(lectern: TestLectern): Promise<void> {
  await lectern.app.lectern.db.deleteFrom('notifications').where('portal_id', '=', lectern.portalId).execute();
}
