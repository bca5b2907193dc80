import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from '../src/events/record-events.ts';
import { employeeNamed, insertCourseMember, type Person, personNamed } from './helpers/courses.ts';
import {
  batchWithSession,
  clearOutbox,
  enrolDirectly,
  eventOf,
  outboxRows,
  recordInTransaction,
} from './helpers/notifications.ts';
import { createSession, erecnoOf, patchSession, sessionsUrl } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let learner: Person;
let otherLearner: Person;
let waiting: Person;
let courseAdmin: Person;
beforeAll(async () => {
  // The receivers listen on 127.0.0.1, which webhooks reach only when the operator allows loopback.
  lectern = await createTestLectern({ env: { LECTERN_WEBHOOK_ALLOW_PRIVATE: 'loopback' } });
  learner = await personNamed(lectern, 'Fatima Zahra');
  otherLearner = await personNamed(lectern, 'Gustav Lind');
  waiting = await personNamed(lectern, 'Kofi Mensah');
  courseAdmin = await personNamed(lectern, 'Julia Moreau');
});
afterAll(() => lectern.close());

describe('the outbox is written with the change', () => {
  it('an enrolment with notify queues one e-mail to the learner with the batch sessions as a REQUEST', async () => {
    await clearOutbox(lectern);
    const path = await batchWithSession(lectern);
    await enrolDirectly(lectern, path, [learner.erecno]);
    await recordInTransaction(lectern, [
      eventOf(lectern, {
        type: 'learner.enrolled.v1',
        courseId: path.courseId,
        batchId: path.batchId,
        erecno: learner.erecno,
        subject: { kind: 'batch', id: path.batchId },
      }),
    ]);
    const rows = await outboxRows(lectern);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      erecno: learner.erecno,
      email: employeeNamed(lectern, 'Fatima Zahra').email_id,
      reason: 'learner',
      status: 'pending',
      event_type: 'learner.enrolled.v1',
    });
    const payload = JSON.parse(row!.payload);
    expect(payload.invite.method).toBe('REQUEST');
    expect(payload.invite.sessions.map((session: { id: string }) => session.id)).toEqual([path.sessionId]);
  });

  it('an event without notify queues no e-mail', async () => {
    await clearOutbox(lectern);
    const path = await batchWithSession(lectern);
    await recordInTransaction(lectern, [
      eventOf(lectern, {
        type: 'learner.enrolled.v1',
        courseId: path.courseId,
        batchId: path.batchId,
        erecno: learner.erecno,
        notify: false,
      }),
    ]);
    expect(await outboxRows(lectern)).toHaveLength(0);
  });

  it('a session change goes to the enrolled learners (not the waitlist) and the trainer; a cancel is a CANCEL', async () => {
    await clearOutbox(lectern);
    const path = await batchWithSession(lectern);
    await enrolDirectly(lectern, path, [learner.erecno, otherLearner.erecno]);
    await enrolDirectly(lectern, path, [waiting.erecno], 'waitlisted');
    const session = { kind: 'session' as const, id: path.sessionId };
    const common = { courseId: path.courseId, batchId: path.batchId, subject: session };
    await recordInTransaction(lectern, [eventOf(lectern, { type: 'session.updated.v1', ...common })]);
    await recordInTransaction(lectern, [eventOf(lectern, { type: 'session.cancelled.v1', ...common })]);
    const rows = await outboxRows(lectern);
    const of = (type: string) => rows.filter((row) => row.event_type === type);
    for (const type of ['session.updated.v1', 'session.cancelled.v1']) {
      expect(
        of(type)
          .map((row) => `${row.erecno}:${row.reason}`)
          .sort(),
      ).toEqual(
        [`${learner.erecno}:learner`, `${otherLearner.erecno}:learner`, `${path.trainerErecno}:trainer`].sort(),
      );
    }
    expect(of('session.updated.v1').map((row) => JSON.parse(row.payload).invite.method)).toEqual(
      Array(3).fill('REQUEST'),
    );
    expect(of('session.cancelled.v1').map((row) => JSON.parse(row.payload).invite.method)).toEqual(
      Array(3).fill('CANCEL'),
    );
  });

  it('deleting a session of a published batch (Delete Session API) queues CANCEL invites described from before', async () => {
    await clearOutbox(lectern);
    const path = await batchWithSession(lectern);
    await enrolDirectly(lectern, path, [learner.erecno]);
    const session = await lectern.app.lectern.db
      .selectFrom('class_sessions')
      .selectAll()
      .where('id', '=', path.sessionId)
      .executeTakeFirstOrThrow();
    const deleted = await lectern.app.inject({
      method: 'DELETE',
      url: sessionsUrl(path, path.sessionId),
      headers: lectern.auth(lectern.adminToken),
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    const rows = (await outboxRows(lectern)).filter((row) => row.event_type === 'session.cancelled.v1');
    expect(rows.map((row) => `${row.erecno}:${row.reason}`).sort()).toEqual(
      [`${learner.erecno}:learner`, `${path.trainerErecno}:trainer`].sort(),
    );
    const invite = JSON.parse(rows[0]!.payload).invite;
    expect(invite).toMatchObject({
      method: 'CANCEL',
      sessions: [
        {
          id: path.sessionId,
          name: session.name,
          date: session.date,
          startMinute: session.start_minute,
          endMinute: session.end_minute,
          sequence: session.sequence,
        },
      ],
    });
  });

  it('a session created and changed in a published batch (Session API) queues REQUEST invites', async () => {
    await clearOutbox(lectern);
    const path = await batchWithSession(lectern);
    await enrolDirectly(lectern, path, [learner.erecno, otherLearner.erecno]);
    const created = await createSession(lectern, path);
    const rows = (await outboxRows(lectern)).filter((row) => row.event_type === 'session.created.v1');
    expect(rows.map((row) => `${row.erecno}:${row.reason}`).sort()).toEqual(
      [`${learner.erecno}:learner`, `${otherLearner.erecno}:learner`, `${created.trainerErecno}:trainer`].sort(),
    );
    expect(rows.every((row) => row.subject_id === created.sessionId)).toBe(true);
    expect(JSON.parse(rows[0]!.payload).invite).toMatchObject({
      method: 'REQUEST',
      sessions: [{ id: created.sessionId, name: created.sessionName }],
    });
  });

  it('a session handed to another trainer sends the new one a REQUEST and the previous one a CANCEL', async () => {
    await clearOutbox(lectern);
    const path = await batchWithSession(lectern);
    await enrolDirectly(lectern, path, [learner.erecno]);
    const newTrainer = erecnoOf(lectern, 'Divya Raman');
    const patched = await patchSession(lectern, path, path.sessionId, { trainerErecno: newTrainer });
    expect(patched.statusCode, patched.body).toBe(200);
    const rows = (await outboxRows(lectern)).filter((row) => row.event_type === 'session.updated.v1');
    const invites = rows.map((row) => `${row.erecno}:${row.reason}:${JSON.parse(row.payload).invite.method}`).sort();
    expect(invites).toEqual(
      [
        `${learner.erecno}:learner:REQUEST`,
        `${newTrainer}:trainer:REQUEST`,
        `${path.trainerErecno}:trainer:CANCEL`,
      ].sort(),
    );
  });

  it("an event's before-state in Lectern's snapshot keys describes a session too", async () => {
    await clearOutbox(lectern);
    const path = await batchWithSession(lectern);
    await enrolDirectly(lectern, path, [learner.erecno]);
    const before = { name: 'Gone', date: '2026-02-10', startMinute: 600, endMinute: 660, sequence: 2 };
    await recordInTransaction(lectern, [
      eventOf(lectern, {
        type: 'session.cancelled.v1',
        courseId: path.courseId,
        batchId: path.batchId,
        subject: { kind: 'session', id: '123456789012345678' },
        before: { ...before, trainerErecno: path.trainerErecno },
      }),
    ]);
    const rows = await outboxRows(lectern);
    expect(rows.map((row) => row.reason).sort()).toEqual(['learner', 'trainer']);
    expect(JSON.parse(rows[0]!.payload).invite).toMatchObject({ method: 'CANCEL', sessions: [before] });
  });

  it('course.published goes to the owner and course admins; batch.published also to the trainers, with their sessions', async () => {
    await clearOutbox(lectern);
    const path = await batchWithSession(lectern);
    await insertCourseMember(lectern, path.courseId, courseAdmin.erecno);
    await recordInTransaction(lectern, [
      eventOf(lectern, { type: 'course.published.v1', courseId: path.courseId }),
      eventOf(lectern, {
        type: 'batch.published.v1',
        courseId: path.courseId,
        batchId: path.batchId,
        subject: { kind: 'batch', id: path.batchId },
      }),
    ]);
    const rows = await outboxRows(lectern);
    const reasons = (type: string) =>
      rows
        .filter((row) => row.event_type === type)
        .map((row) => `${row.erecno}:${row.reason}`)
        .sort();
    expect(reasons('course.published.v1')).toEqual(
      [`${lectern.adminErecno}:owner`, `${courseAdmin.erecno}:courseAdmin`].sort(),
    );
    expect(reasons('batch.published.v1')).toEqual(
      [`${lectern.adminErecno}:owner`, `${courseAdmin.erecno}:courseAdmin`, `${path.trainerErecno}:trainer`].sort(),
    );
    const trainerRow = rows.find((row) => row.reason === 'trainer')!;
    expect(JSON.parse(trainerRow.payload).invite.sessions).toHaveLength(1);
  });

  it('a change that fails writes no e-mail and no webhook delivery', async () => {
    await clearOutbox(lectern);
    const path = await batchWithSession(lectern);
    const created = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/webhooks',
      headers: lectern.auth(lectern.adminToken),
      payload: { url: 'http://127.0.0.1:9/hook', events: ['*'] },
    });
    expect(created.statusCode, created.body).toBe(200);
    const context = lectern.app.lectern;
    const failing = context.db.transaction().execute(async (trx) => {
      await recordEvents(trx, context, [
        eventOf(lectern, {
          type: 'learner.enrolled.v1',
          courseId: path.courseId,
          batchId: path.batchId,
          erecno: learner.erecno,
        }),
      ]);
      throw new Error('the change failed after recording its events');
    });
    await expect(failing).rejects.toThrow('the change failed');
    expect(await outboxRows(lectern)).toHaveLength(0);
    const deliveries = await context.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('portal_id', '=', lectern.portalId)
      .execute();
    expect(deliveries).toHaveLength(0);
    await lectern.app.inject({
      method: 'DELETE',
      url: `/lectern/v1/webhooks/${created.json().webhook.webhookId}`,
      headers: lectern.auth(lectern.adminToken),
    });
  });
});
