/**
 * Settings that validate but fail when used at start-up (a data folder that cannot be written, a database that
 * does not answer, a port already taken), each turned into one ConfigError line naming the setting and the fix.
 */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Pg from 'pg';
import { type Config, ConfigError, settingProblem, showSetting } from '../config.ts';
import { lazyRequire } from '../lazy-require.ts';

const loadPg = lazyRequire<typeof Pg>('pg');

/** How long start-up waits for PostgreSQL to accept a connection before calling DATABASE_URL unreachable. */
export const databaseConnectTimeoutMs = 10_000;

const fileSystemProblems: Record<string, string> = {
  ENOTDIR: 'part of the path is a file, not a folder',
  EEXIST: 'it is a file, not a folder',
  EACCES: 'this user may not write there',
  EPERM: 'this user may not write there',
  EROFS: 'it is on a read-only file system',
  ENOSPC: 'the disk is full',
  SQLITE_NOTADB: 'its lectern.sqlite is not a SQLite database',
  SQLITE_CORRUPT: 'its lectern.sqlite is damaged',
  SQLITE_CANTOPEN: 'SQLite cannot open lectern.sqlite there',
  SQLITE_READONLY: 'SQLite may only read lectern.sqlite there',
};

function codeOf(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The data folder's problem as a ConfigError: what is wrong with it, with the error code for searching. */
export function dataFolderError(dataDir: string, error: unknown): ConfigError {
  const code = codeOf(error);
  const problem = (code !== undefined && fileSystemProblems[code]) || messageOf(error);
  return new ConfigError([
    settingProblem(
      'LECTERN_DATA',
      `${showSetting('LECTERN_DATA', dataDir)} cannot hold the store: ${problem}${code ? ` (${code})` : ''}`,
    ),
  ]);
}

/** Creates the data folder when missing and checks that this process may write it and the store file in it. */
export function checkDataFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.R_OK | constants.W_OK);
    const file = join(dataDir, 'lectern.sqlite');
    if (existsSync(file)) accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw dataFolderError(dataDir, error);
  }
}

/** "host:port" of a PostgreSQL URL, without the user or password. */
function serverOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname || 'the local socket'}${url.port ? `:${url.port}` : ''}`;
}

function databaseProblem(databaseUrl: string, error: unknown): [problem: string, fix?: string] {
  const server = serverOf(databaseUrl);
  const code = codeOf(error);
  switch (code) {
    case 'ECONNREFUSED':
      return [
        `cannot be reached: nothing accepts connections at ${server} (ECONNREFUSED)`,
        'start PostgreSQL, or correct the host and port in the URL',
      ];
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return [`names a host that cannot be found: ${server} (${code})`, 'correct the host name in the URL'];
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return [`cannot be reached: ${server} does not answer (${code})`, 'check the host, the port and any firewall'];
    case '28P01':
    case '28000':
      return [`was refused by ${server}: ${messageOf(error)}`, 'correct the user name and password in the URL'];
    case '3D000':
      return [
        `names a database that does not exist on ${server}: ${messageOf(error)}`,
        'create it (createdb <name>) or correct the database name in the URL',
      ];
    default:
      if (/timeout/i.test(messageOf(error))) {
        return [
          `cannot be reached: ${server} did not answer within ${databaseConnectTimeoutMs / 1000} s`,
          'check the host, the port and any firewall',
        ];
      }
      return [`cannot be used: ${messageOf(error)}${code ? ` (${code})` : ''}`];
  }
}

/** Connects once to PostgreSQL (with a time limit, which the pool itself has not) and asks for one row. */
export async function checkDatabaseReachable(databaseUrl: string): Promise<void> {
  const client = new (loadPg().Client)({
    connectionString: databaseUrl,
    connectionTimeoutMillis: databaseConnectTimeoutMs,
  });
  // A failed connection also emits 'error'; the awaited call below reports it.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const [problem, fix] = databaseProblem(databaseUrl, error);
    throw new ConfigError([settingProblem('DATABASE_URL', problem, fix)]);
  } finally {
    await client.end().catch(() => {});
  }
}

/** A listen failure caused by the port or host settings as a ConfigError; undefined for any other error. */
export function listenError(config: Config, error: unknown): ConfigError | undefined {
  const code = codeOf(error);
  const where = `${config.host}:${config.port}`;
  switch (code) {
    case 'EADDRINUSE':
      return new ConfigError([
        settingProblem(
          'LECTERN_PORT',
          `${config.port} is already in use on ${config.host} (EADDRINUSE)`,
          'stop the program using it, or choose another port (--port 0 picks a free one)',
        ),
      ]);
    case 'EACCES':
      return new ConfigError([
        settingProblem(
          'LECTERN_PORT',
          `${config.port} needs privileges this user lacks (EACCES at ${where})`,
          'use a port above 1023 and put a reverse proxy in front for port 80 or 443',
        ),
      ]);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConfigError([
        settingProblem(
          'LECTERN_HOST',
          `${showSetting('LECTERN_HOST', config.host)} is not an address of this machine (${code})`,
        ),
      ]);
    default:
      return undefined;
  }
}
