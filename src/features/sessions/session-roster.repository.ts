/** The trainer desk's reads: a trainer's sessions with their course and batch, for a JSON calendar. */

import type { IsoDate } from '../../dates.ts';
import type { Db } from '../../db/database.ts';
import { type SessionRow, viewQuery } from './session.repository.ts';

/** A session with the names of its course and batch. */
export interface TrainerSessionRow extends SessionRow {
  course_name: string;
  batch_name: string;
}

/**
 * A trainer's sessions dated inside [from, to] (batches not cancelled), by date and time, at most `limit`: one
 * query with the attendance counts the session object shows.
 */
export async function listTrainerSessionRows(
  db: Db,
  where: { portalId: string; trainerErecno: string; from: IsoDate; to: IsoDate },
  limit: number,
): Promise<TrainerSessionRow[]> {
  return viewQuery(db)
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('batches as b', 'b.id', 's.batch_id')
    .select(['c.name as course_name', 'b.name as batch_name'])
    .where('s.portal_id', '=', where.portalId)
    .where('s.trainer_erecno', '=', where.trainerErecno)
    .where('s.date', '>=', where.from)
    .where('s.date', '<=', where.to)
    .where('b.publish_status', '!=', 'cancelled')
    .orderBy('s.date')
    .orderBy('s.start_minute')
    .orderBy('s.id')
    .limit(limit)
    .execute();
}
