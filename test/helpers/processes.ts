/** Real `lectern serve` processes for the tests that need a second process on the same PostgreSQL schema. */
import { type ChildProcess, spawn } from 'node:child_process';
import { sql } from 'kysely';
import { testDatabaseUrl } from './engines.ts';
import type { TestLectern } from './test-app.ts';

/** A served process with no timers, no rate limit and no Redis: only what the test sends reaches it. */
export const quietServerEnv: Record<string, string> = {
  LECTERN_RATE_LIMIT: 'false',
  LECTERN_SCHEDULER_INTERVAL_SECONDS: '0',
  LECTERN_DELIVERY_INTERVAL_SECONDS: '0',
  REDIS_URL: '',
};

/** The processes one test file starts: start() each, stopAll() in afterAll. */
export interface ServerProcesses {
  /** Starts `lectern serve` on a free port and answers its base URL once it prints it. */
  start(databaseUrl: string): Promise<string>;
  /** Sends SIGTERM to every process still running and waits until each has exited. */
  stopAll(): Promise<void>;
}

/** Server processes started with this process's environment, LECTERN_LOG_LEVEL=warn and the given variables. */
export function serverProcesses(env: Record<string, string>): ServerProcesses {
  const children: ChildProcess[] = [];
  return {
    start: (databaseUrl) => {
      const { child, baseUrl } = serveProcess(['--database-url', databaseUrl], env);
      children.push(child);
      return baseUrl;
    },
    stopAll: async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

/** Starts one `lectern serve --port 0` on the given store flags; its base URL once it prints it. */
export function serveProcess(
  storeArgs: string[],
  env: Record<string, string>,
): { child: ChildProcess; baseUrl: Promise<string> } {
  const child = spawn(process.execPath, ['bin/lectern.js', 'serve', '--port', '0', ...storeArgs], {
    env: { ...process.env, LECTERN_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { child, baseUrl: baseUrlPrintedBy(child) };
}

/** The base URL of the API line a starting process prints, or the output so far if it exits or stays silent. */
function baseUrlPrintedBy(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no API line within 20 s:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /API:\s+(http:\/\/\S+)\/api\/v1/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

/** The test database URL with its search path set to a schema. */
export function databaseUrlOfSchema(schema: string): string {
  return `${testDatabaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** A database URL for another process to share this (PostgreSQL) test Lectern's private schema. */
export async function databaseUrlOf(lectern: TestLectern): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(lectern.app.lectern.db);
  return databaseUrlOfSchema(rows[0]!.schema);
}
