/** `lectern portal faults|journal|mailbox` against a running server (the real command, over a real socket). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUpCliRuns, run } from './helpers/cli.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';

let lectern: LiveLectern;
let server: string[];

beforeAll(async () => {
  lectern = await startLiveLectern();
  server = ['--url', lectern.baseUrl, '--token', lectern.adminToken, '--portal', lectern.portalId];
});
afterAll(async () => {
  cleanUpCliRuns();
  await lectern.close();
});

const courses = () => fetch(`${lectern.baseUrl}/api/v1/courses`, { headers: lectern.auth(lectern.adminToken) });

describe('lectern portal', () => {
  it('adds, lists and clears fault rules; shows the journal and the mailbox', async () => {
    const added = await run(['portal', 'faults', 'add', ...server, '--path', '/api/v1/courses', '--status', '503']);
    expect(added, added.stderr).toMatchObject({ code: 0 });
    expect(added.stdout).toMatch(/^\d{18} {2}\* \/api\/v1\/courses: status 503 \(0 hits\)\n$/);
    expect((await courses()).status).toBe(503);
    const listed = await run(['portal', 'faults', 'list', ...server, '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ path: '/api/v1/courses', status: 503, hits: 1 }]);
    expect((await run(['portal', 'faults', 'clear', ...server])).stdout).toBe('removed 1 fault rule\n');
    expect((await courses()).status).toBe(200);

    const journal = await run(['portal', 'journal', ...server, '--limit', '2']);
    expect(
      journal.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(/\s+/).slice(1, 4)),
    ).toEqual([
      ['200', 'GET', '/api/v1/courses'],
      ['503', 'GET', '/api/v1/courses'],
    ]);
    const mailbox = await run(['portal', 'mailbox', ...server, '--clear']);
    expect(mailbox).toMatchObject({ code: 0, stdout: 'removed 0 e-mails and 0 webhook deliveries\n' });
  }, 60_000);

  it('refuses a wrong argument in one line with exit code 2', async () => {
    const cases = [
      [['portal', 'faults', 'add', ...server, '--path', '/api/v1/courses'], /give exactly one of --status/],
      [['portal', 'faults', 'add', ...server, '--path', '/lectern/v1', '--drop'], /answered 400: .*start the pattern/],
      [['portal', 'journal', ...server, '--limit', 'many'], /--limit must be a whole number/],
      [['portal', 'mailbox', ...server, '--colour'], /unknown option '--colour'/],
      [['portal', 'journal', '--token', lectern.adminToken], /--portal must be the portal's id/],
    ] as const;
    for (const [args, message] of cases) {
      const result = await run([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
  }, 60_000);
});
