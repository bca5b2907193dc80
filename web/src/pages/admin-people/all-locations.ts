/** Every location of the portal, page after page (25 each), for the room form's location picker. */
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import type { Location } from './api-types.ts';

/** A portal with more locations than this is listed up to here: a picker of thousands would not help anyone. */
const mostPages = 40;

/** The locations, in the API's order. */
export async function allLocations(): Promise<Location[]> {
  const locations: Location[] = [];
  for (let page = 0; page < mostPages; page++) {
    const answer = resultOf(
      await api.GET('/lectern/v1/locations', { params: { query: { startIndex: locations.length } } }),
    );
    locations.push(...answer.locations);
    if (!answer.hasMoreRecords) break;
  }
  return locations;
}
