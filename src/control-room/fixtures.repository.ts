/** What a fixture load reads before it writes: the portal's people, whom references may name. */
import type { Db } from '../db/database.ts';
import type { ExistingPerson } from './fixtures.refs.ts';

/** Every person of the portal, with what references to them need. */
export function findPortalPeople(db: Db, portalId: string): Promise<(ExistingPerson & { is_admin: number })[]> {
  return db
    .selectFrom('employees')
    .select(['erecno', 'employee_id', 'status', 'is_trainer', 'is_admin'])
    .where('portal_id', '=', portalId)
    .execute();
}
