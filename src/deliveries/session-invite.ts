/**
 * The iCalendar invite an e-mail carries (RFC 5546 iTIP): METHOD REQUEST or CANCEL, one VEVENT per session with
 * the same UID and times as the calendar feeds (calendars/), an ORGANIZER (Lectern's From address) and the
 * recipient as ATTENDEE. SEQUENCE is the session's own, as in the feeds; a CANCEL carries one more, so that calendar
 * programs rank it above the last REQUEST they saw. Each session's times are in its own zone (its room's location's,
 * else the portal's), as in the feeds.
 */
import { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { InviteMethod, SessionSnapshot } from '../events/index.ts';
import { sessionCalendar, sessionEventData } from '../features/calendars/index.ts';
import { sessionTimeZone } from '../features/sessions/index.ts';

/** Who the invite is from and to. */
export interface InvitePeople {
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

/**
 * Builds the invite text for the sessions; `timeZone` is the portal's (for sessions whose location has none), and
 * `stamp` (epoch ms) is the event's time, so every retry is identical.
 */
export function buildSessionInvite(
  method: InviteMethod,
  sessions: readonly SessionSnapshot[],
  options: InvitePeople & { timeZone: string; stamp: number },
): string {
  const calendar = sessionCalendar({
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  for (const session of sessions) {
    const timeZone = sessionTimeZone(session.locationTimeZone, options.timeZone);
    calendar.createEvent({
      ...sessionEventData({ ...session, timeZone }),
      sequence: method === 'CANCEL' ? session.sequence + 1 : session.sequence,
      status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: new Date(options.stamp),
      organizer: options.organizer,
      attendees: [
        {
          name: options.attendee.name,
          email: options.attendee.email,
          role: ICalAttendeeRole.REQ,
          rsvp: false,
        },
      ],
    });
  }
  return calendar.toString();
}
