/** `lectern portal clock` as a user runs it: moves a portal's clock in the store, which a running server then obeys. */
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { auth, cleanUpCliRuns, run, serve, temporaryFolder } from './helpers/cli.ts';

afterAll(cleanUpCliRuns);

function firstPortalId(data: string): string {
  const db = new Sqlite(join(data, 'lectern.sqlite'), { readonly: true });
  try {
    return (db.prepare('select id from portals order by created_at limit 1').get() as { id: string }).id;
  } finally {
    db.close();
  }
}

describe('lectern portal clock', () => {
  it('sets, advances and resets the clock; a running server stamps tokens with the moved time', async () => {
    const data = temporaryFolder();
    const token = (await run(['token', 'create', '--data', data, '--scopes', 'ALL'])).stdout.trim();
    const portalId = firstPortalId(data);
    const set = await run(['portal', 'clock', portalId, '--data', data, '--set', '2030-02-01T08:00:00Z', '--freeze']);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ now: '2030-02-01T08:00:00.000Z', frozen: true });
    const advanced = await run(['portal', 'clock', portalId, '--data', data, '--advance', '1d']);
    expect(JSON.parse(advanced.stdout).now).toBe('2030-02-02T08:00:00.000Z');

    const server = await serve(['--data', data]);
    try {
      const response = await fetch(`${server.baseUrl}/lectern/v1/portals/${portalId}/clock`, { headers: auth(token) });
      expect(((await response.json()) as { now: string }).now).toBe('2030-02-02T08:00:00.000Z');
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const reset = await run(['portal', 'clock', portalId, '--data', data, '--reset']);
    expect(JSON.parse(reset.stdout)).toMatchObject({ serverTime: true, frozen: false });
  }, 40_000);

  it('refuses a bad time, two actions at once and an unknown portal with one line and exit 2', async () => {
    const data = temporaryFolder();
    await run(['token', 'create', '--data', data, '--scopes', 'READ']);
    const portalId = firstPortalId(data);
    const cases: [string[], string][] = [
      [['--set', 'next tuesday'], 'now'],
      [['--advance', '1h', '--reset'], 'give one of'],
      [['--advance', 'soon'], 'by'],
    ];
    for (const [flags, message] of cases) {
      const result = await run(['portal', 'clock', portalId, '--data', data, ...flags]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
    const unknown = await run(['portal', 'clock', '4242', '--data', data]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('4242');
  }, 40_000);
});
