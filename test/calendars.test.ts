import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatLearners } from './helpers/enrolments.ts';
import { type ParsedEvent, parseCalendar } from './helpers/ical.ts';
import {
  cancelledBatchModule,
  categoriesOfKind,
  createBatchModule,
  createSession,
  erecnoOf,
  foreignStaff,
  type ModulePath,
  patchSession,
  roomsOf,
  sessionsUrl,
} from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let rooms: Record<string, string>;
let chen: string;
beforeAll(async () => {
  lectern = await createTestLectern();
  rooms = await roomsOf(lectern);
  chen = erecnoOf(lectern, 'Chen Wei');
});
afterAll(() => lectern.close());

const trainerFeed = (erecno: string) => `/lectern/v1/calendars/trainers/${erecno}.ics`;
const roomFeed = (roomId: string) => `/lectern/v1/calendars/rooms/${roomId}.ics`;

function fetchFeed(url: string, token: string | null = lectern.adminToken) {
  return lectern.app.inject({ url, headers: token === null ? {} : lectern.auth(token) });
}

async function readFeed(url: string, token?: string): Promise<{ events: ParsedEvent[]; text: string; name: string }> {
  const response = await fetchFeed(url, token);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
  const calendar = parseCalendar(response.body);
  return { events: calendar.events, text: response.body, name: String(calendar.name) };
}

async function eventOf(url: string, sessionId: string): Promise<ParsedEvent | undefined> {
  return (await readFeed(url)).events.find((event) => event.uid === `${sessionId}@lectern`);
}

describe('feeds', () => {
  let path: ModulePath;
  beforeAll(async () => {
    path = await createBatchModule(lectern);
  });

  it("lists a trainer's sessions with stable UIDs, readable by an independent parser", async () => {
    const first = await createSession(lectern, path, {
      name: 'Kick-off; welcome, all',
      description: 'Bring a laptop',
      trainerErecno: chen,
      roomId: rooms['Room One'],
      date: '12-01-2026',
      startTime: '10:00 AM',
      endTime: '11:30 AM',
    });
    const second = await createSession(lectern, path, {
      trainerErecno: chen,
      type: 1,
      roomId: '',
      date: '13-01-2026',
      startTime: '02:00 PM',
      endTime: '03:00 PM',
    });
    await createSession(lectern, path, { trainerErecno: erecnoOf(lectern, 'Rosa Alvarez'), roomId: '' });
    const feed = await readFeed(trainerFeed(chen));
    expect(feed.name).toBe('Sessions of Chen Wei');
    const mine = feed.events.filter((event) =>
      [first.sessionId, second.sessionId].some((id) => event.uid === `${id}@lectern`),
    );
    expect(mine).toEqual([
      {
        uid: `${first.sessionId}@lectern`,
        sequence: 0,
        summary: 'Kick-off; welcome, all',
        description: 'Bring a laptop\n\nClassroom session with Chen Wei',
        location: 'Room One, Chennai, Estancia IT Park',
        // Room One's location is in Chennai: 10:00 AM there (UTC+05:30) is 04:30 UTC.
        start: '2026-01-12T04:30:00.000Z',
        end: '2026-01-12T06:00:00.000Z',
        tzid: 'Asia/Kolkata',
      },
      expect.objectContaining({
        uid: `${second.sessionId}@lectern`,
        description: 'API testing\n\nE-learning session with Chen Wei',
        location: null,
        // Without a room the session is in the portal's zone, UTC here.
        start: '2026-01-13T14:00:00.000Z',
        tzid: 'UTC',
      }),
    ]);
    expect(feed.events.every((event) => event.description.includes('Chen Wei'))).toBe(true);
  });

  it("lists a room's sessions, whoever trains them", async () => {
    const lab = rooms['Training Lab']!;
    const a = await createSession(lectern, path, { trainerErecno: erecnoOf(lectern, 'Divya Raman'), roomId: lab });
    const b = await createSession(lectern, path, { trainerErecno: erecnoOf(lectern, 'Beatriz Santos'), roomId: lab });
    const feed = await readFeed(roomFeed(lab));
    expect(feed.name).toBe('Sessions in Training Lab');
    expect(feed.events.map((event) => event.uid).sort()).toEqual(
      [`${a.sessionId}@lectern`, `${b.sessionId}@lectern`].sort(),
    );
  });

  it('writes the times of a session without a room in the portal time zone, with its VTIMEZONE', async () => {
    const session = await createSession(lectern, path, {
      trainerErecno: chen,
      roomId: '',
      date: '20-03-2026',
      startTime: '09:00 AM',
      endTime: '10:00 AM',
    });
    await setTimeZone('America/New_York');
    try {
      const feed = await readFeed(trainerFeed(chen));
      expect(feed.text).toContain('BEGIN:VTIMEZONE\r\nTZID:America/New_York');
      expect(feed.text).toContain('DTSTART;TZID=America/New_York:20260320T090000');
      // 20 March 2026 is after the US switch to daylight time: 09:00 EDT is 13:00 UTC.
      expect(await eventOf(trainerFeed(chen), session.sessionId)).toMatchObject({
        tzid: 'America/New_York',
        start: '2026-03-20T13:00:00.000Z',
        end: '2026-03-20T14:00:00.000Z',
      });
      // The session object keeps showing the portal's wall-clock time.
      const fetched = await lectern.app.inject({
        url: sessionsUrl(path, session.sessionId),
        headers: lectern.auth(lectern.adminToken),
      });
      expect(fetched.json().session).toMatchObject({ sessionStartTime: '09:00 AM', sessionStartDate: '20-03-2026' });
    } finally {
      await setTimeZone('UTC');
    }
  });

  it('leaves out deleted sessions, sessions of cancelled batches and other trainers', async () => {
    const gone = await createSession(lectern, path, { trainerErecno: chen, roomId: '' });
    await lectern.app.inject({
      method: 'DELETE',
      url: sessionsUrl(path, gone.sessionId),
      headers: lectern.auth(lectern.adminToken),
    });
    const cancelledPath = await cancelledBatchModule(lectern, path.courseId);
    const dropped = await createSession(lectern, cancelledPath, { trainerErecno: chen, roomId: '' });
    const uids = (await readFeed(trainerFeed(chen))).events.map((event) => event.uid);
    expect(uids).not.toContain(`${gone.sessionId}@lectern`);
    expect(uids).not.toContain(`${dropped.sessionId}@lectern`);
  });

  it('answers an empty calendar for a room without sessions', async () => {
    const feed = await readFeed(roomFeed(rooms['Lone Star Hall']!));
    expect(feed.events).toEqual([]);
  });
});

async function setTimeZone(timeZone: string) {
  await lectern.app.lectern.db
    .updateTable('portals')
    .set({ time_zone: timeZone })
    .where('id', '=', lectern.portalId)
    .execute();
}

describe('SEQUENCE', () => {
  it('rises only when something the calendar shows really changes', async () => {
    const path = await createBatchModule(lectern);
    const session = await createSession(lectern, path, { trainerErecno: chen, roomId: rooms['Canal View'] });
    const feed = trainerFeed(chen);
    const sequence = async () => (await eventOf(feed, session.sessionId))!.sequence;
    const patch = async (data: object) => {
      const response = await patchSession(lectern, path, session.sessionId, data);
      expect(response.statusCode, response.body).toBe(200);
    };
    expect(await sequence()).toBe(0);
    // The same values again, as Zoho's sample sends the whole object: nothing changed.
    await patch({
      name: session.sessionName,
      trainerErecno: chen,
      type: '0',
      date: session.sessionStartDate,
      startTime: session.sessionStartTime,
      endTime: session.sessionEndTime,
      description: session.description,
      roomId: session.roomId,
    });
    expect(await sequence()).toBe(0);
    // Lock date and grade category do not show in a calendar.
    await patch({ lockUntil: '01-01-2026', gradeCategoryId: (await categoriesOfKind(lectern, 'grade')).Quiz });
    await seatLearners(lectern, path, [erecnoOf(lectern, 'Hana Sato')]);
    const mark = await lectern.app.inject({
      method: 'POST',
      url: `${sessionsUrl(path, session.sessionId, 'markAttendance')}?learnerErecno=${erecnoOf(lectern, 'Hana Sato')}&status=Present`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(mark.statusCode).toBe(200);
    expect(await sequence()).toBe(0);
    await patch({ name: 'Renamed' });
    expect(await sequence()).toBe(1);
    await patch({ name: 'Renamed', endTime: '11:45 PM' });
    expect(await sequence()).toBe(2);
    await patch({ roomId: '' });
    expect(await sequence()).toBe(3);
    await patch({ description: 'New words' });
    expect(await sequence()).toBe(4);
    await patch({ type: 1 });
    expect(await sequence()).toBe(5);
    await patch({ type: '1', description: 'New words' });
    expect(await sequence()).toBe(5);
    await patch({ trainerErecno: erecnoOf(lectern, 'Rosa Alvarez') });
    expect(await eventOf(feed, session.sessionId)).toBeUndefined();
    expect((await eventOf(trainerFeed(erecnoOf(lectern, 'Rosa Alvarez')), session.sessionId))!.sequence).toBe(6);
  });
});

describe('who may read a feed', () => {
  it('lets LMS admins read every feed and a trainer only their own', async () => {
    const own = await lectern.token(['READ'], chen);
    expect((await fetchFeed(trainerFeed(chen), own)).statusCode).toBe(200);
    const rosa = erecnoOf(lectern, 'Rosa Alvarez');
    const refused = await fetchFeed(trainerFeed(rosa), own);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('403');
    expect((await fetchFeed(roomFeed(rooms['Room One']!), own)).statusCode).toBe(403);
    const plain = await lectern.token(['ALL'], erecnoOf(lectern, 'Samir Khan'));
    expect((await fetchFeed(trainerFeed(chen), plain)).statusCode).toBe(403);
    expect((await fetchFeed(roomFeed(rooms['Room One']!), plain)).statusCode).toBe(403);
  });

  it('needs READ and a token', async () => {
    expect((await fetchFeed(trainerFeed(chen), null)).statusCode).toBe(401);
    const create = await lectern.token(['CREATE']);
    expect((await fetchFeed(trainerFeed(chen), create)).statusCode).toBe(403);
    expect((await fetchFeed(roomFeed(rooms['Room One']!), create)).statusCode).toBe(403);
  });

  it('answers 404 for unknown or foreign ids and 400 for non-numeric ones', async () => {
    const other = await lectern.otherPortal();
    const foreign = await foreignStaff(lectern, other.portalId);
    for (const url of [
      trainerFeed('123456789012345678'),
      trainerFeed(foreign.trainer),
      roomFeed('123456789012345678'),
      roomFeed(foreign.roomId),
    ]) {
      expect((await fetchFeed(url)).statusCode, url).toBe(404);
    }
    const bad = await fetchFeed(trainerFeed('chen'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'erecno' });
    expect((await fetchFeed(roomFeed('one'))).json()).toMatchObject({ parameter: 'roomId' });
  });
});
