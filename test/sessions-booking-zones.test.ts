/**
 * Booking clashes compare instants: each session's wall clock is read in its own zone (its room's location's, else
 * the portal's). The demo portal is on UTC; Lone Star Hall is in America/Chicago, Canal View's location is moved to
 * Europe/Berlin here, Room One is in Asia/Kolkata. Europe leaves daylight time on 25 October 2026 and Chicago on
 * 1 November, so for that week Chicago's 09:00 is Berlin's 15:00, and Berlin's 16:00 again after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBatchModule,
  createSession,
  erecnoOf,
  type ModulePath,
  patchSession,
  postSession,
  roomsOf,
  sessionData,
} from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let rooms: Record<string, string>;
let chen: string;
let path: ModulePath;
beforeAll(async () => {
  lectern = await createTestLectern();
  rooms = await roomsOf(lectern);
  chen = erecnoOf(lectern, 'Chen Wei');
  path = await createBatchModule(lectern, { startDate: '2026-10-01', endDate: '2027-01-31' });
  const db = lectern.app.lectern.db;
  const canal = await db
    .selectFrom('rooms')
    .select('location_id')
    .where('id', '=', rooms['Canal View']!)
    .executeTakeFirstOrThrow();
  await db.updateTable('locations').set({ time_zone: 'Europe/Berlin' }).where('id', '=', canal.location_id!).execute();
});
afterAll(() => lectern.close());

const checkUrl = (query: Record<string, string>) =>
  `/lectern/v1/courses/${path.courseId}/batches/${path.batchId}/modules/${path.moduleId}/session-conflicts?${new URLSearchParams(query)}`;

async function clashesAt(query: Record<string, string>) {
  const response = await lectern.app.inject({ url: checkUrl(query), headers: lectern.auth(lectern.adminToken) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().conflicts as { code: string; sessionId: string; timeZone: string; message: string }[];
}

async function sessionCount(): Promise<number> {
  const rows = await lectern.app.lectern.db
    .selectFrom('class_sessions')
    .select('id')
    .where('batch_id', '=', path.batchId)
    .execute();
  return rows.length;
}

describe('booking clashes across time zones', () => {
  it('finds a trainer in Chicago at 09:00 and in Berlin at 16:00 on a winter day to be the same instant', async () => {
    const chicago = await createSession(lectern, path, {
      name: 'Austin morning',
      roomId: rooms['Lone Star Hall'],
      date: '03-12-2026',
      startTime: '09:00 AM',
      endTime: '10:00 AM',
    });
    const berlin = { date: '03-12-2026', trainerErecno: chen, roomId: rooms['Canal View']! };
    const clashes = await clashesAt({ ...berlin, startTime: '04:00 PM', endTime: '05:00 PM' });
    expect(clashes.map((clash) => [clash.code, clash.sessionId, clash.timeZone])).toEqual([
      ['TRAINER_ALREADY_BOOKED', chicago.sessionId, 'America/Chicago'],
    ]);
    // The other session's wall clock, its zone named.
    expect(clashes[0]!.message).toContain('from 09:00 AM to 10:00 AM (America/Chicago)');
    // The same wall clock in Berlin as in Chicago is seven hours earlier: no clash, though the local times match.
    expect(await clashesAt({ ...berlin, startTime: '09:00 AM', endTime: '10:00 AM' })).toEqual([]);
    // A write is refused the same way, naming the trainer, and writes nothing.
    const before = await sessionCount();
    const refused = await postSession(
      lectern,
      path,
      await sessionData(lectern, { ...berlin, startTime: '04:30 PM', endTime: '05:30 PM' }),
    );
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'TRAINER_ALREADY_BOOKED', parameter: 'sessionData.trainerErecno' });
    expect(await sessionCount()).toBe(before);
    // Berlin's 09:00 is free for the write too.
    await createSession(lectern, path, { ...berlin, startTime: '09:00 AM', endTime: '10:00 AM' });
  });

  it('follows each zone across the weeks when only Europe has left daylight time', async () => {
    for (const date of ['28-10-2026', '04-11-2026']) {
      await createSession(lectern, path, {
        name: `Austin ${date}`,
        roomId: rooms['Lone Star Hall'],
        date,
        startTime: '09:00 AM',
        endTime: '10:00 AM',
      });
    }
    const berlin = (date: string, startTime: string, endTime: string) => ({
      date,
      startTime,
      endTime,
      trainerErecno: chen,
      roomId: rooms['Canal View']!,
    });
    // 28 October: Chicago on CDT (UTC-5), Berlin on CET (UTC+1): 09:00 there is 15:00 here.
    expect(await clashesAt(berlin('28-10-2026', '03:00 PM', '04:00 PM'))).toHaveLength(1);
    expect(await clashesAt(berlin('28-10-2026', '04:00 PM', '05:00 PM'))).toEqual([]);
    // 4 November: both on standard time (UTC-6 and UTC+1): 09:00 there is 16:00 here.
    expect(await clashesAt(berlin('04-11-2026', '03:00 PM', '04:00 PM'))).toEqual([]);
    expect(await clashesAt(berlin('04-11-2026', '04:00 PM', '05:00 PM'))).toHaveLength(1);
  });

  it('finds a clash with a session on another local date, and moves are checked on instants', async () => {
    // 21:00 in Chicago on 12 January is 08:30 on 13 January in Chennai (UTC+5:30).
    const evening = await createSession(lectern, path, {
      name: 'Austin evening',
      roomId: rooms['Lone Star Hall'],
      date: '12-01-2027',
      startTime: '09:00 PM',
      endTime: '10:00 PM',
    });
    const chennai = await createSession(lectern, path, {
      name: 'Chennai early',
      roomId: rooms['Room One'],
      date: '13-01-2027',
      startTime: '07:00 AM',
      endTime: '08:00 AM',
    });
    const clashes = await clashesAt({ sessionId: chennai.sessionId, startTime: '08:30 AM', endTime: '09:30 AM' });
    expect(clashes.map((clash) => [clash.sessionId, clash.timeZone])).toEqual([[evening.sessionId, 'America/Chicago']]);
    const moved = await patchSession(lectern, path, chennai.sessionId, {
      startTime: '08:30 AM',
      endTime: '09:30 AM',
    });
    expect(moved.statusCode, moved.body).toBe(400);
    expect(moved.json()).toMatchObject({ code: 'TRAINER_ALREADY_BOOKED' });
    // A move of the room to Chicago's zone reads 08:30 there (14:30 UTC): free.
    const relocated = await patchSession(lectern, path, chennai.sessionId, {
      startTime: '08:30 AM',
      endTime: '09:30 AM',
      roomId: rooms['Training Lab'],
    });
    expect(relocated.statusCode, relocated.body).toBe(200);
  });
});
