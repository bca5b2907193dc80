/** The `lectern` command as a user runs it: real processes, real sockets, real files. */
import { afterAll, describe, expect, it } from 'vitest';
import { duplicateOperationIds } from '../src/cli/openapi.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { auth, cleanUpCliRuns, run, serve, temporaryFolder } from './helpers/cli.ts';

afterAll(cleanUpCliRuns);

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
    expect(result.stderr).toContain('LECTERN_PORT (--port) must be a whole number from 0 to 65535, got "99999"');
    expect(result.stderr).toContain('LECTERN_RATE_LIMIT (--no-rate-limit) must be true or false, got "maybe"');
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
