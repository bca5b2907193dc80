/** The periodic delivery run `lectern serve` starts (LECTERN_DELIVERY_INTERVAL_SECONDS). */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../src/context.ts';
import { startDeliveryTimer } from '../src/features/deliveries/delivery-runner.ts';
import { personNamed } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';
import { batchWithSession, eventOf, outboxRows, recordInTransaction } from './notifications-helpers.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

/** A stand-in for pino that records what the timer logs. */
const recorder = () => ({ info: vi.fn(), error: vi.fn() });

describe('the delivery timer', () => {
  it('runs at once, logs what it did, and stop() waits for the running run', async () => {
    const path = await batchWithSession(lectern);
    const learner = await personNamed(lectern, 'Fatima Zahra');
    await recordInTransaction(lectern, [
      eventOf(lectern, { type: 'learner.enrolled.v1', courseId: path.courseId, erecno: learner.erecno }),
    ]);
    const log = recorder();
    const timer = startDeliveryTimer(lectern.app.lectern, { intervalMs: 60_000, log });
    await vi.waitFor(() => expect(log.info).toHaveBeenCalled());
    await timer.stop();
    // This test's Lectern has no SMTP settings: the e-mail is skipped, not left waiting.
    expect(log.info).toHaveBeenCalledWith(
      { emails: { sent: 0, failed: 0, skipped: 1 }, webhooks: { sent: 0, failed: 0, skipped: 0 } },
      'delivery run',
    );
    expect((await outboxRows(lectern)).map((row) => row.status)).toEqual(['skipped']);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('logs a failing run instead of throwing, keeps running, and stops when told', async () => {
    const failing = new Proxy(lectern.app.lectern.db, {
      get: () => () => {
        throw new Error('the store is gone');
      },
    });
    const context: AppContext = { ...lectern.app.lectern, db: failing };
    const log = recorder();
    vi.useFakeTimers();
    try {
      const timer = startDeliveryTimer(context, { intervalMs: 60_000, log });
      await vi.advanceTimersByTimeAsync(0);
      expect(log.error).toHaveBeenCalledTimes(1);
      expect(log.error).toHaveBeenCalledWith(
        { err: expect.objectContaining({ message: 'the store is gone' }) },
        'delivery run failed; it is retried at the next run',
      );
      await vi.advanceTimersByTimeAsync(60_000);
      expect(log.error).toHaveBeenCalledTimes(2);
      await timer.stop();
      await vi.advanceTimersByTimeAsync(600_000);
      expect(log.error).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
