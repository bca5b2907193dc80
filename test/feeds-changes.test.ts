/**
 * What a subscribed calendar sees of a session's life: its instants across a daylight-saving change (America/Chicago,
 * where daylight time begins on 8 March 2026), the same UID with a higher SEQUENCE after each change a calendar
 * shows, and STATUS:CANCELLED (one SEQUENCE more) once deleted or once its batch is cancelled, for 30 days; the
 * e-mailed invites carry the same UID and SEQUENCE (METHOD:REQUEST on a change, METHOD:CANCEL on a deletion).
 */
import type { SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeliveries } from '../src/deliveries/delivery-runner.ts';
import { employeeNamed } from './helpers/courses.ts';
import { eventOfSession, type FeedEvent, makeFeed, readFeedEvents } from './helpers/feeds.ts';
import { type ParsedCalendar, parseCalendar } from './helpers/ical.ts';
import { clearOutbox, RecordingTransport } from './helpers/notifications.ts';
import {
  cancelledBatchModule,
  createBatchModule,
  createSession,
  erecnoOf,
  insertSession,
  type ModulePath,
  patchSession,
  roomsOf,
  sessionsUrl,
} from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

const dayMs = 86_400_000;
let lectern: TestLectern;
let rooms: Record<string, string>;
let path: ModulePath;
let chenFeedUrl: string;
beforeAll(async () => {
  lectern = await createTestLectern();
  rooms = await roomsOf(lectern);
  path = await createBatchModule(lectern, { startDate: '2026-01-01', endDate: '2026-12-31' });
  // Published (straight in the tables, as Publish Batch leaves them), so that session changes send invites.
  const db = lectern.app.lectern.db;
  await db
    .updateTable('batches')
    .set({ publish_status: 'published', published_at: lectern.clock.now() })
    .where('id', '=', path.batchId)
    .execute();
  await db.updateTable('courses').set({ status: 1 }).where('id', '=', path.courseId).execute();
  chenFeedUrl = (await makeFeed(lectern, 'trainer', erecnoOf(lectern, 'Chen Wei'))).url;
});
afterAll(() => lectern.close());

async function eventIn(url: string, sessionId: string): Promise<FeedEvent | undefined> {
  return eventOfSession((await readFeedEvents(lectern, url)).events, sessionId);
}

/** Sends what the outbox holds and answers the invites Chen Wei got, parsed. */
async function chensInvites(): Promise<ParsedCalendar[]> {
  const transport = new RecordingTransport();
  await runDeliveries(lectern.app.lectern, { transport });
  const chen = employeeNamed(lectern, 'Chen Wei').email_id;
  return transport.sent
    .filter(
      (mail: SendMailOptions) => mail.icalEvent !== undefined && (mail.to as { address: string }).address === chen,
    )
    .map((mail) => parseCalendar((mail.icalEvent as { content: string }).content));
}

describe('times across a daylight-saving change', () => {
  it('are the instants of Chicago clocks, written with the VTIMEZONE of the zone', async () => {
    const booking = { trainerErecno: erecnoOf(lectern, 'Chen Wei'), roomId: rooms['Lone Star Hall'] };
    const slot = { startTime: '09:00 AM', endTime: '10:30 AM' };
    const before = await createSession(lectern, path, { ...booking, ...slot, date: '06-03-2026' });
    const after = await createSession(lectern, path, { ...booking, ...slot, date: '09-03-2026' });
    const { events, text } = await readFeedEvents(lectern, chenFeedUrl);
    // 09:00 central standard time (UTC-6) on the Friday, central daylight time (UTC-5) on the Monday.
    expect(eventOfSession(events, before.sessionId)).toMatchObject({
      tzid: 'America/Chicago',
      start: '2026-03-06T15:00:00.000Z',
      end: '2026-03-06T16:30:00.000Z',
    });
    expect(eventOfSession(events, after.sessionId)).toMatchObject({
      tzid: 'America/Chicago',
      start: '2026-03-09T14:00:00.000Z',
      end: '2026-03-09T15:30:00.000Z',
    });
    expect(text).toContain('DTSTART;TZID=America/Chicago:20260309T090000');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:America/Chicago');
  });

  it('on the change-over day itself: an evening session after the change is on daylight time', async () => {
    const session = await createSession(lectern, path, {
      trainerErecno: erecnoOf(lectern, 'Chen Wei'),
      roomId: rooms['Lone Star Hall'],
      date: '08-03-2026',
      startTime: '06:00 PM',
      endTime: '07:00 PM',
    });
    expect(await eventIn(chenFeedUrl, session.sessionId)).toMatchObject({
      start: '2026-03-08T23:00:00.000Z',
      end: '2026-03-09T00:00:00.000Z',
    });
  });
});

describe("a session's changes", () => {
  let session: Record<string, any>;
  beforeAll(async () => {
    session = await createSession(lectern, path, {
      name: 'Planning',
      trainerErecno: erecnoOf(lectern, 'Chen Wei'),
      roomId: '',
      date: '15-04-2026',
      startTime: '10:00 AM',
      endTime: '11:00 AM',
    });
    await clearOutbox(lectern);
  });

  it('keep its UID and raise its SEQUENCE, in the feed and in the invite', async () => {
    expect(await eventIn(chenFeedUrl, session.sessionId)).toMatchObject({ sequence: 0, status: 'CONFIRMED' });
    const moved = await patchSession(lectern, path, session.sessionId, { startTime: '01:00 PM', endTime: '02:00 PM' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await eventIn(chenFeedUrl, session.sessionId)).toMatchObject({
      sequence: 1,
      status: 'CONFIRMED',
      start: '2026-04-15T13:00:00.000Z',
    });
    const renamed = await patchSession(lectern, path, session.sessionId, { name: 'Planning, again' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await eventIn(chenFeedUrl, session.sessionId)).toMatchObject({ sequence: 2, summary: 'Planning, again' });
    const invites = await chensInvites();
    expect(invites.map((invite) => invite.method)).toEqual(['REQUEST', 'REQUEST']);
    expect(invites.flatMap((invite) => invite.events).map((event) => [event.uid, event.sequence])).toEqual([
      [`${session.sessionId}@lectern`, 1],
      [`${session.sessionId}@lectern`, 2],
    ]);
  });

  it('shows the deleted session as cancelled with one SEQUENCE more, as the CANCEL invite does, for 30 days', async () => {
    const deleted = await lectern.app.inject({
      method: 'DELETE',
      url: sessionsUrl(path, session.sessionId),
      headers: lectern.auth(lectern.adminToken),
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await eventIn(chenFeedUrl, session.sessionId)).toMatchObject({
      sequence: 3,
      status: 'CANCELLED',
      summary: 'Planning, again',
      start: '2026-04-15T13:00:00.000Z',
    });
    const [cancel] = await chensInvites();
    expect(cancel!.method).toBe('CANCEL');
    expect(cancel!.events).toMatchObject([{ uid: `${session.sessionId}@lectern`, sequence: 3 }]);
    const start = lectern.clock.now();
    try {
      lectern.clock.advance(30 * dayMs - 1);
      expect((await eventIn(chenFeedUrl, session.sessionId))?.status).toBe('CANCELLED');
      lectern.clock.advance(1);
      expect(await eventIn(chenFeedUrl, session.sessionId)).toBeUndefined();
    } finally {
      lectern.clock.set(start);
    }
  });

  it("shows a cancelled batch's sessions as cancelled", async () => {
    const cancelled = await cancelledBatchModule(lectern, path.courseId);
    const sessionId = await insertSession(lectern, cancelled, {
      date: '2026-02-10',
      trainerErecno: erecnoOf(lectern, 'Chen Wei'),
      sequence: 4,
    });
    expect(await eventIn(chenFeedUrl, sessionId)).toMatchObject({ sequence: 5, status: 'CANCELLED' });
  });
});
