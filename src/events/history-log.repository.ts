/**
 * Writes the append-only learner history: one row per event about a learner, with the change's transaction.
 * history/ reads it; nothing updates or deletes these rows.
 */
import type { Db } from '../db/database.ts';
import type { LmsEvent } from './event.types.ts';

/** Appends the events about learners to the history, in the caller's transaction (one insert). */
export async function appendHistory(db: Db, events: readonly LmsEvent[]): Promise<void> {
  const rows = events
    .filter((event) => event.erecno !== null)
    .map((event) => ({
      portal_id: event.portalId,
      type: event.type,
      course_id: event.courseId,
      batch_id: event.batchId,
      erecno: event.erecno!,
      by_erecno: event.by,
      at: event.at,
      subject_kind: event.subject.kind,
      subject_id: event.subject.id,
      subject_entity_type: event.subject.entityType ?? null,
      before_state: event.before === null ? null : JSON.stringify(event.before),
      after_state: event.after === null ? null : JSON.stringify(event.after),
    }));
  if (rows.length === 0) return;
  await db.insertInto('learner_history').values(rows).execute();
}
