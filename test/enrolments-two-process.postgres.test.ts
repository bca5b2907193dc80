/**
 * Two `lectern serve` processes on one PostgreSQL schema race 50 single-learner enrolments for a batch of 5 free
 * seats that keeps a waitlist: exactly 5 are seated, the other 45 wait in the order the server committed them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { databaseUrlOf, quietServerEnv, serverProcesses } from './helpers/processes.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
const processes = serverProcesses(quietServerEnv);
let urls: string[];

beforeAll(async () => {
  lectern = await createTestLectern();
  const databaseUrl = await databaseUrlOf(lectern);
  urls = await Promise.all([processes.start(databaseUrl), processes.start(databaseUrl)]);
}, 60_000);

afterAll(async () => {
  await processes.stopAll();
  await lectern.close();
}, 30_000);

/** 50 new employees through the control plane (the demo portal has about twenty). */
async function addRacers(): Promise<string[]> {
  const employees = Array.from({ length: 50 }, (_, index) => ({
    displayName: `Racer ${index}`,
    emailId: `racer.${index}@example.com`,
  }));
  const response = await lectern.app.inject({
    method: 'POST',
    url: '/lectern/v1/employees',
    headers: { ...lectern.auth(lectern.adminToken), 'content-type': 'application/json' },
    payload: JSON.stringify({ employees }),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().employees.map((employee: { erecno: string }) => employee.erecno);
}

it('seats exactly 5 and waitlists the other 45 in commit order, positions 0 to 44', async () => {
  const racers = await addRacers();
  const courseId = await createBlendedCourse(lectern);
  const batchId = await insertBatch(lectern, courseId, {
    startDate: '2026-06-01',
    endDate: '2026-06-30',
    maximumCapacity: 5,
    allowWaitlisting: true,
    publishStatus: 'published',
  });
  const path = `/api/v1/courses/${courseId}/batches/${batchId}/enroll`;

  const responses = await Promise.all(
    racers.map((erecno, index) =>
      fetch(`${urls[index % 2]}${path}?erecnosList=[${erecno}]`, {
        method: 'POST',
        headers: lectern.auth(lectern.adminToken),
      }),
    ),
  );
  expect(responses.map((response) => response.status)).toEqual(racers.map(() => 200));
  const outcomes = await Promise.all(responses.map(async (response) => (await response.json()).learners[0].status));
  expect(outcomes.filter((status) => status === 'enrolled')).toHaveLength(5);
  expect(outcomes.filter((status) => status === 'waitlisted')).toHaveLength(45);

  const rows = await lectern.app.lectern.db
    .selectFrom('enrolments')
    .select(['erecno', 'status', 'position', 'created_at'])
    .where('batch_id', '=', batchId)
    .execute();
  expect(rows.filter((row) => row.status === 'enrolled')).toHaveLength(5);
  const waiting = rows.filter((row) => row.status === 'waitlisted').sort((a, b) => a.position - b.position);
  expect(waiting.map((row) => row.position)).toEqual(Array.from({ length: 45 }, (_, index) => index));
  // Later positions were never created before earlier ones.
  const times = waiting.map((row) => Number(row.created_at));
  expect([...times].sort((a, b) => a - b)).toEqual(times);

  // The history numbers rows as they were inserted, inside each enrolment's locked transaction: the seats went to
  // the first five commits, and the waitlist positions follow the order of the commits after them.
  const history = await lectern.app.inject({
    url: `/lectern/v1/courses/${courseId}/history?batchId=${batchId}&limit=200`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(history.statusCode, history.body).toBe(200);
  const entries = history.json().history as { type: string; learner: { erecno: string }; after: any }[];
  expect(entries.map((entry) => entry.type)).toEqual([
    ...Array.from({ length: 5 }, () => 'learner.enrolled.v1'),
    ...Array.from({ length: 45 }, () => 'learner.waitlisted.v1'),
  ]);
  expect(entries.slice(5).map((entry) => entry.after.position)).toEqual(waiting.map((row) => row.position));
  expect(entries.slice(5).map((entry) => entry.learner.erecno)).toEqual(waiting.map((row) => row.erecno));
  // Both processes served part of the race.
  expect(new Set(urls).size).toBe(2);
}, 60_000);
