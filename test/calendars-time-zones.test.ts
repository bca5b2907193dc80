/**
 * Sessions are held in their room's location's time zone, else the portal's: the feeds and the e-mailed invites show
 * the same absolute instants, across a daylight-saving change-over, while the session object keeps its wall clock.
 * The demo portal is on UTC; its Lone Star Hall is in Austin, Texas (America/Chicago, where daylight time ends on
 * 1 November 2026: 09:00 is 14:00 UTC on 30 October and 15:00 UTC on 2 November).
 */
import type { SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeliveries } from '../src/deliveries/delivery-runner.ts';
import { employeeNamed } from './helpers/courses.ts';
import { type ParsedCalendar, type ParsedEvent, parseCalendar } from './helpers/ical.ts';
import { clearOutbox, RecordingTransport } from './helpers/notifications.ts';
import {
  createBatchModule,
  createSession,
  erecnoOf,
  type ModulePath,
  roomsOf,
  sessionsUrl,
} from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let rooms: Record<string, string>;
let path: ModulePath;
beforeAll(async () => {
  lectern = await createTestLectern();
  rooms = await roomsOf(lectern);
  path = await createBatchModule(lectern, { startDate: '2026-10-01', endDate: '2026-11-30' });
  // Published (straight in the tables, as Publish Batch leaves them), so that session changes send invites.
  const db = lectern.app.lectern.db;
  await db
    .updateTable('batches')
    .set({ publish_status: 'published', published_at: lectern.clock.now() })
    .where('id', '=', path.batchId)
    .execute();
  await db.updateTable('courses').set({ status: 1 }).where('id', '=', path.courseId).execute();
});
afterAll(() => lectern.close());

const trainerFeed = (name: string) => `/lectern/v1/calendars/trainers/${erecnoOf(lectern, name)}.ics`;
const uidOf = (session: Record<string, any>) => `${session.sessionId}@lectern`;

async function readFeed(url: string): Promise<ParsedCalendar & { text: string }> {
  const response = await lectern.app.inject({ url, headers: lectern.auth(lectern.adminToken) });
  expect(response.statusCode, response.body).toBe(200);
  return { ...parseCalendar(response.body), text: response.body };
}

function eventIn(calendar: ParsedCalendar, session: Record<string, any>): ParsedEvent {
  const event = calendar.events.find((candidate) => candidate.uid === uidOf(session));
  expect(event, `an event of ${session.sessionId}`).toBeDefined();
  return event!;
}

/** Sends what the outbox holds and answers the invites each person got, parsed. */
async function deliverInvites(): Promise<{ to: string; calendar: ParsedCalendar }[]> {
  const transport = new RecordingTransport();
  await runDeliveries(lectern.app.lectern, { transport });
  return transport.sent
    .filter((mail: SendMailOptions) => mail.icalEvent !== undefined)
    .map((mail) => ({
      to: (mail.to as { address: string }).address,
      calendar: parseCalendar((mail.icalEvent as { content: string }).content),
    }));
}

async function setPortalTimeZone(timeZone: string) {
  await lectern.app.lectern.db
    .updateTable('portals')
    .set({ time_zone: timeZone })
    .where('id', '=', lectern.portalId)
    .execute();
}

describe('a session in a room whose location is in America/Chicago', () => {
  const slot = { startTime: '09:00 AM', endTime: '10:30 AM', roomId: '' };
  let before: Record<string, any>;
  let after: Record<string, any>;
  let invites: { to: string; calendar: ParsedCalendar }[];
  beforeAll(async () => {
    await clearOutbox(lectern);
    const booking = { ...slot, trainerErecno: erecnoOf(lectern, 'Chen Wei'), roomId: rooms['Lone Star Hall'] };
    before = await createSession(lectern, path, { ...booking, name: 'Before the change', date: '30-10-2026' });
    after = await createSession(lectern, path, { ...booking, name: 'After the change', date: '02-11-2026' });
    invites = await deliverInvites();
  });

  it('is at the instants of Chicago clocks in the feeds, on both sides of the change-over', async () => {
    for (const url of [trainerFeed('Chen Wei'), `/lectern/v1/calendars/rooms/${rooms['Lone Star Hall']}.ics`]) {
      const feed = await readFeed(url);
      expect(eventIn(feed, before)).toMatchObject({
        tzid: 'America/Chicago',
        start: '2026-10-30T14:00:00.000Z',
        end: '2026-10-30T15:30:00.000Z',
      });
      expect(eventIn(feed, after)).toMatchObject({
        tzid: 'America/Chicago',
        start: '2026-11-02T15:00:00.000Z',
        end: '2026-11-02T16:30:00.000Z',
      });
      expect(feed.text).toContain('DTSTART;TZID=America/Chicago:20261030T090000');
      expect(feed.vtimezones).toEqual(['America/Chicago']);
    }
    // The room's feed offers its own zone to calendar programs; the trainer's, on a UTC portal, none.
    expect((await readFeed(`/lectern/v1/calendars/rooms/${rooms['Lone Star Hall']}.ics`)).timeZone).toBe(
      'America/Chicago',
    );
    expect((await readFeed(trainerFeed('Chen Wei'))).timeZone).toBeNull();
  });

  it("is at the same instants, with the feed's UID and SEQUENCE, in the invites the trainer got", async () => {
    const feed = await readFeed(trainerFeed('Chen Wei'));
    const chen = employeeNamed(lectern, 'Chen Wei').email_id;
    const mine = invites.filter((invite) => invite.to === chen);
    expect(mine.map((invite) => invite.calendar.method)).toEqual(['REQUEST', 'REQUEST']);
    const events = mine.flatMap((invite) => invite.calendar.events);
    const fields = ({ uid, sequence, start, end, tzid }: ParsedEvent) => ({ uid, sequence, start, end, tzid });
    expect(events.map(fields)).toEqual([eventIn(feed, before), eventIn(feed, after)].map(fields));
    expect(events.map((event) => event.start)).toEqual(['2026-10-30T14:00:00.000Z', '2026-11-02T15:00:00.000Z']);
  });

  it('is at the same instants in the invite of an enrolled learner, and in the CANCEL once deleted', async () => {
    await clearOutbox(lectern);
    const learner = employeeNamed(lectern, 'Hana Sato');
    const enrol = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${path.courseId}/batches/${path.batchId}/enroll?erecnosList=[${learner.erecno}]`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(enrol.statusCode, enrol.body).toBe(200);
    const [joined] = (await deliverInvites()).filter((invite) => invite.to === learner.email_id);
    expect(joined!.calendar.method).toBe('REQUEST');
    expect(joined!.calendar.events.map((event) => [event.uid, event.start, event.end])).toEqual([
      [uidOf(before), '2026-10-30T14:00:00.000Z', '2026-10-30T15:30:00.000Z'],
      [uidOf(after), '2026-11-02T15:00:00.000Z', '2026-11-02T16:30:00.000Z'],
    ]);

    // Delete Session removes the row before the event is recorded: the invite is built from the event's words.
    const deleted = await lectern.app.inject({
      method: 'DELETE',
      url: sessionsUrl(path, after.sessionId),
      headers: lectern.auth(lectern.adminToken),
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    const cancels = await deliverInvites();
    expect(cancels.map((invite) => invite.to).sort()).toEqual(
      [learner.email_id, employeeNamed(lectern, 'Chen Wei').email_id].sort(),
    );
    for (const { calendar } of cancels) {
      expect(calendar.method).toBe('CANCEL');
      expect(calendar.events).toMatchObject([
        { uid: uidOf(after), sequence: 1, tzid: 'America/Chicago', start: '2026-11-02T15:00:00.000Z' },
      ]);
    }
  });

  it('keeps its wall-clock display strings and ends when Chicago clocks pass its end time', async () => {
    const url = sessionsUrl(path, before.sessionId);
    const get = async () =>
      (await lectern.app.inject({ url, headers: lectern.auth(lectern.adminToken) })).json().session;
    const start = lectern.clock.now();
    try {
      lectern.clock.set(Date.UTC(2026, 9, 30, 15, 29));
      expect(await get()).toMatchObject({
        sessionStartDate: '30-10-2026',
        sessionStartTime: '09:00 AM',
        sessionEndTime: '10:30 AM',
        sessionRoom: 'Lone Star Hall',
        isSessionCompleted: false,
      });
      lectern.clock.set(Date.UTC(2026, 9, 30, 15, 30));
      expect((await get()).isSessionCompleted).toBe(true);
    } finally {
      lectern.clock.set(start);
    }
  });
});

describe('sessions in the portal time zone', () => {
  it('follow the portal zone without a room, or in a location without a (known) zone, in feeds and invites', async () => {
    await clearOutbox(lectern);
    const db = lectern.app.lectern.db;
    const locationOf = async (room: string) =>
      (await db.selectFrom('rooms').select('location_id').where('id', '=', rooms[room]!).executeTakeFirstOrThrow())
        .location_id;
    const utrecht = await locationOf('Canal View');
    const chennai = await locationOf('Board Room');
    await db.updateTable('locations').set({ time_zone: null }).where('id', '=', utrecht).execute();
    await db.updateTable('locations').set({ time_zone: 'Atlantis/Poseidonia' }).where('id', '=', chennai).execute();
    const booking = { startTime: '09:00 AM', endTime: '10:00 AM', trainerErecno: erecnoOf(lectern, 'Rosa Alvarez') };
    const roomless = await createSession(lectern, path, { ...booking, date: '30-10-2026', roomId: '' });
    const zoneless = await createSession(lectern, path, {
      ...booking,
      date: '02-11-2026',
      roomId: rooms['Canal View'],
    });
    const unknown = await createSession(lectern, path, { ...booking, date: '03-11-2026', roomId: rooms['Board Room'] });
    await setPortalTimeZone('America/New_York');
    try {
      // New York leaves daylight time on 1 November 2026 too: 09:00 is 13:00 UTC before, 14:00 UTC after.
      const expected = [
        [uidOf(roomless), '2026-10-30T13:00:00.000Z', 'America/New_York'],
        [uidOf(zoneless), '2026-11-02T14:00:00.000Z', 'America/New_York'],
        [uidOf(unknown), '2026-11-03T14:00:00.000Z', 'America/New_York'],
      ];
      const feed = await readFeed(trainerFeed('Rosa Alvarez'));
      const row = (event: ParsedEvent) => [event.uid, event.start, event.tzid];
      expect([roomless, zoneless, unknown].map((session) => row(eventIn(feed, session)))).toEqual(expected);
      expect(feed.timeZone).toBe('America/New_York');
      const invites = (await deliverInvites()).filter(
        (invite) => invite.to === employeeNamed(lectern, 'Rosa Alvarez').email_id,
      );
      expect(invites.flatMap((invite) => invite.calendar.events).map(row)).toEqual(expected);
    } finally {
      await setPortalTimeZone('UTC');
      await db.updateTable('locations').set({ time_zone: 'Europe/Amsterdam' }).where('id', '=', utrecht).execute();
      await db.updateTable('locations').set({ time_zone: 'Asia/Kolkata' }).where('id', '=', chennai).execute();
    }
  });
});
