/**
 * The read-only booking check (GET .../modules/{moduleId}/session-conflicts): the clashes a session at a slot would
 * make, from a fresh slot or a moved session, without writing; bad input named; course managers only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castOf } from './helpers/roles.ts';
import { createBatchModule, createSession, erecnoOf, type ModulePath, roomsOf } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let rooms: Record<string, string>;
let chen: string;
let rosa: string;
beforeAll(async () => {
  lectern = await createTestLectern();
  rooms = await roomsOf(lectern);
  chen = erecnoOf(lectern, 'Chen Wei');
  rosa = erecnoOf(lectern, 'Rosa Alvarez');
});
afterAll(() => lectern.close());

const checkUrl = (path: ModulePath, query: Record<string, string>) =>
  `/lectern/v1/courses/${path.courseId}/batches/${path.batchId}/modules/${path.moduleId}/session-conflicts?${new URLSearchParams(query)}`;

const check = (path: ModulePath, query: Record<string, string>, token = lectern.adminToken) =>
  lectern.app.inject({ url: checkUrl(path, query), headers: lectern.auth(token) });

describe('the booking check', () => {
  it('names the trainer and room clashes of a moved session, and never the session itself', async () => {
    const booked = await createSession(lectern, await createBatchModule(lectern), {
      name: 'Safety drill',
      trainerErecno: chen,
      roomId: rooms['Room One'],
      date: '12-01-2026',
      startTime: '10:00 AM',
      endTime: '11:00 AM',
    });
    const path = await createBatchModule(lectern);
    const moved = await createSession(lectern, path, {
      name: 'Lab',
      trainerErecno: chen,
      roomId: rooms['Room One'],
      date: '13-01-2026',
      startTime: '10:00 AM',
      endTime: '11:00 AM',
    });
    const response = await check(path, {
      sessionId: moved.sessionId,
      date: '12-01-2026',
      startTime: '10:30 AM',
      endTime: '11:30 AM',
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.savingRefused).toBe(true);
    expect(body.conflicts.map((clash: { code: string }) => clash.code)).toEqual([
      'TRAINER_ALREADY_BOOKED',
      'ROOM_ALREADY_BOOKED',
    ]);
    expect(body.conflicts[0]).toEqual({
      code: 'TRAINER_ALREADY_BOOKED',
      parameter: 'trainerErecno',
      message: `The trainer Chen Wei is already booked for session "Safety drill" (id ${booked.sessionId}) on 12-01-2026 from 10:00 AM to 11:00 AM`,
      sessionId: booked.sessionId,
      sessionName: 'Safety drill',
      date: '12-01-2026',
      startTime: '10:00 AM',
      endTime: '11:00 AM',
      timeZone: 'Asia/Kolkata',
    });
    // Its own slot is free: a session never clashes with itself.
    expect((await check(path, { sessionId: moved.sessionId })).json().conflicts).toEqual([]);
    // Another trainer and no room at the same time: free.
    const free = await check(path, { sessionId: moved.sessionId, date: '12-01-2026', trainerErecno: rosa, roomId: '' });
    expect(free.json()).toEqual({ code: 200, conflicts: [], savingRefused: false, message: 'success' });
    // Nothing was written: the moved session is where it was.
    const stored = await lectern.app.lectern.db
      .selectFrom('class_sessions')
      .select(['date', 'start_minute'])
      .where('id', '=', moved.sessionId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ date: '2026-01-13', start_minute: 600 });
  });

  it('checks a slot for a new session when every key is given', async () => {
    const path = await createBatchModule(lectern);
    const response = await check(path, {
      date: '20-01-2026',
      startTime: '09:00 AM',
      endTime: '10:00 AM',
      trainerErecno: chen,
    });
    expect(response.json()).toEqual({ code: 200, conflicts: [], savingRefused: false, message: 'success' });
  });

  it('answers bad input with a 400 naming the parameter', async () => {
    const path = await createBatchModule(lectern);
    const cases: [Record<string, string>, string][] = [
      [{ startTime: '09:00 AM', endTime: '10:00 AM', trainerErecno: chen }, 'date'],
      [{ date: '31-02-2026', startTime: '09:00 AM', endTime: '10:00 AM', trainerErecno: chen }, 'date'],
      [{ date: '20-01-2026', startTime: '9 o clock', endTime: '10:00 AM', trainerErecno: chen }, 'startTime'],
      [{ date: '20-01-2026', startTime: '10:00 AM', endTime: '09:00 AM', trainerErecno: chen }, 'endTime'],
      [{ date: '20-01-2026', startTime: '09:00 AM', endTime: '10:00 AM', trainerErecno: 'abc' }, 'trainerErecno'],
      [{ date: '20-01-2026', startTime: '09:00 AM', endTime: '10:00 AM', trainerErecno: '999999' }, 'trainerErecno'],
      [
        { date: '20-01-2026', startTime: '09:00 AM', endTime: '10:00 AM', trainerErecno: chen, roomId: '12345' },
        'roomId',
      ],
    ];
    for (const [query, parameter] of cases) {
      const response = await check(path, query);
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      expect(response.json().parameter, response.body).toBe(parameter);
    }
    expect((await check(path, { sessionId: '123456789' })).statusCode).toBe(404);
  });

  it('is for course managers only', async () => {
    const cast = await castOf(lectern);
    const path = await createBatchModule(lectern);
    const query = { date: '20-01-2026', startTime: '09:00 AM', endTime: '10:00 AM', trainerErecno: chen };
    const response = await check(path, query, cast.learner.token);
    expect([403, 404]).toContain(response.statusCode);
  });
});
