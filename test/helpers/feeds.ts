/** The subscribable calendar feeds from a test: make one, fetch its secret URL without headers, read its events. */
import ICAL from 'ical.js';
import { expect } from 'vitest';
import type { TestLectern } from './test-app.ts';

/** A feed as the API answers it. */
export interface Feed {
  feedId: string;
  kind: string;
  id: string;
  createdTime: number;
  rotatedTime: number;
  url?: string;
}

/** POST /lectern/v1/feeds (the raw response). */
export function postFeed(lectern: TestLectern, body: object, token = lectern.adminToken) {
  return lectern.app.inject({ method: 'POST', url: '/lectern/v1/feeds', headers: lectern.auth(token), payload: body });
}

/** Makes a feed (expecting 201) and answers it with its URL. */
export async function makeFeed(
  lectern: TestLectern,
  kind: string,
  id: string,
  token = lectern.adminToken,
): Promise<Feed & { url: string }> {
  const response = await postFeed(lectern, { kind, id }, token);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** The path of a feed URL (the tests inject against the app, whose public URL is http://lectern.test). */
export function feedPath(url: string): string {
  return new URL(url).pathname;
}

/** Fetches a feed URL as a calendar program would: no headers at all. */
export function fetchFeed(lectern: TestLectern, url: string) {
  return lectern.app.inject({ method: 'GET', url: feedPath(url) });
}

/** A feed's event: UID, SEQUENCE, STATUS, and its start and end as UTC instants (through the text's VTIMEZONEs). */
export interface FeedEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  start: string;
  end: string;
  tzid: string;
}

/** Fetches a feed (expecting 200 text/calendar) and parses it with ical.js. */
export async function readFeedEvents(
  lectern: TestLectern,
  url: string,
): Promise<{ events: FeedEvent[]; text: string }> {
  const response = await fetchFeed(lectern, url);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
  const calendar = new ICAL.Component(ICAL.parse(response.body));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const status = component.getFirstPropertyValue('status');
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: status === null ? null : String(status),
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      tzid: event.startDate.zone?.tzid ?? '',
    };
  });
  return { events, text: response.body };
}

/** The event of a session in a feed's events, if there. */
export function eventOfSession(events: readonly FeedEvent[], sessionId: string): FeedEvent | undefined {
  return events.find((event) => event.uid === `${sessionId}@lectern`);
}
