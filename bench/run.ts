/**
 * `npm run bench`: bare node:http against Lectern on a temporary SQLite file (and on PostgreSQL when
 * BENCH_DATABASE_URL is set), in one run, on loopback, each scenario for BENCH_SECONDS (default 5); then the
 * startup rows. `npm run bench -- --scenario startup` (or `load`) runs one part.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/db/create-db.ts';
import { startBareServer } from './bare-server.ts';
import { lecternScenarios, startLectern } from './lectern-target.ts';
import { type Measurement, measure } from './load.ts';
import { measureStartup, startupTable } from './startup.ts';

// The bench is a tool, not the server: it reads its two knobs here rather than through src/config.ts.
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
// PostgreSQL is measured by default on the local server the project's tests use; BENCH_DATABASE_URL=off skips it.
const postgresSetting = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const postgresUrl = postgresSetting === 'off' ? null : postgresSetting;
const scenarioFlag = process.argv.indexOf('--scenario');
const part = scenarioFlag === -1 ? 'all' : process.argv[scenarioFlag + 1];
if (part !== 'all' && part !== 'load' && part !== 'startup') {
  throw new Error(`--scenario must be load or startup, got "${part}"`);
}
if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
  throw new Error(`BENCH_SECONDS must be a number of seconds from 1 to 600, got "${process.env.BENCH_SECONDS}"`);
}

/** Measures fetch and update (and /healthz when asked) against Lectern on one store. */
async function benchStore(database: DatabaseHandle, label: string, includeHealth: boolean): Promise<Measurement[]> {
  const target = await startLectern(database);
  try {
    const rows: Measurement[] = [];
    for (const scenario of lecternScenarios(target, label, includeHealth)) {
      log(`  ${scenario.name}...`);
      rows.push(await measure(scenario, seconds));
    }
    return rows;
  } finally {
    await target.close();
  }
}

async function benchSqlite(): Promise<Measurement[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lectern-bench-'));
  const database = openDatabase({ dataDir, sqliteSynchronous: 'FULL' });
  try {
    return await benchStore(database, 'SQLite, synchronous=FULL', true);
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs `work` in a fresh schema, dropped afterwards, so the bench never touches existing tables. */
async function inFreshSchema<T>(url: string, work: (schema: string) => Promise<T>): Promise<T> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
    return await work(schema);
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

async function benchPostgres(url: string): Promise<Measurement[]> {
  return inFreshSchema(url, async (schema) => {
    const database = openDatabase({ dataDir: null, databaseUrl: url, postgresSchema: schema });
    try {
      return await benchStore(database, 'PostgreSQL', false);
    } finally {
      await database.close();
    }
  });
}

/** The startup rows, on PostgreSQL too unless it is off or unreachable. */
async function benchStartup(): Promise<string> {
  if (postgresUrl !== null) {
    try {
      return startupTable(
        await inFreshSchema(postgresUrl, (schema) => measureStartup({ url: postgresUrl, schema }, log)),
      );
    } catch (error) {
      log(`  PostgreSQL startup skipped: ${(error as Error).message}`);
    }
  }
  return startupTable(await measureStartup(null, log));
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function table(rows: Measurement[], baseline: Measurement): string {
  const fixed = (value: number, digits: number) => value.toFixed(digits);
  const milliseconds = (value: number) => (value < 1 ? '<1' : fixed(value, 0));
  const lines = [
    '| scenario | requests/s | p50 ms | p99 ms | non-2xx | vs node:http |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${fixed(row.requestsPerSecond, 0)} | ${milliseconds(row.p50Ms)} | ${milliseconds(row.p99Ms)} | ` +
        `${row.non2xx} | ${fixed(row.requestsPerSecond / baseline.requestsPerSecond, 2)}x |`,
    ),
  ];
  const failing = rows.filter((row) => row.errors > 0);
  for (const row of failing) lines.push('', `${row.name}: ${row.errors} connection errors or timeouts`);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  if (part !== 'startup') await benchLoad();
  if (part !== 'load') process.stdout.write(`\n${await benchStartup()}`);
}

async function benchLoad(): Promise<void> {
  log(`Node ${process.version}, ${seconds} s per scenario after 1 s of warm-up, 10 connections, loopback`);
  const bare = await startBareServer();
  let baseline: Measurement;
  try {
    log(`  bare node:http (${bare.bodyBytes}-byte course body)...`);
    baseline = await measure({ name: 'bare node:http GET', url: bare.url }, seconds);
  } finally {
    await bare.close();
  }
  const rows = [baseline, ...(await benchSqlite())];
  if (postgresUrl !== null) {
    try {
      rows.push(...(await benchPostgres(postgresUrl)));
    } catch (error) {
      log(`  PostgreSQL skipped: ${(error as Error).message} (set BENCH_DATABASE_URL to another server, or off)`);
    }
  }
  process.stdout.write(table(rows, baseline));
}

try {
  await main();
} catch (error) {
  log(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
