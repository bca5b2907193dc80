import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import {
  cancelledBatchModule,
  createBatchModule,
  createSession,
  erecnoOf,
  type ModulePath,
  patchSession,
  postSession,
  roomsOf,
  sessionData,
  sessionsUrl,
} from './helpers/sessions.ts';
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

/** Each test books its own day of January 2026, so tests never clash with each other. */
let dayNumber = 0;
const nextDay = () => `${String(++dayNumber).padStart(2, '0')}-01-2026`;

const at = (date: string, startTime: string, endTime: string) => ({ date, startTime, endTime });

describe('double booking is refused (LECTERN_BOOKING_CONFLICTS=refuse, the default)', () => {
  it('refuses a trainer booked at an overlapping time in another course, naming the other session', async () => {
    const date = nextDay();
    const first = await createSession(lectern, await createBatchModule(lectern), {
      name: 'Morning workshop',
      trainerErecno: chen,
      roomId: rooms['Room One'],
      ...at(date, '10:00 AM', '11:00 AM'),
    });
    const path = await createBatchModule(lectern);
    for (const [startTime, endTime] of [
      ['10:30 AM', '11:30 AM'],
      ['09:00 AM', '10:01 AM'],
      ['09:00 AM', '12:00 PM'],
      ['10:15 AM', '10:45 AM'],
    ]) {
      const data = await sessionData(lectern, {
        trainerErecno: chen,
        roomId: rooms['Board Room'],
        date,
        startTime,
        endTime,
      });
      const response = await postSession(lectern, path, data);
      expect(response.statusCode, `${startTime}-${endTime}`).toBe(400);
      expect(response.json()).toEqual({
        code: 'TRAINER_ALREADY_BOOKED',
        message: `The trainer Chen Wei is already booked for session "Morning workshop" (id ${first.sessionId}) on ${date} from 10:00 AM to 11:00 AM`,
        parameter: 'sessionData.trainerErecno',
      });
    }
    const list = await lectern.app.inject({ url: sessionsUrl(path), headers: lectern.auth(lectern.adminToken) });
    expect(list.json().sessions).toEqual([]);
  });

  it('refuses a room booked at an overlapping time, naming the other session', async () => {
    const date = nextDay();
    const first = await createSession(lectern, await createBatchModule(lectern), {
      name: 'Board meeting prep',
      trainerErecno: chen,
      roomId: rooms['Board Room'],
      ...at(date, '02:00 PM', '04:00 PM'),
    });
    const data = await sessionData(lectern, {
      trainerErecno: rosa,
      roomId: rooms['Board Room'],
      ...at(date, '03:00 PM', '05:00 PM'),
    });
    const response = await postSession(lectern, await createBatchModule(lectern), data);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: 'ROOM_ALREADY_BOOKED',
      message: `The room Board Room is already booked for session "Board meeting prep" (id ${first.sessionId}) on ${date} from 02:00 PM to 04:00 PM`,
      parameter: 'sessionData.roomId',
    });
  });

  it('names the trainer first when both the trainer and the room are taken', async () => {
    const date = nextDay();
    const path = await createBatchModule(lectern);
    await createSession(lectern, path, {
      trainerErecno: chen,
      roomId: rooms['Room One'],
      ...at(date, '10:00 AM', '11:00 AM'),
    });
    const data = await sessionData(lectern, {
      trainerErecno: chen,
      roomId: rooms['Room One'],
      ...at(date, '10:00 AM', '11:00 AM'),
    });
    expect((await postSession(lectern, path, data)).json().code).toBe('TRAINER_ALREADY_BOOKED');
  });

  it('accepts back-to-back sessions, other days, and other trainers in other rooms', async () => {
    const date = nextDay();
    const path = await createBatchModule(lectern);
    const booking = { trainerErecno: chen, roomId: rooms['Room One'] };
    await createSession(lectern, path, { ...booking, ...at(date, '10:00 AM', '11:00 AM') });
    await createSession(lectern, path, { ...booking, ...at(date, '11:00 AM', '12:00 PM') });
    await createSession(lectern, path, { ...booking, ...at(date, '09:00 AM', '10:00 AM') });
    await createSession(lectern, path, { ...booking, ...at(nextDay(), '10:00 AM', '11:00 AM') });
    await createSession(lectern, path, {
      trainerErecno: rosa,
      roomId: rooms['Canal View'],
      ...at(date, '10:00 AM', '11:00 AM'),
    });
  });

  it('ignores sessions of cancelled batches', async () => {
    const date = nextDay();
    const path = await createBatchModule(lectern);
    const cancelledPath = await cancelledBatchModule(lectern, path.courseId);
    const booking = { trainerErecno: chen, roomId: rooms['Room One'], ...at(date, '10:00 AM', '11:00 AM') };
    await createSession(lectern, cancelledPath, booking);
    await createSession(lectern, path, booking);
  });

  it('checks an update against the other sessions, never against the session itself', async () => {
    const date = nextDay();
    const path = await createBatchModule(lectern);
    // Both in Austin, so that the two wall clocks are read in one zone (clashes compare instants).
    const morning = await createSession(lectern, path, {
      trainerErecno: chen,
      roomId: rooms['Lone Star Hall'],
      ...at(date, '09:00 AM', '10:00 AM'),
    });
    const noon = await createSession(lectern, path, {
      name: 'Noon',
      trainerErecno: rosa,
      roomId: rooms['Training Lab'],
      ...at(date, '12:00 PM', '01:00 PM'),
    });
    // Stretching in place, or resending the same slot, is fine.
    expect((await patchSession(lectern, path, morning.sessionId, at(date, '08:30 AM', '10:00 AM'))).statusCode).toBe(
      200,
    );
    expect(
      (await patchSession(lectern, path, noon.sessionId, { ...at(date, '12:00 PM', '01:00 PM') })).statusCode,
    ).toBe(200);
    // Moving into Rosa's hour with Rosa, into the Training Lab, or moving Rosa's trainer onto Chen's hour is refused.
    const intoRosa = await patchSession(lectern, path, morning.sessionId, { trainerErecno: rosa });
    expect(intoRosa.statusCode).toBe(200);
    const clash = await patchSession(lectern, path, morning.sessionId, at(date, '12:30 PM', '01:30 PM'));
    expect(clash.statusCode).toBe(400);
    expect(clash.json()).toMatchObject({ code: 'TRAINER_ALREADY_BOOKED', parameter: 'sessionData.trainerErecno' });
    expect(clash.json().message).toContain(`"Noon" (id ${noon.sessionId})`);
    const room = await patchSession(lectern, path, morning.sessionId, {
      trainerErecno: chen,
      roomId: rooms['Training Lab'],
      ...at(date, '12:30 PM', '01:30 PM'),
    });
    expect(room.json()).toMatchObject({ code: 'ROOM_ALREADY_BOOKED', parameter: 'sessionData.roomId' });
  });
});

describe('simultaneous bookings', () => {
  it('lets exactly one of several simultaneous bookings of one trainer through', async () => {
    const date = nextDay();
    const paths = await Promise.all([1, 2, 3, 4].map(() => createBatchModule(lectern)));
    const responses = await Promise.all(
      paths.map(async (path, index) =>
        postSession(lectern, path, {
          ...(await sessionData(lectern)),
          trainerErecno: chen,
          // Two rooms of one location each time: the same wall clock in one zone, so the same instant.
          roomId: [rooms['Room One'], rooms['Board Room'], rooms['Room One'], rooms['Board Room']][index],
          ...at(date, '10:00 AM', '11:00 AM'),
        }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([200, 400, 400, 400]);
  });
});

describe('LECTERN_BOOKING_CONFLICTS=warn', () => {
  let warned: TestLectern;
  beforeAll(async () => {
    warned = await createTestLectern({ env: { LECTERN_BOOKING_CONFLICTS: 'warn' } });
  });
  afterAll(() => warned.close());

  it('accepts a double booking and names every clash in X-Lectern-Warning', async () => {
    const warnedRooms = await roomsOf(warned);
    const booking = {
      trainerErecno: erecnoOf(warned, 'Chen Wei'),
      roomId: warnedRooms['Room One'],
      ...at('05-01-2026', '10:00 AM', '11:00 AM'),
    };
    const first = await createSession(warned, await createBatchModule(warned), { ...booking, name: 'First' });
    expect(first.sessionId).toBeDefined();
    const path = await createBatchModule(warned);
    const response = await postSession(warned, path, { ...(await sessionData(warned, booking)), extra: 1 });
    expect(response.statusCode, response.body).toBe(200);
    const other = `session "First" (id ${first.sessionId}) on 05-01-2026 from 10:00 AM to 11:00 AM`;
    expect(response.headers['x-lectern-warning']).toBe(
      `unknown keys ignored in sessionData: extra; The trainer Chen Wei is already booked for ${other}; ` +
        `The room Room One is already booked for ${other}`,
    );
    const second = response.json().session;
    const update = await patchSession(warned, path, second.sessionId, { name: 'Second' });
    expect(update.statusCode).toBe(200);
    expect(update.headers['x-lectern-warning']).toBeUndefined();
    const moved = await patchSession(warned, path, second.sessionId, at('05-01-2026', '10:30 AM', '11:30 AM'));
    expect(moved.statusCode).toBe(200);
    expect(moved.headers['x-lectern-warning']).toContain('The trainer Chen Wei is already booked');
  });

  it('is refused as a setting when it is neither refuse nor warn', () => {
    expect(() => loadConfig({ LECTERN_BOOKING_CONFLICTS: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig({ LECTERN_BOOKING_CONFLICTS: 'maybe' })).toThrow(
      /LECTERN_BOOKING_CONFLICTS must be refuse or warn/,
    );
    expect(loadConfig({}).bookingConflicts).toBe('refuse');
    expect(loadConfig({ LECTERN_BOOKING_CONFLICTS: 'WARN' }).bookingConflicts).toBe('warn');
  });
});

describe("the course's trainers follow its sessions", () => {
  async function coursesTaughtBy(erecno: string): Promise<string[]> {
    const response = await lectern.app.inject({
      url: `/api/v1/courses?trainerId=${erecno}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().courses.map((course: { courseId: string }) => course.courseId);
  }

  async function roleOf(erecno: string, courseId: string) {
    const token = await lectern.token(['READ'], erecno);
    return lectern.app.inject({ url: `/api/v1/courses/${courseId}`, headers: lectern.auth(token) });
  }

  it('adds the trainer role with a first session, keeps it while one is left, drops it with the last', async () => {
    const divya = erecnoOf(lectern, 'Divya Raman');
    const beatriz = erecnoOf(lectern, 'Beatriz Santos');
    const path: ModulePath = await createBatchModule(lectern);
    expect(await coursesTaughtBy(divya)).not.toContain(path.courseId);
    expect((await roleOf(divya, path.courseId)).statusCode).toBe(403);

    const one = await createSession(lectern, path, { trainerErecno: divya, roomId: '' });
    const two = await createSession(lectern, path, { trainerErecno: divya, roomId: '' });
    expect(await coursesTaughtBy(divya)).toContain(path.courseId);
    const seen = await roleOf(divya, path.courseId);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().course.currentUserRole.trainer).toBe(true);

    const remove = (sessionId: string) =>
      lectern.app.inject({
        method: 'DELETE',
        url: sessionsUrl(path, sessionId),
        headers: lectern.auth(lectern.adminToken),
      });
    expect((await remove(one.sessionId)).statusCode).toBe(200);
    expect(await coursesTaughtBy(divya)).toContain(path.courseId);

    expect((await patchSession(lectern, path, two.sessionId, { trainerErecno: beatriz })).statusCode).toBe(200);
    expect(await coursesTaughtBy(divya)).not.toContain(path.courseId);
    expect(await coursesTaughtBy(beatriz)).toContain(path.courseId);
    expect((await roleOf(divya, path.courseId)).statusCode).toBe(403);

    expect((await remove(two.sessionId)).statusCode).toBe(200);
    expect(await coursesTaughtBy(beatriz)).not.toContain(path.courseId);
  });
});
