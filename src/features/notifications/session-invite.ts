/**
 * The iCalendar invite an e-mail carries (RFC 5546 iTIP): METHOD REQUEST or CANCEL, one VEVENT per session with
 * the same UID and times as the calendar feeds (calendars/), an ORGANIZER (Lectern's From address) and the
 * recipient as ATTENDEE. SEQUENCE is the session's own, as in the feeds; a CANCEL carries one more, so that calendar
 * programs rank it above the last REQUEST they saw.
 */
import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { sessionUid } from '../calendars/calendar.service.ts';
import { ZonedDateTime } from '../calendars/zoned-date-time.ts';
import type { InviteMethod } from '../events/outbox-recipients.ts';
import type { SessionSnapshot } from '../events/outbox-sources.repository.ts';
import { sessionTypeNames } from '../sessions/session.presenter.ts';
import { wallClockToEpoch } from '../sessions/session-time.ts';

/** Who the invite is from and to. */
export interface InvitePeople {
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

/** The VTIMEZONE of a zone and its TZID, as the feeds write it; null for UTC or a zone the library lacks. */
function zoneBlock(timeZone: string): { tzid: string; vtimezone: string } | null {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return null;
  const found = tzlib_get_ical_block(timeZone);
  if (!Array.isArray(found) || found[0] === undefined) return null;
  const tzid = /^TZID:(.+)$/m.exec(found[0])?.[1]?.trim();
  return tzid === undefined ? null : { tzid, vtimezone: found[0] };
}

/** Builds the invite text for the sessions; `stamp` (epoch ms) is the event's time, so every retry is identical. */
export function buildSessionInvite(
  method: InviteMethod,
  sessions: readonly SessionSnapshot[],
  options: InvitePeople & { timeZone: string; stamp: number },
): string {
  const calendar = ical({
    prodId: { company: 'Lectern', product: 'Lectern LMS', language: 'EN' },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const zone = zoneBlock(options.timeZone);
  if (zone !== null) {
    calendar.timezone({ name: null, generator: (tz) => (tz === zone.tzid ? zone.vtimezone : null) });
  }
  const at = (epochMs: number) => (zone === null ? new Date(epochMs) : new ZonedDateTime(epochMs, zone.tzid));
  for (const session of sessions) {
    const typeName = sessionTypeNames[session.sessionType === 1 ? 1 : 0];
    const about = `${typeName} session with ${session.trainerName ?? 'a trainer'}`;
    calendar.createEvent({
      id: sessionUid(session.id),
      sequence: method === 'CANCEL' ? session.sequence + 1 : session.sequence,
      status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      start: at(wallClockToEpoch(session.date, session.startMinute, options.timeZone)),
      end: at(wallClockToEpoch(session.date, session.endMinute, options.timeZone)),
      timezone: zone?.tzid ?? null,
      stamp: new Date(options.stamp),
      created: new Date(session.createdAt),
      lastModified: new Date(session.updatedAt),
      summary: session.name,
      description: session.description ? `${session.description}\n\n${about}` : about,
      location: session.roomName === null ? null : [session.roomName, session.locationName].filter(Boolean).join(', '),
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
