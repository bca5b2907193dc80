/**
 * Lectern's session reads name each session's zone (its room's location's, else the portal's) with its instants,
 * for the web app to show the wall clock where the session is held: a batch's sessions, a trainer's, a roster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchModule, createSession, erecnoOf, type ModulePath, roomsOf } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let path: ModulePath;
let austin: Record<string, any>;
let roomless: Record<string, any>;
beforeAll(async () => {
  lectern = await createTestLectern();
  const rooms = await roomsOf(lectern);
  path = await createBatchModule(lectern, { startDate: '2026-10-01', endDate: '2026-11-30' });
  // 09:00 in Austin on 30 October (daylight time) is 14:00 UTC; on 2 November (standard time) 15:00 UTC.
  austin = await createSession(lectern, path, {
    name: 'Austin',
    roomId: rooms['Lone Star Hall'],
    date: '30-10-2026',
    startTime: '09:00 AM',
    endTime: '10:00 AM',
  });
  roomless = await createSession(lectern, path, {
    name: 'Online',
    roomId: '',
    date: '02-11-2026',
    startTime: '09:00 AM',
    endTime: '10:00 AM',
  });
});
afterAll(() => lectern.close());

const get = (url: string, token = lectern.adminToken) => lectern.app.inject({ url, headers: lectern.auth(token) });

describe('sessions with their zones under /lectern/v1', () => {
  it("lists a batch's sessions as Zoho does, with each one's zone and instants", async () => {
    const response = await get(`/lectern/v1/courses/${path.courseId}/batches/${path.batchId}/schedule`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.hasMoreRecords).toBe(false);
    expect(body.sessions.map((s: Record<string, unknown>) => [s.sessionId, s.sessionStartTime, s.timeZone])).toEqual([
      [austin.sessionId, '09:00 AM', 'America/Chicago'],
      [roomless.sessionId, '09:00 AM', 'UTC'],
    ]);
    expect(body.sessions[0].startMillis).toBe(Date.UTC(2026, 9, 30, 14));
    expect(body.sessions[0].endMillis).toBe(Date.UTC(2026, 9, 30, 15));
    expect(body.sessions[1].startMillis).toBe(Date.UTC(2026, 10, 2, 9));
    // Zoho's own list keeps Zoho's keys.
    const zoho = (await get(`/api/v1/courses/${path.courseId}/batches/${path.batchId}/sessions`)).json();
    expect(zoho.sessions[0].timeZone).toBeUndefined();
    // Bad ids are named.
    const bad = await get(`/lectern/v1/courses/${path.courseId}/batches/abc/schedule`);
    expect(bad.statusCode).toBe(400);
  });

  it("names the zone of a trainer's sessions and of a roster's session", async () => {
    const chen = erecnoOf(lectern, 'Chen Wei');
    const list = (await get(`/lectern/v1/trainers/${chen}/sessions?from=01-10-2026&to=30-11-2026`)).json();
    const mine = list.sessions.find((s: { sessionId: string }) => s.sessionId === austin.sessionId);
    expect(mine).toMatchObject({ timeZone: 'America/Chicago', startMillis: Date.UTC(2026, 9, 30, 14) });
    const roster = await get(
      `/lectern/v1/courses/${path.courseId}/batches/${path.batchId}/modules/${path.moduleId}/sessions/${austin.sessionId}/attendance`,
    );
    expect(roster.statusCode, roster.body).toBe(200);
    expect(roster.json().timeZone).toBe('America/Chicago');
  });
});
