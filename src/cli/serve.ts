/** `lectern serve`: prepare the store, listen, print where to go, and stop cleanly on SIGTERM or SIGINT. */
import type { AddressInfo } from 'node:net';
import closeWithGrace from 'close-with-grace';
import type { LecternApp } from '../app.ts';
import { systemClock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/create-db.ts';
import type { PeriodicTask } from '../periodic-task.ts';
import { type PreparedStore, prepareStore } from '../store.ts';
import { listenError } from './start-up-problems.ts';
import { describeStore, openConfiguredDatabase, storeFlags } from './store-options.ts';

/** The scheduler and the deliveries start this long after start-up: the first requests (a probe, a test) go first. */
const firstRunAfterMs = 1000;

/** How long in-flight requests get to finish after a stop signal before the process gives up on them. */
const shutdownGraceMs = 10_000;

/** Opens the store, prepares it before listening (so the first request finds it ready), then listens. */
export async function serve(config: Config): Promise<LecternApp> {
  // Loaded here, not at the top: Fastify and every route take about a second to load, which the other
  // commands (and --help) need not pay.
  const database = await openConfiguredDatabase(config);
  const { buildApp } = await import('../app.ts');
  let app: LecternApp | undefined;
  let prepared: PreparedStore;
  try {
    app = await buildApp({ config, database, clock: systemClock, logger: true });
    prepared = await prepareStore(app.lectern, config);
    startBackgroundRuns(app, config);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app?.close();
    await database.close();
    throw listenError(config, error) ?? error;
  }
  process.stdout.write(banner(config, baseUrl(app), prepared));
  stopOnSignals(app, database);
  return app;
}

/**
 * Starts the batch scheduler's tick and the delivery runs (each unless its interval setting is 0) a second after
 * start-up, loading their modules only then, so that the first requests (a probe, a test) go first. The timers do not
 * keep the process alive, log their errors instead of throwing them, and are stopped (waiting for a running run) when
 * the app closes, before the store is closed.
 */
function startBackgroundRuns(app: LecternApp, config: Config): void {
  const timers: PeriodicTask[] = [];
  let closing = false;
  const startAll = async () => {
    if (config.schedulerIntervalSeconds > 0) {
      const { startSchedulerTimer } = await import('../features/schedulers/index.ts');
      const intervalMs = config.schedulerIntervalSeconds * 1000;
      if (!closing) timers.push(startSchedulerTimer(app.lectern, { intervalMs, log: app.log }));
    }
    if (config.deliveryIntervalSeconds > 0) {
      const { startDeliveryTimer } = await import('../deliveries/delivery-runner.ts');
      const intervalMs = config.deliveryIntervalSeconds * 1000;
      if (!closing) timers.push(startDeliveryTimer(app.lectern, { intervalMs, log: app.log }));
    }
  };
  const start = setTimeout(() => {
    startAll().catch((error: unknown) =>
      app.log.error({ err: error }, 'the scheduler or the deliveries did not start'),
    );
  }, firstRunAfterMs);
  start.unref();
  app.addHook('onClose', async () => {
    closing = true;
    clearTimeout(start);
    await Promise.all(timers.map((timer) => timer.stop()));
  });
}

/** The address actually bound (port 0 becomes the port the kernel chose). */
function baseUrl(app: LecternApp): string {
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function banner(config: Config, url: string, prepared: PreparedStore): string {
  const lines = [
    `Lectern is serving ${describeStore(config)}`,
    `  API:  ${url}/api/v1`,
    `  Docs: ${url}/docs`,
    `  Rate limit: ${describeRateLimit(config)}`,
  ];
  if (prepared.newAdminToken !== null) {
    lines.push(`  Admin token: ${prepared.newAdminToken}`);
    lines.push(
      config.demo
        ? '  (full scope, admin of the demo portal; shown once, so keep it)'
        : '  (full scope, the Administrator of an empty portal: add people with POST /lectern/v1/employees;' +
            ' shown once, so keep it)',
    );
  } else {
    lines.push(`  Tokens: lectern token create ${storeFlags(config)} --scopes ZOHOPEOPLE.training.ALL`);
  }
  if (config.bootstrapToken !== null) {
    lines.push('  LECTERN_BOOTSTRAP_TOKEN is installed as an operator token.');
  }
  return `${lines.join('\n')}\n`;
}

function describeRateLimit(config: Config): string {
  if (!config.rateLimit.enabled) return 'off';
  const { threshold, windowMs, lockMs } = config.rateLimit;
  const where = config.redisUrl === null ? 'kept in this process' : 'shared through Redis';
  return `${threshold} calls per ${windowMs / 1000} s per token and endpoint, then a ${lockMs / 1000} s lock (${where})`;
}

/**
 * SIGTERM, SIGINT (and SIGHUP, SIGQUIT, or an uncaught error): stop accepting, close idle keep-alive connections,
 * let in-flight requests finish (their answers carry `Connection: close`), close the store, exit 0 (1 after an
 * error). After shutdownGraceMs, or on a second signal, the process exits 1 without waiting.
 */
function stopOnSignals(app: LecternApp, database: DatabaseHandle): void {
  closeWithGrace({ delay: shutdownGraceMs, logger: app.log }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'stopping after an uncaught error');
    else app.log.info({ signal }, 'stopping: finishing in-flight requests');
    await app.close();
    await database.close();
  });
}
