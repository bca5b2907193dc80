/** The load scenarios against Lectern on one engine: a store, the servers on it, the seed, and a row per run. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type LoadResult, measureLoad } from './load.ts';
import type { ScaleCounts } from './options.ts';
import { pause, type ServerProcess, seedLecternStore, startLecternProcess } from './processes.ts';
import type { Row, RowStatus } from './report.ts';
import type { Scenario, ServerKind } from './scenarios.ts';
import { caller, fixture } from './seed.ts';
import type { BenchStore } from './stores.ts';

/** What every run of one engine shares. */
export interface EngineRunOptions {
  connections: number[];
  seconds: number;
  logLevel: string;
  redisUrl: string;
  /** A folder for the servers' logs (deleted by the caller). */
  logDir: string;
  log: (line: string) => void;
  /** Seeded into the store before its server starts (lectern seed), or null. */
  scale: ScaleCounts | null;
}

/**
 * A high threshold with Zoho's window and lock: the limiter does all its work on every call, but never refuses one
 * at the rates this machine reaches (a million calls in any minute).
 */
const rateLimitOn = {
  LECTERN_RATE_LIMIT: 'true',
  LECTERN_RATE_LIMIT_THRESHOLD: '1000000',
  // The main server already runs the scheduler and the deliveries; a second one starting would first work through
  // the outbox the write scenarios filled, inside this scenario's timing.
  LECTERN_SCHEDULER_INTERVAL_SECONDS: '0',
  LECTERN_DELIVERY_INTERVAL_SECONDS: '0',
};

const freshWarmUpSeconds = 3;

/** What one engine measured: a row per scenario and connection count, and its server's memory at rest. */
export interface EngineRun {
  rows: Row[];
  idleRssMb: number | null;
}

/** Runs `selected` (minus the bare baseline) on `store`. */
export async function runEngine(
  store: BenchStore,
  selected: Scenario[],
  options: EngineRunOptions,
): Promise<EngineRun> {
  const token = `bench-${randomBytes(24).toString('hex')}`;
  const base = {
    LECTERN_BOOTSTRAP_TOKEN: token,
    LECTERN_LOG_LEVEL: options.logLevel,
  };
  const start = (kind: ServerKind, settings: Record<string, string>) =>
    startLecternProcess(store.args, { ...base, ...settings }, join(options.logDir, `${store.engine}-${kind}.log`));
  if (options.scale !== null) {
    options.log(`${store.label}: seeding ${JSON.stringify(options.scale)}`);
    await seedLecternStore(store.args, options.scale, options.log);
  }
  options.log(`${store.label}: starting lectern serve`);
  const main = await start('lectern', { LECTERN_RATE_LIMIT: 'false' });
  // At rest: started a second ago (its start-up garbage collected or not, as a real server's would be), no request yet.
  await pause(1000);
  const idleRssMb = main.rssMb();
  options.log(`${store.label}: resident memory at rest ${idleRssMb?.toFixed(0) ?? '?'} MiB`);
  const rows: Row[] = [];
  try {
    const seeded = fixture(caller(main.url, token));
    for (const scenario of selected) {
      const row = (status: RowStatus, note: string | null, result: LoadResult | null, connections: number): Row => ({
        scenario: scenario.name,
        title: scenario.title,
        engine: store.engine,
        connections,
        status,
        note,
        ratioToBare: null,
        ...(result ?? {}),
      });
      const allRows = (status: RowStatus, note: string) => {
        for (const connections of options.connections) rows.push(row(status, note, null, connections));
        options.log(`  ${scenario.name}: ${status}, ${note}`);
      };
      if (scenario.probe !== undefined && (await probeStatus(main.url, scenario.probe, token)) === 404) {
        allRows('not available', `${scenario.probe.method} ${scenario.probe.path.split('?')[0]} answers 404`);
        continue;
      }
      let server: ServerProcess = main;
      try {
        options.log(`  ${scenario.name}: seeding`);
        const plan = await scenario.prepare(seeded, token);
        await store.settle();
        if (scenario.server === 'rate-limited') server = await start(scenario.server, rateLimitOn);
        if (scenario.server === 'rate-limited-redis') {
          server = await start(scenario.server, { ...rateLimitOn, REDIS_URL: options.redisUrl });
          // Without Redis, Lectern admits every call unthrottled and says so on /readyz: that is not this scenario.
          const ready = await fetch(`${server.url}/readyz`);
          await ready.arrayBuffer();
          if (ready.status !== 200) {
            allRows('not available', `/readyz answers ${ready.status}: Redis at ${options.redisUrl} is not reachable`);
            continue;
          }
        }
        for (const connections of options.connections) {
          options.log(`  ${scenario.name}, ${connections} connections`);
          // A server started for this scenario has served nothing yet: it gets longer to warm up than the main one.
          const warmUp = server === main ? 1 : freshWarmUpSeconds;
          const result = await measureLoad(server, plan, connections, options.seconds, warmUp);
          rows.push(row(judge(result), describe(result), result, connections));
        }
      } catch (error) {
        allRows('failed', (error as Error).message.slice(0, 300));
      } finally {
        if (server !== main) await server.stop();
      }
    }
  } finally {
    await main.stop();
  }
  return { rows, idleRssMb };
}

/** The status of one request, to tell an endpoint that does not exist (404) from one that does. */
async function probeStatus(baseUrl: string, probe: NonNullable<Scenario['probe']>, token: string): Promise<number> {
  const headers: Record<string, string> = probe.auth ? { authorization: `Zoho-oauthtoken ${token}` } : {};
  const response = await fetch(`${baseUrl}${probe.path}`, { method: probe.method, headers });
  await response.arrayBuffer();
  return response.status;
}

/** A run with any failed request, or none at all, is flagged: its figures do not measure what the row says. */
export function judge(result: LoadResult): RowStatus {
  const failed = result.non2xx > 0 || result.wrongBodies > 0 || result.errors > 0 || result.requests === 0;
  return failed ? 'flagged' : 'ok';
}

/** Why a row is flagged, in a few words. */
export function describe(result: LoadResult): string | null {
  const parts: string[] = [];
  const statuses = Object.entries(result.statusCodes).filter(([code]) => !code.startsWith('2'));
  if (statuses.length > 0) parts.push(`statuses ${statuses.map(([code, count]) => `${code}×${count}`).join(', ')}`);
  if (result.wrongBodies > 0) parts.push(`${result.wrongBodies} 2xx answers saying it was not done`);
  if (result.errors > 0) parts.push(`${result.errors} connection errors or timeouts`);
  if (result.requests === 0) parts.push('no request was answered within the run');
  return parts.length === 0 ? null : parts.join('; ');
}
