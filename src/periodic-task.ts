/** A task run now and then every so often in this process: the scheduler's tick and the delivery run share it. */

/** Where a periodic task reports (a pino logger fits). */
export interface PeriodicTaskLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** A started periodic task; stop() clears its timer and waits for a running run to finish. */
export interface PeriodicTask {
  stop(): Promise<void>;
}

/**
 * Runs `task` now and then every `intervalMs`, never two runs at once in this process. The timer does not keep the
 * process alive; a failed run is logged with `failureMessage`, never thrown, and the next run comes as planned.
 */
export function startPeriodicTask(
  task: () => Promise<void>,
  options: { intervalMs: number; log: PeriodicTaskLog; failureMessage: string },
): PeriodicTask {
  const { intervalMs, log, failureMessage } = options;
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running !== null || stopped) return;
    running = task()
      .catch((error: unknown) => log.error({ err: error }, failureMessage))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(run, 0);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
