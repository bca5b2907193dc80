/** `lectern ref <kind> list|create|update|delete` against a running server (the real command, over a real socket). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUpCliRuns, run } from './helpers/cli.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';

let lectern: LiveLectern;
let server: string[];

beforeAll(async () => {
  lectern = await startLiveLectern();
  server = ['--url', lectern.baseUrl, '--token', lectern.adminToken];
});
afterAll(async () => {
  cleanUpCliRuns();
  await lectern.close();
});

describe('lectern ref', () => {
  it('creates, lists, updates and deletes a location and a room', async () => {
    const location = await run([
      'ref',
      'location',
      'create',
      ...server,
      '--name',
      'Lisbon',
      '--time-zone',
      'Europe/Lisbon',
      '--city',
      'Lisbon',
      '--json',
    ]);
    expect(location, location.stderr).toMatchObject({ code: 0 });
    const { locationId } = JSON.parse(location.stdout);
    expect(JSON.parse(location.stdout)).toMatchObject({ name: 'Lisbon', timeZone: 'Europe/Lisbon' });

    const room = await run([
      'ref',
      'room',
      'create',
      ...server,
      '--name',
      'Tejo',
      '--location',
      locationId,
      '--capacity',
      '8',
      '--facilities',
      'WiFi, Projector',
    ]);
    expect(room, room.stderr).toMatchObject({ code: 0 });
    expect(room.stdout).toMatch(/^\d{18} {2}Tejo {2}8 seats {2}Lisbon {2}WiFi, Projector\n$/);
    expect((await run(['ref', 'room', 'list', ...server])).stdout).toContain(room.stdout);
    const roomId = room.stdout.slice(0, 18);

    const listed = await run(['ref', 'location', 'list', ...server]);
    expect(listed.stdout).toContain(`${locationId}  Lisbon  Europe/Lisbon  Lisbon\n`);
    const renamed = await run(['ref', 'room', 'update', roomId, ...server, '--name', 'Tagus']);
    expect(renamed.stdout).toMatch(/ {2}Tagus {2}8 seats/);

    const inUse = await run(['ref', 'location', 'delete', locationId, ...server]);
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toContain('the server answered 409: Location "Lisbon" is used by 1 room (first: "Tagus")');
    expect((await run(['ref', 'room', 'delete', roomId, ...server])).stdout).toBe(`deleted room ${roomId}\n`);
    expect((await run(['ref', 'location', 'delete', locationId, ...server])).code).toBe(0);
  }, 60_000);

  it('manages categories and grade categories', async () => {
    const made = await run(['ref', 'grade-category', 'create', ...server, '--name', 'Peer review']);
    expect(made.stdout).toMatch(/^\d{18} {2}Peer review\n$/);
    const duplicate = await run(['ref', 'category', 'create', ...server, '--name', 'sales']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('409: A category named "Sales" already exists');
    const listed = await run(['ref', 'grade-category', 'list', ...server]);
    expect(
      listed.stdout
        .split('\n')
        .filter(Boolean)
        .map((row) => row.slice(20)),
    ).toEqual(['Assessment', 'Quiz', 'Project', 'Peer review']);
  }, 60_000);

  it('refuses a wrong argument in one line with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['ref', 'room', 'create', ...server, '--name', 'X', '--capacity', 'lots'], /--capacity must be a whole number/],
      [
        ['ref', 'room', 'create', ...server, '--name', 'X', '--capacity', '3'],
        /answered 400: .*locationId is mandatory/,
      ],
      [['ref', 'location', 'update', 'abc', ...server, '--name', 'X'], /the location id must be digits/],
      [['ref', 'category', 'update', '123', ...server], /give at least one field/],
      [['ref', 'location', 'list', '--url', lectern.baseUrl], /--token is required/],
      [['ref', 'room', 'list', ...server, '--colour'], /unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
  }, 60_000);
});
