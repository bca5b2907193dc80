/** The periodic delivery run `lectern serve` starts (LECTERN_DELIVERY_INTERVAL_SECONDS). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeliveryTimer } from '../src/deliveries/delivery-runner.ts';
import { personNamed } from './helpers/courses.ts';
import { batchWithSession, eventOf, outboxRows, recordInTransaction } from './helpers/notifications.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';
import { expectFailuresLoggedUntilStopped, runTimerOnce } from './helpers/timers.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

describe('the delivery timer', () => {
  it('runs at once, logs what it did, and stop() waits for the running run', async () => {
    const path = await batchWithSession(lectern);
    const learner = await personNamed(lectern, 'Fatima Zahra');
    await recordInTransaction(lectern, [
      eventOf(lectern, { type: 'learner.enrolled.v1', courseId: path.courseId, erecno: learner.erecno }),
    ]);
    const log = await runTimerOnce(lectern, startDeliveryTimer);
    // This test's Lectern has no SMTP settings: the e-mail is skipped, not left waiting.
    expect(log.info).toHaveBeenCalledWith(
      { emails: { sent: 0, failed: 0, skipped: 1 }, webhooks: { sent: 0, failed: 0, skipped: 0 } },
      'delivery run',
    );
    expect((await outboxRows(lectern)).map((row) => row.status)).toEqual(['skipped']);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('logs a failing run instead of throwing, keeps running, and stops when told', async () => {
    await expectFailuresLoggedUntilStopped(
      lectern,
      startDeliveryTimer,
      'delivery run failed; it is retried at the next run',
    );
  });
});
