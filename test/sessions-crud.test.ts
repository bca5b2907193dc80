import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseDataIn, inputForms, jsonType } from './helpers/courses.ts';
import {
  categoriesOfKind,
  createBatchModule,
  createSession,
  erecnoOf,
  insertModule,
  type ModulePath,
  patchSession,
  postSession,
  roomsOf,
  sampleSession,
  sessionData,
  sessionsUrl,
} from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let rooms: Record<string, string>;
beforeAll(async () => {
  lectern = await createTestLectern();
  rooms = await roomsOf(lectern);
});
afterAll(() => lectern.close());

const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function get(url: string, token = lectern.adminToken) {
  return lectern.app.inject({ url, headers: lectern.auth(token) });
}

describe('create', () => {
  it("answers the Update Session sample's shape: every key, in order, with the sample's JSON types", async () => {
    const path = await createBatchModule(lectern);
    const grade = (await categoriesOfKind(lectern, 'grade')).Quiz!;
    const response = await postSession(lectern, path, {
      ...(await sessionData(lectern)),
      date: '10-03-2026',
      startTime: '10:00 AM',
      endTime: '11:00 AM',
      lockUntil: '08-02-2026',
      gradeCategoryId: grade,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['code', 'session', 'message']);
    expect(body.code).toBe(200);
    const sample = sampleSession();
    expect(Object.keys(body.session)).toEqual(Object.keys(sample));
    for (const key of Object.keys(sample)) expect(kind(body.session[key]), key).toBe(kind(sample[key]));
    expect(body.session).toEqual({
      totalLearnersCount: 0,
      sessionName: 'Session API Testing',
      sessionEndTime: '11:00 AM',
      sessionStartTime: '10:00 AM',
      description: 'API testing',
      resources: [],
      sessionId: expect.stringMatching(/^\d{18}$/),
      roomId: rooms['Room One'],
      canUserDelete: true,
      sessionStartDate: '10-03-2026',
      lockUntil: '08-02-2026',
      presentLeanersCount: 0,
      gradeCategoryName: 'Quiz',
      isLocked: true,
      gradeCategoryId: grade,
      sessionType: 'Classroom',
      sessionRoom: 'Room One',
      sessionTrainer: 'Chen Wei',
      isSessionCompleted: false,
      trainerErecno: erecnoOf(lectern, 'Chen Wei'),
      canUserEdit: true,
      moduleId: path.moduleId,
    });
  });

  it.each(inputForms)('reads sessionData sent as %s, with bare 18-digit ids kept exact', async (form) => {
    const path = await createBatchModule(lectern);
    const trainer = erecnoOf(lectern, 'Divya Raman');
    const day = 20 + inputForms.indexOf(form);
    // Unquoted ids, as the create page's example sends them: beyond 2^53, so only a lossless parser keeps them.
    const text = `{"name":"Form ${form}","trainerErecno":${trainer},"type":"1","date":"${day}_03_2026","startTime":"1:30 pm","endTime":"3:00 PM","roomId":${rooms['Canal View']},"gradeCategoryId":""}`;
    const carried = courseDataIn(form, text.replace('courseData', 'sessionData'));
    const suffix = carried.suffix.replace('courseData=', 'sessionData=');
    const payload = carried.payload?.replace('courseData', 'sessionData');
    const response = await lectern.app.inject({
      method: 'POST',
      url: `${sessionsUrl(path)}${suffix}`,
      headers: { ...lectern.auth(lectern.adminToken), ...carried.headers },
      ...(payload === undefined ? {} : { payload }),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().session).toMatchObject({
      sessionName: `Form ${form}`,
      trainerErecno: trainer,
      sessionTrainer: 'Divya Raman',
      sessionType: 'E-learning',
      sessionStartDate: `${day}-03-2026`,
      sessionStartTime: '01:30 PM',
      sessionEndTime: '03:00 PM',
      roomId: rooms['Canal View'],
      sessionRoom: 'Canal View',
      gradeCategoryId: '',
      gradeCategoryName: '',
      lockUntil: '',
      isLocked: false,
      description: '',
    });
  });

  it('accepts type as a number, and a session without a room', async () => {
    const path = await createBatchModule(lectern);
    const session = await createSession(lectern, path, { type: 1, roomId: '' });
    expect(session).toMatchObject({ sessionType: 'E-learning', roomId: '', sessionRoom: '' });
  });

  it('names unknown keys in an X-Lectern-Warning header and ignores them', async () => {
    const path = await createBatchModule(lectern);
    const response = await postSession(lectern, path, {
      ...(await sessionData(lectern)),
      resources: [],
      colour: 'red',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['x-lectern-warning']).toBe('unknown keys ignored in sessionData: resources, colour');
  });
});

describe('fetch and lists', () => {
  let path: ModulePath;
  let otherModule: ModulePath;
  beforeAll(async () => {
    path = await createBatchModule(lectern);
    otherModule = { ...path, moduleId: await insertModule(lectern, path.courseId, path.batchId) };
    // 26 sessions in the first module (one more than a page), across days and times, and 2 in the second.
    for (let index = 0; index < 26; index++) {
      const day = String(1 + (index % 13)).padStart(2, '0');
      const startTime = index < 13 ? '09:00 AM' : '02:00 PM';
      const endTime = index < 13 ? '10:00 AM' : '03:00 PM';
      await createSession(lectern, path, { name: `S${index}`, date: `${day}-03-2026`, startTime, endTime, roomId: '' });
    }
    await createSession(lectern, otherModule, { name: 'Other A', date: '01-01-2026', roomId: '' });
    await createSession(lectern, otherModule, { name: 'Other B', date: '31-03-2026', roomId: '' });
  });

  it('fetches one session', async () => {
    const created = await createSession(lectern, path, { name: 'Single', date: '20-03-2026', roomId: '' });
    const response = await get(sessionsUrl(path, created.sessionId));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ code: 200, session: created, message: 'success' });
    await lectern.app.inject({
      method: 'DELETE',
      url: sessionsUrl(path, created.sessionId),
      headers: lectern.auth(lectern.adminToken),
    });
  });

  it('lists a module: 25 per page by date and time, then the rest', async () => {
    const first = await get(sessionsUrl(path));
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(Object.keys(body)).toEqual(['sessions', 'code', 'message', 'hasMoreRecords']);
    expect(body).toMatchObject({ code: 200, message: 'success', hasMoreRecords: true });
    expect(body.sessions).toHaveLength(25);
    expect(body.sessions.slice(0, 3).map((s: { sessionName: string }) => s.sessionName)).toEqual(['S0', 'S13', 'S1']);
    const second = (await get(`${sessionsUrl(path)}?startIndex=25`)).json();
    expect(second.hasMoreRecords).toBe(false);
    expect(second.sessions.map((s: { sessionName: string }) => s.sessionName)).toEqual(['S25']);
  });

  it('lists a batch: every module, by date', async () => {
    const url = `/api/v1/courses/${path.courseId}/batches/${path.batchId}/sessions`;
    const first = (await get(url)).json();
    expect(first.sessions[0].sessionName).toBe('Other A');
    expect(first.hasMoreRecords).toBe(true);
    const second = (await get(`${url}?startIndex=25`)).json();
    expect(second.sessions.map((s: { sessionName: string }) => s.sessionName)).toEqual(['S12', 'S25', 'Other B']);
    expect(second.hasMoreRecords).toBe(false);
  });

  it('refuses a bad startIndex', async () => {
    const response = await get(`${sessionsUrl(path)}?startIndex=-1`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'startIndex' });
  });
});

describe('update', () => {
  it('changes only the keys sent', async () => {
    const path = await createBatchModule(lectern);
    const created = await createSession(lectern, path, { lockUntil: '01-02-2026' });
    const response = await patchSession(lectern, path, created.sessionId, { name: 'Renamed', endTime: '11:30 AM' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      code: 200,
      session: { ...created, sessionName: 'Renamed', sessionEndTime: '11:30 AM' },
      message: 'success',
    });
  });

  it('takes the sessionData query parameter, moves the trainer, room and date, and clears optional keys', async () => {
    const path = await createBatchModule(lectern);
    const created = await createSession(lectern, path, {
      lockUntil: '01-02-2026',
      gradeCategoryId: (await categoriesOfKind(lectern, 'grade')).Project,
    });
    const data = {
      trainerErecno: erecnoOf(lectern, 'Rosa Alvarez'),
      roomId: rooms['Board Room'],
      date: '15-03-2026',
      type: 1,
      lockUntil: '',
      gradeCategoryId: null,
      description: 'Moved',
    };
    const response = await lectern.app.inject({
      method: 'PATCH',
      url: `${sessionsUrl(path, created.sessionId)}?sessionData=${encodeURIComponent(JSON.stringify(data))}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().session).toMatchObject({
      sessionTrainer: 'Rosa Alvarez',
      sessionRoom: 'Board Room',
      sessionStartDate: '15-03-2026',
      sessionType: 'E-learning',
      lockUntil: '',
      isLocked: false,
      gradeCategoryId: '',
      gradeCategoryName: '',
      description: 'Moved',
    });
  });

  it('refuses a start time after the stored end time', async () => {
    const path = await createBatchModule(lectern);
    const created = await createSession(lectern, path);
    const response = await patchSession(lectern, path, created.sessionId, { startTime: '11:00 AM' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'sessionData.startTime' });
    expect((await get(sessionsUrl(path, created.sessionId))).json().session).toEqual(created);
  });
});

describe('delete', () => {
  it('deletes a session; it is gone afterwards', async () => {
    const path = await createBatchModule(lectern);
    const created = await createSession(lectern, path);
    const response = await lectern.app.inject({
      method: 'DELETE',
      url: sessionsUrl(path, created.sessionId),
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toBe('{"code":200,"message":"success"}');
    expect((await get(sessionsUrl(path, created.sessionId))).statusCode).toBe(404);
    const again = await lectern.app.inject({
      method: 'DELETE',
      url: sessionsUrl(path, created.sessionId),
      headers: lectern.auth(lectern.adminToken),
    });
    expect(again.statusCode).toBe(404);
  });
});

describe('lock and completion follow the clock in the portal time zone', () => {
  it('isLocked until lockUntil, isSessionCompleted once the end time has passed', async () => {
    const path = await createBatchModule(lectern);
    const slot = { date: '10-02-2026', startTime: '10:00 AM', endTime: '11:00 AM' };
    const trainerErecno = erecnoOf(lectern, 'Beatriz Santos');
    const created = await createSession(lectern, path, { ...slot, trainerErecno, lockUntil: '09-02-2026', roomId: '' });
    expect(created).toMatchObject({ isLocked: true, isSessionCompleted: false });
    const start = lectern.clock.now();
    try {
      lectern.clock.set(Date.UTC(2026, 1, 9, 0, 0));
      const url = sessionsUrl(path, created.sessionId);
      expect((await get(url)).json().session).toMatchObject({ isLocked: false, isSessionCompleted: false });
      lectern.clock.set(Date.UTC(2026, 1, 10, 10, 59));
      expect((await get(url)).json().session.isSessionCompleted).toBe(false);
      lectern.clock.set(Date.UTC(2026, 1, 10, 11, 0));
      expect((await get(url)).json().session.isSessionCompleted).toBe(true);
      // In Kolkata (UTC+05:30) the session's 11:00 AM is 05:30 UTC.
      await lectern.app.lectern.db
        .updateTable('portals')
        .set({ time_zone: 'Asia/Kolkata' })
        .where('id', '=', lectern.portalId)
        .execute();
      lectern.clock.set(Date.UTC(2026, 1, 10, 5, 29));
      expect((await get(url)).json().session.isSessionCompleted).toBe(false);
      lectern.clock.set(Date.UTC(2026, 1, 10, 5, 30));
      expect((await get(url)).json().session.isSessionCompleted).toBe(true);
      // 18:30 UTC on the 8th is already the 9th in Kolkata: the lock has lifted there.
      lectern.clock.set(Date.UTC(2026, 1, 8, 18, 30));
      expect((await get(url)).json().session.isLocked).toBe(false);
    } finally {
      lectern.clock.set(start);
      await lectern.app.lectern.db
        .updateTable('portals')
        .set({ time_zone: 'UTC' })
        .where('id', '=', lectern.portalId)
        .execute();
    }
  });
});

describe('JSON body on the wire', () => {
  it('refuses a sessionData that is not an object', async () => {
    const path = await createBatchModule(lectern);
    const response = await lectern.app.inject({
      method: 'POST',
      url: `${sessionsUrl(path)}?sessionData=${encodeURIComponent('[1,2]')}`,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'sessionData' });
  });
});
