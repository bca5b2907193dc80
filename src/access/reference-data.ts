/** Who may change a portal's reference data (locations, rooms, categories, grade categories). */
import type { Caller } from './caller.ts';

/** LMS, settings and data admins (and the server's operator) write reference data; everyone in the portal reads it. */
export function mayManageReferenceData(caller: Caller): boolean {
  return caller.isAdmin || caller.isSettingsAdmin || caller.isDataAdmin || caller.isOperator;
}
