/** Queries over trainers: employees of a portal with the trainer role. */

import { sql } from 'kysely';
import type { Dialect } from '../../db/create-db.ts';
import type { Db } from '../../db/database.ts';
import { forUpdate } from '../../db/dialect.ts';
import type { EmployeeRow } from '../people/index.ts';

/** Gives (or takes away) the trainer role. */
export async function setTrainerFlag(db: Db, portalId: string, erecnos: readonly string[], isTrainer: boolean) {
  if (erecnos.length === 0) return;
  await db
    .updateTable('employees')
    .set({ is_trainer: isTrainer ? 1 : 0 })
    .where('portal_id', '=', portalId)
    .where('erecno', 'in', erecnos)
    .execute();
}

/**
 * One trainer of a portal (an employee with the trainer role, active or not). Locked on PostgreSQL when asked, as
 * session bookings lock the trainer's row: a removal and a new booking of the same trainer queue up.
 */
export async function findTrainer(
  db: Db,
  portalId: string,
  erecno: string,
  lock?: Dialect,
): Promise<EmployeeRow | undefined> {
  let query = db
    .selectFrom('employees')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .where('is_trainer', '=', 1);
  query = forUpdate(query, lock);
  return query.executeTakeFirst();
}

/** A page of a portal's trainers of one employee status, by name; one extra row tells whether more exist. */
export async function listTrainers(
  db: Db,
  filter: { portalId: string; status: EmployeeRow['status']; order: 'asc' | 'desc' },
  startIndex: number,
  limit: number,
): Promise<EmployeeRow[]> {
  // A to Z regardless of case, then the exact name and the erecno so that pages never overlap.
  return db
    .selectFrom('employees')
    .selectAll()
    .where('portal_id', '=', filter.portalId)
    .where('is_trainer', '=', 1)
    .where('status', '=', filter.status)
    .orderBy(sql`lower(${sql.ref('display_name')})`, filter.order)
    .orderBy('display_name', filter.order)
    .orderBy('erecno', filter.order)
    .offset(startIndex)
    .limit(limit)
    .execute();
}
