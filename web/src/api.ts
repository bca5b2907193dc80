/** The typed client of Lectern's public API, authorised by the signed-in session (refreshed as needed). */
import { createZohoLmsClient, type ZohoLmsClient } from '@lectern/zoho-lms';
import { accessToken } from './session.ts';

/** Answers an API call with a fresh access token each time, so a refreshed token is picked up. */
const sessionFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  request.headers.set('authorization', `Zoho-oauthtoken ${await accessToken()}`);
  return fetch(request);
};

/** The one client the pages use. */
export const api: ZohoLmsClient = createZohoLmsClient({
  baseUrl: location.origin,
  // The transport's own header is replaced by sessionFetch's; the token source never refreshes this fixed one.
  auth: { accessToken: 'session' },
  fetch: sessionFetch,
  maxRetries: 1,
});

/** Throws the API's message when a call failed, so the page shows it. */
export function dataOf<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined) return result.data;
  const message = (result.error as { message?: string } | undefined)?.message;
  throw new Error(message ?? `HTTP ${result.response.status}`);
}

/** A session of a trainer's calendar feed. */
export interface CalendarSession {
  uid: string;
  summary: string;
  start: Date | null;
  location: string;
}

function unfold(text: string): string[] {
  return text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
}

function icsDate(value: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?/.exec(value);
  if (match === null) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', z] = match;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${z ? 'Z' : ''}`;
  return new Date(iso);
}

/** The sessions of a trainer's iCalendar feed (`/lectern/v1/calendars/trainers/{erecno}.ics`), soonest first. */
export async function trainerSessions(erecno: string): Promise<CalendarSession[]> {
  const response = await sessionFetch(`/lectern/v1/calendars/trainers/${encodeURIComponent(erecno)}.ics`);
  if (!response.ok) throw new Error(`the calendar is unavailable (HTTP ${response.status})`);
  const sessions: CalendarSession[] = [];
  let current: Partial<CalendarSession> | null = null;
  for (const line of unfold(await response.text())) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current !== null) {
      sessions.push({
        uid: current.uid ?? '',
        summary: current.summary ?? '',
        start: current.start ?? null,
        location: current.location ?? '',
      });
      current = null;
    } else if (current !== null) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0];
      const value = line
        .slice(colon + 1)
        .replace(/\\([,;\\])/g, '$1')
        .replace(/\\n/gi, ' ');
      if (name === 'UID') current.uid = value;
      else if (name === 'SUMMARY') current.summary = value;
      else if (name === 'LOCATION') current.location = value;
      else if (name === 'DTSTART') current.start = icsDate(value);
    }
  }
  return sessions.sort((a, b) => (a.start?.getTime() ?? 0) - (b.start?.getTime() ?? 0));
}
