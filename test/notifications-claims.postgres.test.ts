import { afterAll, beforeAll, expect, it } from 'vitest';
import { claimDue } from '../src/deliveries/delivery-queue.repository.ts';
import { personNamed } from './helpers/courses.ts';
import { batchWithSession, eventOf, outboxRows, recordInTransaction } from './helpers/notifications.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

it('runs claiming at the same time never claim the same row (FOR UPDATE SKIP LOCKED)', async () => {
  const path = await batchWithSession(lectern);
  const learner = await personNamed(lectern, 'Fatima Zahra');
  const events = Array.from({ length: 120 }, () =>
    eventOf(lectern, {
      type: 'marks.recorded.v1',
      courseId: path.courseId,
      batchId: path.batchId,
      erecno: learner.erecno,
    }),
  );
  await recordInTransaction(lectern, events);
  expect(await outboxRows(lectern)).toHaveLength(120);
  // Eight runs on separate pooled connections, as eight processes would be.
  const claims = await Promise.all(Array.from({ length: 8 }, () => claimDue(lectern.app.lectern, 'notifications', 20)));
  const ids = claims.flat().map((claim) => claim.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBeGreaterThan(20);
  const rows = await outboxRows(lectern);
  expect(rows.filter((row) => row.status === 'sending')).toHaveLength(ids.length);
  expect(rows.every((row) => row.attempts === (row.status === 'sending' ? 1 : 0))).toBe(true);
});
