import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { seatLearners } from './helpers/enrolments.ts';
import { createBatchModule, createSession, erecnoOf } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

async function count(table: keyof Database, courseId: string): Promise<number> {
  const row = await lectern.app.lectern.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('course_id' as never, '=', courseId as never)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

it('deleting a blended course removes its schedulers, batches, modules, sessions and attendance in one go', async () => {
  const path = await createBatchModule(lectern);
  const session = await createSession(lectern, path);
  await seatLearners(lectern, path, [erecnoOf(lectern, 'Hana Sato')]);
  const headers = { ...lectern.auth(lectern.adminToken), 'content-type': 'application/json' };
  const attendance = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${path.courseId}/batches/${path.batchId}/modules/${path.moduleId}/sessions/${session.sessionId}/markAttendance`,
    headers,
    payload: JSON.stringify({ learnerErecno: erecnoOf(lectern, 'Hana Sato'), status: 'Present' }),
  });
  expect(attendance.statusCode, attendance.body).toBe(200);
  const scheduler = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${path.courseId}/batches/schedulers`,
    headers,
    payload: JSON.stringify({
      batchName: 'Weekly',
      startDate: '12-01-2026',
      endDate: '30-03-2026',
      frequency: 1,
      frequencyUnit: 'week',
      minimumCapacity: 1,
      maximumCapacity: 10,
    }),
  });
  expect(scheduler.statusCode, scheduler.body).toBe(200);
  for (const table of ['batches', 'course_modules', 'class_sessions', 'batch_schedulers'] as const) {
    expect(await count(table, path.courseId)).toBeGreaterThan(0);
  }

  const deleted = await lectern.app.inject({
    method: 'DELETE',
    url: `/api/v1/courses/${path.courseId}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(deleted.statusCode, deleted.body).toBe(200);
  for (const table of ['batches', 'course_modules', 'class_sessions', 'batch_schedulers', 'course_members'] as const) {
    expect(await count(table, path.courseId)).toBe(0);
  }
  const marks = await lectern.app.lectern.db
    .selectFrom('session_attendance')
    .selectAll()
    .where('session_id', '=', session.sessionId)
    .execute();
  expect(marks).toEqual([]);
});

it('deleting a self-paced course removes its modules', async () => {
  const headers = { ...lectern.auth(lectern.adminToken), 'content-type': 'application/json' };
  const created = await lectern.app.inject({
    method: 'POST',
    url: '/api/v1/courses',
    headers,
    payload: JSON.stringify({ name: 'Self paced', type: 1 }),
  });
  const courseId = created.json().course.courseId;
  const module = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/modules`,
    headers,
    payload: JSON.stringify({ name: 'First' }),
  });
  expect(module.statusCode, module.body).toBe(200);
  expect(await count('course_modules', courseId)).toBe(1);
  await lectern.app.inject({
    method: 'DELETE',
    url: `/api/v1/courses/${courseId}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(await count('course_modules', courseId)).toBe(0);
});
