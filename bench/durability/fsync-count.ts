/**
 * Counts the fsync and fdatasync calls a SQLite-backed `lectern serve` makes for a fixed number of writes, by
 * attaching `strace -f -c` to the running process after start-up (so migrations and the demo are not counted).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callApi } from '../api-client.ts';
import { randomToken, serveLectern } from '../served-lectern.ts';
import { sqliteStore } from './stores.ts';

/** fsyncs counted for one synchronous level. */
export interface FsyncCount {
  synchronous: 'FULL' | 'NORMAL';
  writes: number;
  fsync: number;
  fdatasync: number;
}

/** Null when strace can run here; otherwise why not. */
export function straceUnavailable(): string | null {
  const probe = spawnSync('strace', ['-V'], { encoding: 'utf8' });
  if (probe.error) return `strace is not installed (${probe.error.message}); on Debian: apt-get install -y strace`;
  return null;
}

/** The `calls` column of strace's -c summary for each syscall named. */
export function callsInSummary(summary: string): Map<string, number> {
  const calls = new Map<string, number>();
  for (const line of summary.split('\n')) {
    // % time, seconds, usecs/call, calls, [errors,] syscall
    const columns = line.trim().split(/\s+/);
    const name = columns.at(-1)!;
    if (columns.length >= 5 && /^\d+$/.test(columns[3]!) && /^[a-z_0-9]+$/.test(name) && name !== 'total') {
      calls.set(name, Number(columns[3]));
    }
  }
  return calls;
}

/** Starts strace on a process and answers once it reports being attached. */
function attachStrace(pid: number, outputFile: string) {
  const tracer = spawn('strace', ['-f', '-c', '-e', 'trace=fsync,fdatasync', '-o', outputFile, '-p', String(pid)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => tracer.once('exit', (code) => resolve(code)));
  const attached = new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`strace did not attach within 10 s: ${output}`)), 10_000);
    tracer.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/attached/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`strace exited (${code}) before attaching: ${output.trim()}`));
    });
  });
  const detach = () => {
    tracer.kill('SIGINT');
    return exited;
  };
  return { attached, detach };
}

/** Creates `count` courses one after another, each acknowledged before the next is sent; no Idempotency-Key. */
async function createCourses(baseUrl: string, token: string, count: number, label: string): Promise<void> {
  for (let index = 0; index < count; index++) {
    const body = { name: `${label} ${index}`, type: 1 };
    const answer = await callApi(baseUrl, token, 'POST', '/api/v1/courses', { body });
    if (answer.status !== 200) throw new Error(`create answered ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** Serves a fresh SQLite store at one synchronous level and counts the fsyncs of `writes` acknowledged creates. */
export async function countFsyncs(synchronous: 'FULL' | 'NORMAL', writes: number): Promise<FsyncCount> {
  const store = sqliteStore();
  const token = randomToken();
  const server = await serveLectern({ store: store.location, token, env: { LECTERN_SQLITE_SYNCHRONOUS: synchronous } });
  try {
    // Warm-up: the statement cache and the WAL file exist before counting starts.
    await createCourses(server.baseUrl, token, 20, 'warm-up');
    const summaryFile = join(store.dataDir, 'strace.txt');
    const tracer = attachStrace(server.pid, summaryFile);
    await tracer.attached;
    try {
      await createCourses(server.baseUrl, token, writes, 'counted');
    } finally {
      await tracer.detach();
    }
    const calls = callsInSummary(readFileSync(summaryFile, 'utf8'));
    return { synchronous, writes, fsync: calls.get('fsync') ?? 0, fdatasync: calls.get('fdatasync') ?? 0 };
  } finally {
    await server.stop();
    await store.remove();
  }
}
