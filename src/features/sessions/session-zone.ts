/** Where and when a session is held, as Lectern's own answers add it to Zoho's session object. */
import { Type } from '@sinclair/typebox';
import type { SessionRow } from './session.repository.ts';
import { sessionTimeZone, wallClockToEpoch } from './session-time.ts';

/** The keys Lectern's answers add to a session: its zone, and its start and end as instants. */
export const SessionZoneProperties = {
  timeZone: Type.String({
    description:
      "The IANA zone the session's date and times are wall-clock times in: its room's location's, else the portal's",
  }),
  startMillis: Type.Integer({ description: 'The start as epoch milliseconds (the session held in its own zone)' }),
  endMillis: Type.Integer({ description: 'The end as epoch milliseconds' }),
};

/** A session row's zone and instants. */
export function zoneOfSession(
  row: Pick<SessionRow, 'date' | 'start_minute' | 'end_minute' | 'time_zone' | 'location_time_zone'>,
) {
  const timeZone = sessionTimeZone(row.location_time_zone, row.time_zone);
  return {
    timeZone,
    startMillis: wallClockToEpoch(row.date, row.start_minute, timeZone),
    endMillis: wallClockToEpoch(row.date, row.end_minute, timeZone),
  };
}
