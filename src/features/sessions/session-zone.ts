/** Where and when a session is held, as Lectern's own answers add it to Zoho's session object. */
import type { SessionRow } from './session.repository.ts';
import { sessionTimeZone, wallClockToEpoch } from './session-time.ts';

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
