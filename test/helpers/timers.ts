/** The shared checks of the periodic timers `lectern serve` starts (batch schedulers, deliveries). */
import { expect, vi } from 'vitest';
import type { AppContext } from '../../src/context.ts';
import type { TestLectern } from './test-app.ts';

/** A stand-in for pino that records what a timer logs. */
export const recorder = () => ({ info: vi.fn(), error: vi.fn() });

/** How a timer is started: the context it works on, its interval and where it logs. */
export type StartTimer = (
  context: AppContext,
  options: { intervalMs: number; log: ReturnType<typeof recorder> },
) => { stop(): Promise<void> };

/** Starts a timer on the test's store, waits until it logs its first run, stops it and answers what it logged. */
export async function runTimerOnce(lectern: TestLectern, start: StartTimer): Promise<ReturnType<typeof recorder>> {
  const log = recorder();
  const timer = start(lectern.app.lectern, { intervalMs: 60_000, log });
  await vi.waitFor(() => expect(log.info).toHaveBeenCalled());
  await timer.stop();
  return log;
}

/**
 * Starts a timer on a store whose every call throws, and checks that it logs the failure with `failureMessage`
 * at once and at the next interval instead of throwing, and that nothing runs after stop().
 */
export async function expectFailuresLoggedUntilStopped(
  lectern: TestLectern,
  start: StartTimer,
  failureMessage: string,
): Promise<void> {
  const failing = new Proxy(lectern.app.lectern.db, {
    get: () => () => {
      throw new Error('the store is gone');
    },
  });
  const context: AppContext = { ...lectern.app.lectern, db: failing };
  const log = recorder();
  vi.useFakeTimers();
  try {
    const timer = start(context, { intervalMs: 60_000, log });
    await vi.advanceTimersByTimeAsync(0);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error).toHaveBeenCalledWith(
      { err: expect.objectContaining({ message: 'the store is gone' }) },
      failureMessage,
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(log.error).toHaveBeenCalledTimes(2);
    await timer.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(log.error).toHaveBeenCalledTimes(2);
  } finally {
    vi.useRealTimers();
  }
}
