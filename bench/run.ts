/**
 * `npm run bench`: Lectern against a bare node:http server in the same run, each server in a child process of its own
 * and the load (autocannon) in this process; every scenario at each connection count, on SQLite and PostgreSQL; then
 * the startup rows. Prints markdown tables and writes bench/results/<time>.json. `--help` lists the flags.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, judge, runEngine } from './engine-run.ts';
import { measureFsyncRate } from './fsync-rate.ts';
import { measureLoad } from './load.ts';
import { type BenchOptions, parseOptions, UsageError, usage } from './options.ts';
import { buildLectern, startBareProcess } from './processes.ts';
import {
  addRatios,
  compareRuns,
  type IdleMemory,
  idleMemoryTable,
  loadTable,
  machine,
  type Row,
  type RunFile,
  saveRun,
} from './report.ts';
import { ensureScaleStore, keptBenchStore } from './scale-store.ts';
import { scenarios } from './scenarios.ts';
import { measureStartup, type StartupMeasurement, startupTable } from './startup.ts';
import { type BenchStore, type Engine, inFreshSchema, postgresStore, sqliteStore } from './stores.ts';

const resultsFolder = fileURLToPath(new URL('./results/', import.meta.url));

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Measures the bare baseline at every connection count; `label` tells the opening runs from the closing ones. */
async function bareRows(options: BenchOptions, label: string): Promise<Row[]> {
  const bare = scenarios.find((scenario) => scenario.name === 'bare')!;
  const server = await startBareProcess();
  try {
    const plan = await bare.prepare(null as never, '');
    const rows: Row[] = [];
    for (const connections of options.connections) {
      log(`bare node:http (${server.bodyBytes}-byte body), ${label}, ${connections} connections`);
      const result = await measureLoad(server, plan, connections, options.seconds);
      rows.push({
        // The closing runs are rows of their own, so that comparing two files matches first with first.
        scenario: label === 'first' ? bare.name : `${bare.name}-${label}`,
        title: `${bare.title}, ${label}`,
        engine: 'none',
        connections,
        status: judge(result),
        note: describe(result),
        ratioToBare: null,
        ...result,
      });
    }
    return rows;
  } finally {
    await server.stop();
  }
}

async function openStore(engine: Engine, options: BenchOptions): Promise<BenchStore> {
  if (options.keepStore && options.scale !== null)
    return keptBenchStore(await ensureScaleStore(engine, options.scale, log));
  return engine === 'sqlite' ? sqliteStore() : await postgresStore(options.postgresUrl);
}

/** Every selected load scenario on every selected engine, between two runs of the baseline. */
async function benchLoad(options: BenchOptions): Promise<{ rows: Row[]; skipped: string[]; idle: IdleMemory[] }> {
  const selected = scenarios.filter(
    (scenario) => scenario.name !== 'bare' && options.scenarios.includes(scenario.name),
  );
  const rows = await bareRows(options, 'first');
  const skipped: string[] = [];
  const idle: IdleMemory[] = [];
  const logDir = mkdtempSync(join(tmpdir(), 'lectern-bench-logs-'));
  try {
    for (const engine of options.engines) {
      if (selected.length === 0) break;
      let store: BenchStore;
      try {
        store = await openStore(engine, options);
      } catch (error) {
        // An unreachable PostgreSQL is said in the output, not hidden: the table then has no PostgreSQL rows.
        skipped.push(`${engine} skipped: ${(error as Error).message} (BENCH_DATABASE_URL names another server)`);
        log(skipped.at(-1)!);
        continue;
      }
      try {
        // A kept store is seeded already (openStore saw to it).
        const engineOptions = { ...options, logDir, log, scale: options.keepStore ? null : options.scale };
        const run = await runEngine(store, selected, engineOptions);
        rows.push(...run.rows);
        idle.push({ engine, rssMb: run.idleRssMb });
      } finally {
        await store.dispose();
      }
    }
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
  // The baseline again at the end: on a shared machine the load changes, and the ratio uses the mean of both.
  if (selected.length > 0) rows.push(...(await bareRows(options, 'last')));
  addRatios(rows);
  return { rows, skipped, idle };
}

/** The startup rows, with PostgreSQL when it is among the engines. */
async function benchStartup(options: BenchOptions): Promise<StartupMeasurement[]> {
  if (options.engines.includes('postgres')) {
    const url = options.postgresUrl;
    return inFreshSchema(url, (schema) => measureStartup({ url, schema }, log));
  }
  return measureStartup(null, log);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const options = parseOptions(argv, process.env);
  if (options.compare !== null) {
    process.stdout.write(compareRuns(...options.compare));
    return;
  }
  const startedAt = new Date().toISOString();
  const machineAtStart = machine();
  log('building dist/ (npm run build)');
  buildLectern();
  log(
    `Node ${process.version}, ${machineAtStart.cpus} CPUs, load ${machineAtStart.load.join(' ')}; ` +
      `${options.seconds} s per run after 1 s of warm-up; connections ${options.connections.join(', ')}; loopback` +
      (options.scale === null ? '' : `; seeded with ${JSON.stringify(options.scale)}`),
  );
  const load = options.scenarios.length > 0 ? await benchLoad(options) : { rows: [], skipped: [], idle: [] };
  if (load.rows.length > 0) process.stdout.write(loadTable(load.rows));
  if (load.idle.length > 0) process.stdout.write(`\n${idleMemoryTable(load.idle)}`);
  // After the load, so it never competes with a run: what one durable write costs the disk the stores are on.
  const fsyncsPerSecond = load.rows.length > 0 ? measureFsyncRate() : null;
  if (fsyncsPerSecond !== null) {
    process.stdout.write(`\ndisk: ${fsyncsPerSecond.toFixed(0)} fdatasync/s (4 KiB appends, temporary folder)\n`);
  }
  for (const line of load.skipped) process.stdout.write(`\n${line}\n`);
  const startup = options.startup ? await benchStartup(options) : [];
  if (startup.length > 0) process.stdout.write(`\n${startupTable(startup)}`);
  const settings = {
    engines: options.engines,
    scenarios: options.scenarios,
    connections: options.connections,
    seconds: options.seconds,
    warmUpSeconds: '1 (3 on the servers started for the rate-limited rows)',
    logLevel: options.logLevel,
    scale: options.scale,
    lectern:
      'lectern serve from dist/, production defaults (scheduler and deliveries on, logs to a file) but the rate ' +
      'limit off; the rate-limited rows run a second process with it on at 1,000,000 calls a minute',
    skipped: load.skipped,
    fsyncsPerSecond,
  };
  const run: RunFile = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: machineAtStart,
    settings,
    rows: load.rows,
    startup,
    idleMemory: load.idle,
  };
  log(`results: ${saveRun(resultsFolder, run)}`);
  if (load.rows.some((row) => row.status === 'flagged' || row.status === 'failed')) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError) log(`${error.message}\n\n${usage}`);
  else log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
