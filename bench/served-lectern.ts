/**
 * A real `lectern serve` process for the durability and soak scripts: spawned through bin/lectern.js (so it runs
 * whatever that file runs, sources or a build), on loopback, with a known operator token.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/** Where a served process keeps its data: a SQLite folder, or a PostgreSQL URL (with its schema in `options`). */
export type StoreLocation = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; databaseUrl: string };

/** How to start one process. */
export interface ServeOptions {
  store: StoreLocation;
  token: string;
  /** Extra LECTERN_* settings, e.g. LECTERN_SQLITE_SYNCHRONOUS. */
  env?: Record<string, string>;
  /** Node flags placed before bin/lectern.js, e.g. `--import <probe>`. */
  nodeArgs?: string[];
  /** Opens an IPC channel to the process (used by the soak's memory probe). */
  ipc?: boolean;
  startTimeoutMs?: number;
}

/** A running server. */
export interface ServedLectern {
  baseUrl: string;
  pid: number;
  child: ChildProcess;
  /** Settles with the exit code (or signal name) once the process has gone. */
  exited: Promise<number | string>;
  /** SIGKILL, then waits until the process has gone. */
  kill9(): Promise<void>;
  /** SIGTERM (a clean stop), then waits; SIGKILL after 15 s. */
  stop(): Promise<void>;
}

/** A random operator token, installed through LECTERN_BOOTSTRAP_TOKEN. */
export function randomToken(): string {
  return `bench-${randomBytes(24).toString('hex')}`;
}

/**
 * The environment of a served process: this one's, without any LECTERN_*, DATABASE_URL or REDIS_URL the shell set
 * (they would skew a run), with timers, the rate limit and request logs off so only the script's calls reach it.
 */
function serverEnv(options: ServeOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('LECTERN_') && name !== 'DATABASE_URL' && name !== 'REDIS_URL') env[name] = value;
  }
  return {
    ...env,
    LECTERN_LOG_LEVEL: 'warn',
    LECTERN_RATE_LIMIT: 'false',
    LECTERN_SCHEDULER_INTERVAL_SECONDS: '0',
    LECTERN_DELIVERY_INTERVAL_SECONDS: '0',
    LECTERN_BOOTSTRAP_TOKEN: options.token,
    ...(options.store.kind === 'sqlite'
      ? { LECTERN_DATA: options.store.dataDir }
      : { DATABASE_URL: options.store.databaseUrl }),
    ...options.env,
  };
}

/** Starts `lectern serve --port 0` and answers once it prints its API address. */
export function serveLectern(options: ServeOptions): Promise<ServedLectern> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'bin/lectern.js', 'serve', '--port', '0'], {
    cwd: repositoryRoot,
    env: serverEnv(options),
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const waitGone = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const served = (baseUrl: string): ServedLectern => ({
    baseUrl,
    pid: child.pid!,
    child,
    exited,
    kill9: () => waitGone('SIGKILL'),
    stop: async () => {
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await waitGone('SIGTERM');
      clearTimeout(force);
    },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let listening = false;
    const fail = (reason: string) => {
      child.kill('SIGKILL');
      reject(new Error(`lectern serve ${reason}:\n${output.slice(-2000)}`));
    };
    const timer = setTimeout(() => fail('printed no API line in time'), options.startTimeoutMs ?? 60_000);
    const read = (chunk: Buffer) => {
      // Kept only until the address is known: afterwards the output is drained and dropped.
      if (listening) return;
      output += chunk.toString();
      const match = /API:\s+(http:\/\/\S+)\/api\/v1/.exec(output);
      if (match) {
        listening = true;
        clearTimeout(timer);
        resolve(served(match[1]!));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`lectern serve exited (${code}) before listening:\n${output.slice(-2000)}`));
    });
  });
}
