/** Bad settings as a user meets them through the real command: one line each, naming the fix, exit 2. */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auth, cleanUpCliRuns, run, serve, temporaryFolder } from './helpers/cli.ts';

afterAll(cleanUpCliRuns);

const slow = 60_000;

/** Asserts a refused start: exit 2, nothing on stdout, and exactly one stderr line per named setting, in order. */
function expectRefused(result: { code: number | null; stdout: string; stderr: string }, settings: string[]) {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(settings.length);
  settings.forEach((setting, index) => {
    expect(lines[index]).toMatch(new RegExp(`^lectern: ${setting}(?!\\w)`));
  });
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

/** A file where a folder should be, so that no user (root included) can make the store there. */
function fileInTheWay(): string {
  const path = join(temporaryFolder(), 'not-a-folder');
  writeFileSync(path, 'x');
  return path;
}

describe('a bad setting stops the command with one line naming the setting and the fix', () => {
  const cases: [what: string, args: string[], env: Record<string, string>, setting: string, says: RegExp][] = [
    ['an unknown log level', [], { LECTERN_LOG_LEVEL: 'loud' }, 'LECTERN_LOG_LEVEL', /got "loud"; use info/],
    ['a port above 65535', ['--port', '70000'], {}, 'LECTERN_PORT', /from 0 to 65535, got "70000"/],
    [
      'negative seconds',
      [],
      { LECTERN_SCHEDULER_INTERVAL_SECONDS: '-5' },
      'LECTERN_SCHEDULER_INTERVAL_SECONDS',
      /from 0 to 86400, got "-5"/,
    ],
    [
      'an unknown SQLite synchronous level',
      [],
      { LECTERN_SQLITE_SYNCHRONOUS: 'sometimes' },
      'LECTERN_SQLITE_SYNCHRONOUS',
      /must be FULL or NORMAL, got "sometimes"/,
    ],
    [
      'a public URL without a scheme',
      [],
      { LECTERN_PUBLIC_URL: 'lms.example.com' },
      'LECTERN_PUBLIC_URL',
      /got "lms.example.com"; write it as .* https:\/\/lms.example.com/,
    ],
    [
      'a database URL of another engine, without echoing its password',
      [],
      { DATABASE_URL: 'mysql://lectern:hunter2@db.internal/lectern' },
      'DATABASE_URL',
      /got "mysql:\/\/lectern:\*\*\*@db.internal\/lectern"; write it as postgres:\/\//,
    ],
  ];
  it.each(cases)(
    '%s',
    async (_what, args, env, setting, says) => {
      const result = await run(['serve', '--memory', ...args], env);
      expectRefused(result, [setting]);
      expect(result.stderr).toMatch(says);
      expect(result.stderr).not.toContain('hunter2');
    },
    slow,
  );

  it(
    'a data folder that cannot be made',
    async () => {
      const blocked = join(fileInTheWay(), 'store');
      const result = await run(['serve', '--data', blocked]);
      expectRefused(result, ['LECTERN_DATA \\(--data\\)']);
      expect(result.stderr).toContain(`"${blocked}" cannot hold the store: part of the path is a file, not a folder`);
      expect(result.stderr).toContain('or use --memory');
    },
    slow,
  );

  it(
    'an unreachable database, found when connecting at start-up',
    async () => {
      const result = await run(['serve'], { DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:1/test' });
      expectRefused(result, ['DATABASE_URL \\(--database-url\\)']);
      expect(result.stderr).toContain('nothing accepts connections at 127.0.0.1:1 (ECONNREFUSED); start PostgreSQL');
      expect(result.stderr).not.toContain('hunter2');
    },
    slow,
  );

  it(
    'several bad settings: one line each',
    async () => {
      const result = await run(['serve', '--memory', '--port', '-1'], {
        LECTERN_LOG_LEVEL: 'chatty',
        LECTERN_SQLITE_SYNCHRONOUS: 'OFF',
        LECTERN_DELIVERY_INTERVAL_SECONDS: 'soon',
      });
      expectRefused(result, [
        'LECTERN_PORT',
        'LECTERN_SQLITE_SYNCHRONOUS',
        'LECTERN_LOG_LEVEL',
        'LECTERN_DELIVERY_INTERVAL_SECONDS',
      ]);
    },
    slow,
  );

  it(
    'a port another program holds (EADDRINUSE at listen)',
    async () => {
      const holder: Server = createServer();
      await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
      const port = (holder.address() as { port: number }).port;
      try {
        const result = await run(['serve', '--memory', '--port', String(port)]);
        expect(result.code, result.stderr).toBe(2);
        const lines = result.stderr.split('\n').filter((line) => line !== '');
        expect(lines).toEqual([
          `lectern: LECTERN_PORT (--port) ${port} is already in use on 127.0.0.1 (EADDRINUSE); ` +
            'stop the program using it, or choose another port (--port 0 picks a free one)',
        ]);
      } finally {
        await new Promise((resolve) => holder.close(resolve));
      }
    },
    slow,
  );
});

async function employeeNames(baseUrl: string, token: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/lectern/v1/employees`, { headers: auth(token) });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { employees: { displayName: string }[] };
  return body.employees.map((employee) => employee.displayName);
}

describe('without the demo', () => {
  it(
    'token create --operator needs no --scopes, and --no-demo on an empty store makes only an Administrator',
    async () => {
      const data = temporaryFolder();
      const created = await run(['token', 'create', '--data', data, '--no-demo', '--operator']);
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}\n$/);
      const token = created.stdout.trim();

      const server = await serve(['--data', data]);
      expect(await employeeNames(server.baseUrl, token)).toEqual(['Administrator']);
      const rooms = await fetch(`${server.baseUrl}/api/v1/rooms`, { headers: auth(token) });
      expect(rooms.status).toBe(200);
      // An operator token may make portals, and its default scope (ALL) reaches every API.
      const portal = await fetch(`${server.baseUrl}/lectern/v1/portals`, {
        method: 'POST',
        headers: { ...auth(token), 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Throwaway' }),
      });
      expect(portal.status).toBe(200);
      expect(await server.stop()).toBe(0);
    },
    slow,
  );

  it(
    'LECTERN_DEMO=false on serve prints the Administrator token of an empty portal',
    async () => {
      const server = await serve(['--memory'], { LECTERN_DEMO: 'false' });
      const token = /Admin token: (\S+)/.exec(server.output.stdout)?.[1];
      expect(server.output.stdout).toContain('the Administrator of an empty portal');
      expect(await employeeNames(server.baseUrl, token!)).toEqual(['Administrator']);
      expect(await server.stop()).toBe(0);
    },
    slow,
  );

  it(
    'a plain token without --scopes is refused in one line that says what to write',
    async () => {
      const result = await run(['token', 'create', '--memory']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toEqual([
        'lectern: --scopes is required: name what the token may do, e.g. --scopes READ,CREATE or --scopes ALL ' +
          '(only --operator tokens default to ZOHOPEOPLE.training.ALL)',
      ]);
    },
    slow,
  );
});
