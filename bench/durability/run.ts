/**
 * `npm run durability`: kill -9 `lectern serve` at random moments under concurrent writes, restart it on the same
 * store, and check that no acknowledged write was lost and no course was stored twice; then count the fsyncs per
 * write at SQLite's FULL and NORMAL levels. Exits 1 on any loss, duplicate or refused write.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { countFsyncs, type FsyncCount, straceUnavailable } from './fsync-count.ts';
import { type LaneResult, runLane } from './lane.ts';
import type { Tally } from './ledger.ts';
import { postgresSynchronousCommit, postgresUrl } from './stores.ts';

type Engine = 'sqlite' | 'postgres';

const usage = `npm run durability -- [--points N] [--engine sqlite|postgres|both] [--clients N] [--lanes N]
  [--seed N] [--fsync-writes N]
  --points        kill points per engine (default 200)
  --engine        which store to kill under (default both; PostgreSQL at DURABILITY_DATABASE_URL or 127.0.0.1:5432/test)
  --clients       concurrent writing clients per store (default 8)
  --lanes         stores killed side by side per engine, splitting the points (default 2; restarts dominate the time)
  --seed          seeds the kill moments and write choices (default random, printed)
  --fsync-writes  writes counted under strace per synchronous level (default 200; 0 skips the count)`;

function positive(name: string, raw: string, max: number, min = 1): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"\n${usage}`);
  }
  return value;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      points: { type: 'string', default: '200' },
      engine: { type: 'string', default: 'both' },
      clients: { type: 'string', default: '8' },
      lanes: { type: 'string', default: '2' },
      seed: { type: 'string', default: String(randomInt(2 ** 31)) },
      'fsync-writes': { type: 'string', default: '200' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const engines: Record<string, Engine[]> = {
    sqlite: ['sqlite'],
    postgres: ['postgres'],
    both: ['sqlite', 'postgres'],
  };
  if (!engines[values.engine])
    throw new Error(`--engine must be sqlite, postgres or both, got "${values.engine}"\n${usage}`);
  return {
    points: positive('points', values.points, 100_000),
    engines: engines[values.engine]!,
    clients: positive('clients', values.clients, 64),
    lanes: positive('lanes', values.lanes, 8),
    seed: positive('seed', values.seed, 2 ** 31, 0),
    fsyncWrites: positive('fsync-writes', values['fsync-writes'], 100_000, 0),
  };
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Splits the points over the lanes and runs them side by side, each on its own store. */
async function runEngine(engine: Engine, options: ReturnType<typeof readOptions>, runId: string, signal: AbortSignal) {
  const lanes = Math.min(options.lanes, options.points);
  const base = Math.floor(options.points / lanes);
  // Settled, not all: a lane that fails must not leave the others' servers running behind the error.
  const settled = await Promise.allSettled(
    Array.from({ length: lanes }, (_, lane) =>
      runLane({
        engine,
        lane,
        points: base + (lane < options.points % lanes ? 1 : 0),
        clients: options.clients,
        seed: options.seed + lane + (engine === 'postgres' ? 1000 : 0),
        runId,
        signal,
        log,
      }),
    ),
  );
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return merge(settled.map((result) => (result as PromiseFulfilledResult<LaneResult>).value));
}

function merge(results: LaneResult[]) {
  const tally = { ...results[0]!.tally };
  for (const result of results.slice(1)) {
    for (const key of Object.keys(tally) as (keyof Tally)[]) tally[key] += result.tally[key];
  }
  const restarts = results.flatMap((result) => result.restartMs);
  return {
    points: results.reduce((sum, result) => sum + result.points, 0),
    tally,
    problems: results.flatMap((result) => result.problems),
    meanRestartMs: restarts.reduce((sum, ms) => sum + ms, 0) / restarts.length,
    failedStarts: results.flatMap((result) => result.failedStarts),
  };
}

type EngineResult = Awaited<ReturnType<typeof runEngine>>;

const killHeader = [
  '| engine | kill points | acknowledged writes (creates / updates) | retried after restart (applied, answer lost) | abandoned (found stored) | lost | duplicated | refused | mean restart | failed starts |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];

function killRow(engine: Engine, { points, tally, meanRestartMs, failedStarts }: EngineResult): string {
  return (
    `| ${engine} | ${points} | ${tally.acknowledged} (${tally.creates} / ${tally.updates}) | ${tally.retried} (${tally.appliedUnanswered}) | ` +
    `${tally.abandoned} (${tally.abandonedStored}) | ${tally.lost} | ${tally.duplicated} | ${tally.refused} | ` +
    `${(meanRestartMs / 1000).toFixed(1)} s | ${failedStarts.length} |`
  );
}

function killTable(rows: [Engine, EngineResult][]): string {
  return [...killHeader, ...rows.map(([engine, result]) => killRow(engine, result))].join('\n');
}

function fsyncTable(counts: FsyncCount[]): string {
  const lines = [
    '| SQLite synchronous | acknowledged writes | fsync | fdatasync | syncs per write |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const count of counts) {
    const perWrite = (count.fsync + count.fdatasync) / count.writes;
    lines.push(
      `| ${count.synchronous} | ${count.writes} | ${count.fsync} | ${count.fdatasync} | ${perWrite.toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const options = readOptions();
  const runId = randomBytes(3).toString('hex');
  log(
    `durability run ${runId}: ${options.points} kill points per engine, ${options.clients} clients, ` +
      `${options.lanes} lanes, seed ${options.seed}, Node ${process.version}`,
  );
  // Ctrl-C: the lanes stop at their next kill point and clean up (the servers, in the same process group, stop too).
  const interrupt = new AbortController();
  const onSignal = () => {
    if (interrupt.signal.aborted) process.exit(130);
    log('interrupted: removing the stores (again to quit at once)');
    interrupt.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const rows: [Engine, EngineResult][] = [];
  for (const engine of options.engines) {
    if (engine === 'postgres') {
      log(`PostgreSQL at ${new URL(postgresUrl).host}, synchronous_commit=${await postgresSynchronousCommit()}`);
    }
    log(`${engine}: killing...`);
    const result = await runEngine(engine, options, runId, interrupt.signal);
    rows.push([engine, result]);
    // Printed at once, so an engine's result survives a later engine's failure.
    log(`${engine} done:\n${killHeader.join('\n')}\n${killRow(engine, result)}`);
    for (const reason of result.failedStarts) log(`  ${engine}: a start failed and was tried again: ${reason}`);
  }
  process.stdout.write(`\n${killTable(rows)}\n`);
  for (const [engine, result] of rows) {
    for (const problem of result.problems) process.stdout.write(`  ${engine}: ${problem}\n`);
  }

  if (options.fsyncWrites > 0) {
    const unavailable = straceUnavailable();
    if (unavailable !== null) {
      process.stdout.write(`\nfsync count skipped: ${unavailable}\n`);
    } else {
      log(`counting fsyncs of ${options.fsyncWrites} writes at synchronous=FULL and NORMAL...`);
      const counts = [await countFsyncs('FULL', options.fsyncWrites), await countFsyncs('NORMAL', options.fsyncWrites)];
      process.stdout.write(`\n${fsyncTable(counts)}\n`);
    }
  }
  const failed = rows.some(([, { tally }]) => tally.lost + tally.duplicated + tally.refused > 0);
  process.stdout.write(
    failed ? '\nFAILED: see the problems above.\n' : '\nOK: no acknowledged write lost, none stored twice.\n',
  );
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  log(`durability run failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
