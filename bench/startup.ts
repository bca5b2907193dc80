/**
 * The startup scenario: how long a spawned `lectern` takes to print its version, and from spawn to the first 200 on
 * /healthz with a SQLite file and with PostgreSQL; each the median of 10 spawns, beside `node -e 0` spawned in the
 * same run, so machines of different speeds compare by ratio.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One row of the startup table. */
export interface StartupMeasurement {
  name: string;
  medianMs: number;
  /** The median divided by `node -e 0`'s median. */
  ratio: number;
  /** What the issue asks of this row on a quiet 2-core machine, in milliseconds (null: the baseline). */
  targetMs: number | null;
}

const spawns = 10;
const bin = new URL('../bin/lectern.js', import.meta.url).pathname;
// Spawned servers stay quiet and start no timers, so only start-up is timed.
// The scheduler and the delivery runs stay on, as `lectern serve` runs them: their first runs wait for the first
// requests (src/cli/serve.ts), and a start-up figure without them would flatter.
const quietEnv = {
  ...process.env,
  LECTERN_LOG_LEVEL: 'warn',
  REDIS_URL: '',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds a command takes from spawn to exit, which must be 0. */
function timeCommand(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env: quietEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return performance.now() - started;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Milliseconds from spawning `lectern serve` to its first 200 on /healthz (polled every millisecond or so). */
async function timeFirstHealthy(storeArgs: string[]): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port), ...storeArgs], {
    env: quietEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`lectern serve exited ${child.exitCode}: ${stderr}`);
      if (performance.now() - started > 30_000) throw new Error('lectern serve did not answer within 30 s');
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        await response.arrayBuffer();
        if (response.status === 200) return performance.now() - started;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

async function medianOf(measureOnce: () => number | Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < spawns; index += 1) times.push(await measureOnce());
  return median(times);
}

/** Runs the startup rows; PostgreSQL's only when a URL is given (its schema made and dropped here). */
export async function measureStartup(
  postgres: { url: string; schema: string } | null,
  log: (line: string) => void,
): Promise<StartupMeasurement[]> {
  log('  startup: node -e 0...');
  const baseline = await medianOf(() => timeCommand(['-e', '0']));
  const rows: StartupMeasurement[] = [{ name: 'node -e 0', medianMs: baseline, ratio: 1, targetMs: null }];
  const add = (name: string, medianMs: number, targetMs: number) =>
    rows.push({ name, medianMs, ratio: medianMs / baseline, targetMs });

  log('  startup: lectern --version...');
  add('lectern --version', await medianOf(() => timeCommand([bin, '--version'])), 150);

  const dataDir = mkdtempSync(join(tmpdir(), 'lectern-startup-'));
  try {
    // The first start migrates and loads the demo; the timed starts find the store current, as a restart does.
    timeCommand([bin, 'migrate', '--data', dataDir]);
    await timeFirstHealthy(['--data', dataDir]);
    log('  startup: spawn to first /healthz 200, SQLite file...');
    add('spawn to first /healthz 200, SQLite file', await medianOf(() => timeFirstHealthy(['--data', dataDir])), 300);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  if (postgres !== null) {
    const url = new URL(postgres.url);
    url.searchParams.set('options', `-c search_path=${postgres.schema}`);
    const storeArgs = ['--database-url', url.toString()];
    await timeFirstHealthy(storeArgs);
    log('  startup: spawn to first /healthz 200, PostgreSQL...');
    add('spawn to first /healthz 200, PostgreSQL', await medianOf(() => timeFirstHealthy(storeArgs)), 400);
  }
  return rows;
}

/** The startup rows as a markdown table. */
export function startupTable(rows: StartupMeasurement[]): string {
  const lines = [
    '| startup (median of 10 spawns) | ms | vs node -e 0 | target ms |',
    '|---|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.medianMs.toFixed(0)} | ${row.ratio.toFixed(2)}x | ${row.targetMs === null ? '' : `≤ ${row.targetMs}`} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
