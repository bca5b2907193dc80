/** `lectern feed url` and `lectern feed rotate` as a user runs them, against a running server's feeds. */
import { afterAll, describe, expect, it } from 'vitest';
import { auth, cleanUpCliRuns, run, serve, temporaryFolder } from './helpers/cli.ts';

afterAll(cleanUpCliRuns);

describe('lectern feed', () => {
  it('prints a secret URL a running server serves without headers; rotate prints a new one and kills the old', async () => {
    const data = temporaryFolder();
    const token = (await run(['token', 'create', '--data', data, '--scopes', 'ALL'])).stdout.trim();
    const server = await serve(['--data', data]);
    try {
      const env = { LECTERN_PUBLIC_URL: server.baseUrl };
      const employees = await fetch(`${server.baseUrl}/lectern/v1/employees`, { headers: auth(token) });
      const people = ((await employees.json()) as { employees: { erecno: string }[] }).employees;
      const erecno = people[0]!.erecno;

      const made = await run(['feed', 'url', '--data', data, '--trainer', erecno], env);
      expect(made.code, made.stderr).toBe(0);
      const url = made.stdout.trim();
      expect(url).toMatch(new RegExp(`^${server.baseUrl}/lectern/v1/feeds/[A-Za-z0-9_-]{32}\\.ics$`));
      const feed = await fetch(url);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(await feed.text()).toContain('BEGIN:VCALENDAR');

      const listed = await fetch(`${server.baseUrl}/lectern/v1/feeds`, { headers: auth(token) });
      const [feed0] = ((await listed.json()) as { feeds: { feedId: string }[] }).feeds;
      const rotated = await run(['feed', 'rotate', feed0!.feedId, '--data', data], env);
      expect(rotated.code, rotated.stderr).toBe(0);
      const renewed = rotated.stdout.trim();
      expect(renewed).not.toBe(url);
      expect((await fetch(url)).status).toBe(404);
      expect((await fetch(renewed)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('refuses a wrong request in one line with exit code 2', async () => {
    const data = temporaryFolder();
    const cases = [
      [['feed', 'url', '--data', data], 'name exactly one of --trainer'],
      [['feed', 'url', '--data', data, '--room', '1', '--batch', '2'], 'name exactly one of --trainer'],
      [['feed', 'url', '--data', data, '--trainer', 'chen'], '--trainer must be a numeric id'],
      [['feed', 'url', '--data', data, '--room', '123456789'], 'no room with id 123456789'],
      [['feed', 'rotate', 'x', '--data', data], 'feedId must be a numeric id'],
      [['feed', 'rotate', '123456789', '--data', data], 'no feed with id 123456789'],
    ] as const;
    for (const [args, message] of cases) {
      const result = await run([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
