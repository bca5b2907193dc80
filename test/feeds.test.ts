/**
 * Subscribable calendar feeds: one per kind (trainer, learner, room, batch), fetched at a secret URL without any
 * header; rotating and deleting kill the URL at once; who may have which feed; the window of dates a feed shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatLearners } from './helpers/enrolments.ts';
import { eventOfSession, type Feed, fetchFeed, makeFeed, postFeed, readFeedEvents } from './helpers/feeds.ts';
import { createBatchModule, createSession, erecnoOf, type ModulePath, roomsOf } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let rooms: Record<string, string>;
let path: ModulePath;
let otherPath: ModulePath;
let session: Record<string, any>;
let otherSession: Record<string, any>;
let chen: string;
let rosa: string;
let hana: string;
beforeAll(async () => {
  lectern = await createTestLectern();
  rooms = await roomsOf(lectern);
  chen = erecnoOf(lectern, 'Chen Wei');
  rosa = erecnoOf(lectern, 'Rosa Alvarez');
  hana = erecnoOf(lectern, 'Hana Sato');
  // The clock stands at 5 January 2026: the feeds reach from 7 October 2025 to 5 January 2027.
  const wide = { startDate: '2025-06-01', endDate: '2027-12-31' };
  path = await createBatchModule(lectern, wide);
  otherPath = await createBatchModule(lectern, wide);
  session = await createSession(lectern, path, { name: 'Kick-off', trainerErecno: chen, roomId: rooms['Room One'] });
  otherSession = await createSession(lectern, otherPath, { name: 'Elsewhere', trainerErecno: rosa, roomId: '' });
  await seatLearners(lectern, { courseId: path.courseId, batchId: path.batchId }, [hana]);
});
afterAll(() => lectern.close());

const tokenOf = (erecno: string) => lectern.token(['ALL'], erecno);
const uids = (events: { uid: string }[]) => events.map((event) => event.uid);

describe('each kind of feed', () => {
  it('is made with a secret URL and read without any header', async () => {
    const cases = [
      { kind: 'trainer', id: chen, shows: [session], hides: [otherSession] },
      { kind: 'learner', id: hana, shows: [session], hides: [otherSession] },
      { kind: 'room', id: rooms['Room One']!, shows: [session], hides: [otherSession] },
      { kind: 'batch', id: otherPath.batchId, shows: [otherSession], hides: [session] },
    ];
    for (const { kind, id, shows, hides } of cases) {
      const feed = await makeFeed(lectern, kind, id);
      expect(feed).toMatchObject({ kind, id, createdTime: lectern.clock.now(), rotatedTime: lectern.clock.now() });
      expect(feed.url).toMatch(/^http:\/\/lectern\.test\/lectern\/v1\/feeds\/[A-Za-z0-9_-]{32}\.ics$/);
      const { events } = await readFeedEvents(lectern, feed.url);
      for (const shown of shows) expect(eventOfSession(events, shown.sessionId), `${kind} shows`).toBeDefined();
      for (const hidden of hides) expect(eventOfSession(events, hidden.sessionId), `${kind} hides`).toBeUndefined();
    }
  });

  it('is answered again without its URL, which only its hash keeps', async () => {
    const first = await makeFeed(lectern, 'trainer', rosa);
    // An 18-digit id sent as a bare JSON number keeps every digit.
    const again = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/feeds',
      headers: { ...lectern.auth(lectern.adminToken), 'content-type': 'application/json' },
      payload: `{"kind":"trainer","id":${rosa}}`,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ ...first, url: undefined });
    expect(again.json().url).toBeUndefined();
    const row = await lectern.app.lectern.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('id', '=', first.feedId)
      .executeTakeFirstOrThrow();
    const token = first.url.slice(first.url.lastIndexOf('/') + 1, -'.ics'.length);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is made once when asked for twice at the same moment', async () => {
    const room = rooms['Training Lab']!;
    const answers = await Promise.all([
      postFeed(lectern, { kind: 'room', id: room }),
      postFeed(lectern, { kind: 'room', id: room }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(answers.map((answer) => answer.json().feedId)).size).toBe(1);
  });

  it("is listed among the caller's own feeds only, without URLs", async () => {
    const chenToken = await tokenOf(chen);
    const own = await makeFeed(lectern, 'trainer', chen, chenToken);
    const response = await lectern.app.inject({ url: '/lectern/v1/feeds', headers: lectern.auth(chenToken) });
    expect(response.statusCode, response.body).toBe(200);
    const { feeds } = response.json() as { feeds: Feed[] };
    expect(feeds).toEqual([{ ...own, url: undefined }].map(({ url: _, ...rest }) => rest));
  });
});

describe('rotating and deleting', () => {
  it('kills the old URL at once, and the new one works', async () => {
    const feed = await makeFeed(lectern, 'room', rooms['Board Room']!);
    lectern.clock.advance(60_000);
    const rotated = await lectern.app.inject({
      method: 'POST',
      url: `/lectern/v1/feeds/${feed.feedId}/rotate`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const renewed = rotated.json() as Feed & { url: string };
    expect(renewed).toMatchObject({ feedId: feed.feedId, createdTime: feed.createdTime });
    expect(renewed.rotatedTime).toBe(feed.createdTime + 60_000);
    expect(renewed.url).not.toBe(feed.url);
    const gone = await fetchFeed(lectern, feed.url);
    expect(gone.statusCode).toBe(404);
    expect((await fetchFeed(lectern, renewed.url)).statusCode).toBe(200);
    // A rotated token, a token that never was and a malformed one get the same answer.
    const never = await fetchFeed(lectern, `http://lectern.test/lectern/v1/feeds/${'A'.repeat(32)}.ics`);
    const malformed = await fetchFeed(lectern, 'http://lectern.test/lectern/v1/feeds/not-a-token.ics');
    expect([never.statusCode, malformed.statusCode]).toEqual([404, 404]);
    expect(never.body).toBe(gone.body);
    expect(malformed.body).toBe(gone.body);
  });

  it('deleting kills the URL; the deleted feed is then unknown', async () => {
    const feed = await makeFeed(lectern, 'batch', path.batchId);
    const url = `/lectern/v1/feeds/${feed.feedId}`;
    const deleted = await lectern.app.inject({ method: 'DELETE', url, headers: lectern.auth(lectern.adminToken) });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await fetchFeed(lectern, feed.url)).statusCode).toBe(404);
    const again = await lectern.app.inject({ method: 'DELETE', url, headers: lectern.auth(lectern.adminToken) });
    expect(again.statusCode).toBe(404);
    const rotate = await lectern.app.inject({
      method: 'POST',
      url: `${url}/rotate`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(rotate.statusCode).toBe(404);
  });
});

describe('who may have which feed', () => {
  it('a person their own trainer or learner feed; admins any; rooms only admins; batches admins and its trainers', async () => {
    const [chenToken, rosaToken, hanaToken] = await Promise.all([tokenOf(chen), tokenOf(rosa), tokenOf(hana)]);
    const status = async (kind: string, id: string, token: string) =>
      (await postFeed(lectern, { kind, id }, token)).statusCode;
    expect(await status('learner', hana, hanaToken)).toBe(201);
    expect(await status('learner', chen, hanaToken)).toBe(403);
    expect(await status('trainer', chen, hanaToken)).toBe(403);
    expect(await status('trainer', rosa, chenToken)).toBe(403);
    expect(await status('room', rooms['Room One']!, chenToken)).toBe(403);
    expect(await status('batch', path.batchId, chenToken)).toBe(201);
    expect(await status('batch', path.batchId, rosaToken)).toBe(403);
    expect(await status('batch', path.batchId, hanaToken)).toBe(403);
    expect(await status('learner', chen, lectern.adminToken)).toBe(201);
  });

  it("may rotate or delete only one's own feeds (an admin any of the portal's)", async () => {
    const [chenToken, rosaToken] = await Promise.all([tokenOf(chen), tokenOf(rosa)]);
    const adminFeed = await makeFeed(lectern, 'room', rooms['Canal View']!);
    const rosaFeed = await makeFeed(lectern, 'batch', otherPath.batchId, rosaToken);
    const call = (method: 'POST' | 'DELETE', feedId: string, token: string) =>
      lectern.app.inject({
        method,
        url: `/lectern/v1/feeds/${feedId}${method === 'POST' ? '/rotate' : ''}`,
        headers: lectern.auth(token),
      });
    expect((await call('POST', adminFeed.feedId, chenToken)).statusCode).toBe(404);
    expect((await call('DELETE', adminFeed.feedId, chenToken)).statusCode).toBe(404);
    expect((await call('DELETE', rosaFeed.feedId, chenToken)).statusCode).toBe(404);
    expect((await fetchFeed(lectern, adminFeed.url)).statusCode).toBe(200);
    expect((await fetchFeed(lectern, rosaFeed.url)).statusCode).toBe(200);
    expect((await call('POST', rosaFeed.feedId, lectern.adminToken)).statusCode).toBe(200);
    expect((await fetchFeed(lectern, rosaFeed.url)).statusCode).toBe(404);
  });

  it("answers 404 for subjects that are not the portal's, 400 naming a bad parameter, 401 without a token", async () => {
    const other = await lectern.otherPortal();
    const foreignRoom = Object.values(await roomsOf(lectern, other.portalId))[0]!;
    expect((await postFeed(lectern, { kind: 'room', id: foreignRoom })).statusCode).toBe(404);
    expect((await postFeed(lectern, { kind: 'trainer', id: '999999999999999999' })).statusCode).toBe(404);
    expect((await postFeed(lectern, { kind: 'batch', id: '999999999999999999' })).statusCode).toBe(404);
    const badKind = await postFeed(lectern, { kind: 'course', id: chen });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().message).toContain('kind');
    const badId = await postFeed(lectern, { kind: 'trainer', id: 'chen' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().message).toContain('id');
    const missing = await postFeed(lectern, { kind: 'trainer' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('id');
    const anonymous = await lectern.app.inject({ method: 'POST', url: '/lectern/v1/feeds', payload: { kind: 'x' } });
    expect(anonymous.statusCode).toBe(401);
    const badFeedId = await lectern.app.inject({
      method: 'DELETE',
      url: '/lectern/v1/feeds/abc',
      headers: lectern.auth(lectern.adminToken),
    });
    expect(badFeedId.statusCode).toBe(400);
    expect(badFeedId.json().message).toContain('feedId');
  });
});

describe('the window a feed shows', () => {
  it('reaches from 90 days before the portal today to 365 days after it', async () => {
    const slot = { trainerErecno: rosa, roomId: '', startTime: '10:00 AM', endTime: '11:00 AM' };
    const tooOld = await createSession(lectern, path, { ...slot, date: '06-10-2025' });
    const oldest = await createSession(lectern, path, { ...slot, date: '07-10-2025' });
    const latest = await createSession(lectern, path, { ...slot, date: '05-01-2027' });
    const tooLate = await createSession(lectern, path, { ...slot, date: '06-01-2027' });
    const feed = await makeFeed(lectern, 'batch', path.batchId);
    const shown = uids((await readFeedEvents(lectern, feed.url)).events);
    expect(shown).toContain(`${oldest.sessionId}@lectern`);
    expect(shown).toContain(`${latest.sessionId}@lectern`);
    expect(shown).not.toContain(`${tooOld.sessionId}@lectern`);
    expect(shown).not.toContain(`${tooLate.sessionId}@lectern`);
  });
});
