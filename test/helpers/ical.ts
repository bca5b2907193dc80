/**
 * Reads iCalendar text (feeds and invites) with ical.js, an independent parser: events with their instants resolved
 * through the text's own VTIMEZONEs, so that a test asserts the absolute time a calendar program would show.
 */
import ICAL from 'ical.js';

/** A parsed event; `start` and `end` are ISO instants in UTC, `tzid` the zone the text wrote them in. */
export interface ParsedEvent {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  location: string;
  start: string;
  end: string;
  tzid: string;
}

/** A parsed calendar: its events, METHOD, X-WR-CALNAME, X-WR-TIMEZONE and the TZIDs of its VTIMEZONEs. */
export interface ParsedCalendar {
  events: ParsedEvent[];
  method: string | null;
  name: string | null;
  timeZone: string | null;
  vtimezones: string[];
}

const textOf = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** Parses a calendar, registering its VTIMEZONEs so that TZID times resolve to instants. */
export function parseCalendar(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone');
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description,
      location: event.location,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      tzid: event.startDate.zone?.tzid ?? '',
    };
  });
  return {
    events,
    method: textOf(calendar.getFirstPropertyValue('method')),
    name: textOf(calendar.getFirstPropertyValue('x-wr-calname')),
    timeZone: textOf(calendar.getFirstPropertyValue('x-wr-timezone')),
    vtimezones: zones.map((zone) => String(zone.getFirstPropertyValue('tzid'))),
  };
}
