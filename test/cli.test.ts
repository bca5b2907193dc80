/** The `lectern` command as a user runs it: real processes, real sockets, real files. */
import { type ChildProcess, type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { duplicateOperationIds } from '../src/cli/openapi.ts';
import { migrations } from '../src/db/migrations/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const waitMs = 15_000;
const children = new Set<ChildProcess>();
const folders: string[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'lectern-cli-'));
  folders.push(folder);
  return folder;
}

/** The parent's environment without Lectern settings, so a CI's DATABASE_URL cannot redirect these stores. */
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('LECTERN_') && key !== 'DATABASE_URL' && key !== 'REDIS_URL') env[key] = value;
  }
  return { ...env, LECTERN_LOG_LEVEL: 'warn', ...extra };
}

function launch(
  args: string[],
  env: Record<string, string>,
): ChildProcessWithoutNullStreams & { output: { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, ['bin/lectern.js', ...args], { cwd: root, env: environment(env) });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return Object.assign(child, { output });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the process did not exit within ${waitMs} ms`)), waitMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Runs a command to its end. */
async function run(args: string[], env: Record<string, string> = {}) {
  const child = launch(args, env);
  const code = await exitOf(child);
  return { code, ...child.output };
}

/** Starts `lectern serve` and waits for the line that gives the API's address. */
async function serve(args: string[], env: Record<string, string> = {}) {
  const child = launch(['serve', '--port', '0', ...args], env);
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no API line within ${waitMs} ms: ${child.output.stderr}`)),
      waitMs,
    );
    const look = () => {
      const match = /API:\s+(http:\/\/\S+)\/api\/v1/.exec(child.output.stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening: ${child.output.stderr}`));
    });
  });
  return {
    baseUrl,
    output: child.output,
    stop: () => {
      child.kill('SIGTERM');
      return exitOf(child);
    },
  };
}

const auth = (token: string) => ({ authorization: `Zoho-oauthtoken ${token}` });

async function roomIds(baseUrl: string, token: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/api/v1/rooms`, { headers: auth(token) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { rooms: { roomId: string }[] }).rooms.map((room) => room.roomId);
}

describe('lectern serve', () => {
  it('prints the bound address and an admin token, answers /healthz, and exits 0 on SIGTERM', async () => {
    const server = await serve(['--memory']);
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output.stdout).toContain(`Docs: ${server.baseUrl}/docs`);
    const token = /Admin token: (\S+)/.exec(server.output.stdout)?.[1];
    expect(token).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/);
    const health = await fetch(`${server.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(await roomIds(server.baseUrl, token!)).toHaveLength(5);
    expect(await server.stop()).toBe(0);
  });

  it('keeps data across a restart: the bootstrap token still works and the rooms keep their ids', async () => {
    const data = temporaryFolder();
    const env = { LECTERN_BOOTSTRAP_TOKEN: 'cli-test-bootstrap-token' };
    const first = await serve(['--data', data], env);
    const before = await roomIds(first.baseUrl, env.LECTERN_BOOTSTRAP_TOKEN);
    expect(await first.stop()).toBe(0);

    const second = await serve(['--data', data], env);
    expect(second.output.stdout).not.toContain('Admin token');
    expect(second.output.stdout).toContain(`lectern token create --data ${data}`);
    expect(await roomIds(second.baseUrl, env.LECTERN_BOOTSTRAP_TOKEN)).toEqual(before);
    expect(await second.stop()).toBe(0);
  }, 40_000);

  it('stops with exit 2 listing every invalid setting', async () => {
    const result = await run(['serve', '--memory', '--port', '99999'], { LECTERN_RATE_LIMIT: 'maybe' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('LECTERN_PORT (--port) must be an integer from 0 to 65535, got "99999"');
    expect(result.stderr).toContain('LECTERN_RATE_LIMIT must be true or false, got "maybe"');
  });
});

describe('lectern token create', () => {
  it('prints only a token, which a server on the same store accepts', async () => {
    const data = temporaryFolder();
    const created = await run(['token', 'create', '--data', data, '--scopes', 'ZOHOPEOPLE.training.READ']);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}\n$/);
    const server = await serve(['--data', data]);
    expect(await roomIds(server.baseUrl, created.stdout.trim())).toHaveLength(5);
    expect(await server.stop()).toBe(0);
  }, 40_000);

  it('refuses an unknown scope and an unknown employee with exit 2 and nothing on stdout', async () => {
    const data = temporaryFolder();
    const badScope = await run(['token', 'create', '--data', data, '--scopes', 'READ,BOGUS']);
    expect(badScope.code).toBe(2);
    expect(badScope.stderr).toContain('unknown scope "ZOHOPEOPLE.training.BOGUS"');
    expect(badScope.stdout).toBe('');
    const stranger = await run(['token', 'create', '--data', data, '--scopes', 'READ', '--as', '123']);
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toContain('has no employee with erecno 123');
    expect(stranger.stdout).toBe('');
  });
});

describe('lectern migrate', () => {
  it('reports every migration it applied, then nothing to do, and reverts the latest with --down', async () => {
    const names = Object.keys(migrations).sort();
    const data = temporaryFolder();
    const up = await run(['migrate', '--data', data]);
    expect(up.code).toBe(0);
    for (const name of names) expect(up.stdout).toContain(`${name}: applied`);
    expect((await run(['migrate', '--data', data])).stdout).toContain('the schema is already current');
    const down = await run(['migrate', '--data', data, '--down']);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain(`${names.at(-1)}: reverted`);
  });
});

describe('lectern openapi', () => {
  it('names every operationId used by more than one operation', () => {
    const document = {
      paths: {
        '/a': { get: { operationId: 'getThing' }, post: { operationId: 'createThing' } },
        '/b': { patch: { operationId: 'getThing' } },
      },
    };
    expect(duplicateOperationIds(document)).toEqual(['getThing (GET /a; PATCH /b)']);
  });
});
