/**
 * The events that are not about one learner (publish, sessions) reach recordEvents with the right type, author,
 * before/after and notify flag; they stay out of the learner history. recordEvents is wrapped (not replaced) to watch
 * what the services hand it, so the history and outbox still receive everything.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LmsEvent } from '../src/events/event.types.ts';
import { runSchedulerTick } from '../src/features/schedulers/scheduler.runner.ts';
import { addMandatoryLink } from './helpers/content.ts';
import { createCourse, jsonType } from './helpers/courses.ts';
import { createBatchModule, createSession, type ModulePath, sessionsUrl } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

const seen = vi.hoisted(() => ({ events: [] as LmsEvent[] }));
vi.mock('../src/events/record-events.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/events/record-events.ts')>();
  return {
    recordEvents: async (...args: Parameters<typeof actual.recordEvents>) => {
      seen.events.push(...args[2]);
      return actual.recordEvents(...args);
    },
  };
});

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());
beforeEach(() => {
  seen.events.length = 0;
});

function post(url: string) {
  return lectern.app.inject({ method: 'POST', url, headers: lectern.auth(lectern.adminToken) });
}

/** A batch with a session and a mandatory link, ready to publish. */
async function readyBatch(): Promise<ModulePath> {
  const path = await createBatchModule(lectern);
  await createSession(lectern, path);
  await addMandatoryLink(lectern, { courseId: path.courseId, batchId: path.batchId });
  return path;
}

describe('publish', () => {
  it('records course.published.v1 once, notifying only when asked (the course page has no default)', async () => {
    const course = await createCourse(lectern, lectern.adminToken, { type: 1 });
    await addMandatoryLink(lectern, { courseId: course.courseId });
    expect((await post(`/api/v1/courses/${course.courseId}/publish`)).statusCode).toBe(200);
    expect((await post(`/api/v1/courses/${course.courseId}/publish?notifyApplicableUsers=True`)).statusCode).toBe(200);
    expect(seen.events).toEqual([
      {
        type: 'course.published.v1',
        portalId: lectern.portalId,
        courseId: course.courseId,
        batchId: null,
        erecno: null,
        by: lectern.adminErecno,
        at: lectern.clock.now(),
        subject: { kind: 'course', id: course.courseId },
        before: { status: 'drafted' },
        after: { status: 'published' },
        notify: false,
      },
    ]);
    const other = await createCourse(lectern, lectern.adminToken, { type: 1 });
    await addMandatoryLink(lectern, { courseId: other.courseId });
    seen.events.length = 0;
    expect((await post(`/api/v1/courses/${other.courseId}/publish?notifyApplicableUsers=true`)).statusCode).toBe(200);
    expect(seen.events.map((event) => [event.type, event.notify])).toEqual([['course.published.v1', true]]);
    // Not about a learner: the course's history stays empty.
    const history = await lectern.app.inject({
      url: `/lectern/v1/courses/${other.courseId}/history`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(history.json().history).toEqual([]);
  });

  it('records batch.published.v1 by the caller, notifying by default, and not for a refused or repeated publish', async () => {
    const empty = await createBatchModule(lectern);
    expect((await post(`/api/v1/courses/${empty.courseId}/batches/${empty.batchId}/publish`)).statusCode).toBe(400);
    const path = await readyBatch();
    seen.events.length = 0;
    const base = `/api/v1/courses/${path.courseId}/batches/${path.batchId}`;
    expect((await post(`${base}/publish`)).statusCode).toBe(200);
    expect((await post(`${base}/publish`)).statusCode).toBe(200);
    expect(seen.events).toEqual([
      expect.objectContaining({
        type: 'batch.published.v1',
        courseId: path.courseId,
        batchId: path.batchId,
        erecno: null,
        by: lectern.adminErecno,
        subject: { kind: 'batch', id: path.batchId },
        before: { status: 'unpublished' },
        after: { status: 'published' },
        notify: true,
      }),
    ]);
    const quiet = await readyBatch();
    seen.events.length = 0;
    const url = `/api/v1/courses/${quiet.courseId}/batches/${quiet.batchId}/publish?notifyApplicableUsers=FALSE`;
    expect((await post(url)).statusCode).toBe(200);
    expect(seen.events.map((event) => [event.type, event.notify])).toEqual([['batch.published.v1', false]]);
  });

  it("records the scheduler's automatic publish with nobody as author and the rule's notifyApplicableUsers", async () => {
    lectern.clock.set(Date.UTC(2026, 0, 5, 9));
    const source = await readyBatch();
    const created = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${source.courseId}/batches/schedulers`,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: JSON.stringify({
        batchName: 'Weekly',
        startDate: '12-01-2026',
        endDate: '12-01-2026',
        frequency: 1,
        frequencyUnit: 'week',
        minimumCapacity: 0,
        maximumCapacity: 10,
        sourceBatchId: source.batchId,
        publishBatchAutomatically: true,
        notifyApplicableUsers: false,
      }),
    });
    expect(created.statusCode, created.body).toBe(200);
    seen.events.length = 0;
    lectern.clock.set(Date.UTC(2026, 0, 12, 9));
    expect((await runSchedulerTick(lectern.app.lectern)).batchesCreated).toBe(1);
    expect(seen.events).toEqual([
      expect.objectContaining({ type: 'batch.published.v1', courseId: source.courseId, by: null, notify: false }),
    ]);
    expect(seen.events[0]!.batchId).not.toBe(source.batchId);
  });
});

describe('sessions', () => {
  it('records created, updated (only when the calendar changes) and cancelled, notifying once the batch is published', async () => {
    const path = await readyBatch();
    const patch = (sessionId: string, data: object, query = '') =>
      lectern.app.inject({
        method: 'PATCH',
        url: `${sessionsUrl(path, sessionId)}${query}`,
        headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
        payload: JSON.stringify(data),
      });
    seen.events.length = 0;
    const draft = await createSession(lectern, path, { roomId: '' });
    expect(seen.events.map((event) => [event.type, event.notify])).toEqual([['session.created.v1', false]]);
    expect(seen.events[0]).toMatchObject({
      erecno: null,
      subject: { kind: 'session', id: draft.sessionId },
      before: null,
      after: { sessionName: draft.sessionName, sessionStartDate: draft.sessionStartDate, sequence: 0 },
    });

    await post(`/api/v1/courses/${path.courseId}/batches/${path.batchId}/publish`);
    seen.events.length = 0;
    expect((await patch(draft.sessionId, { lockUntil: '01-01-2026' })).statusCode).toBe(200);
    expect((await patch(draft.sessionId, { name: draft.sessionName })).statusCode).toBe(200);
    expect(seen.events).toEqual([]);
    expect((await patch(draft.sessionId, { name: 'Moved' })).statusCode).toBe(200);
    expect(seen.events).toEqual([
      expect.objectContaining({
        type: 'session.updated.v1',
        notify: true,
        before: expect.objectContaining({ sessionName: draft.sessionName, sequence: 0 }),
        after: expect.objectContaining({ sessionName: 'Moved', sequence: 1 }),
      }),
    ]);
    seen.events.length = 0;
    expect((await patch(draft.sessionId, { name: 'Quiet' }, '?notifyApplicableUsers=false')).statusCode).toBe(200);
    expect(seen.events.map((event) => [event.type, event.notify])).toEqual([['session.updated.v1', false]]);
    const bad = await patch(draft.sessionId, { name: 'Never' }, '?notifyApplicableUsers=perhaps');
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'notifyApplicableUsers' });

    seen.events.length = 0;
    const deleted = await lectern.app.inject({
      method: 'DELETE',
      url: sessionsUrl(path, draft.sessionId),
      headers: lectern.auth(lectern.adminToken),
    });
    expect(deleted.statusCode).toBe(200);
    expect(seen.events).toEqual([
      expect.objectContaining({
        type: 'session.cancelled.v1',
        notify: true,
        before: expect.objectContaining({ sessionName: 'Quiet' }),
        after: null,
      }),
    ]);
  });
});
