/** Table shapes of the history feature, by table name (merged into Database). */
import type { Generated } from 'kysely';

/**
 * One event about one learner, append-only: nothing updates or deletes these rows (not even deleting the course),
 * so a learner's history outlives their enrolment. `id` is the store's insert order.
 */
export interface LearnerHistoryTable {
  id: Generated<number>;
  portal_id: string;
  /** The versioned event name (learner.enrolled.v1, ...). */
  type: string;
  course_id: string;
  batch_id: string | null;
  erecno: string;
  /** Who caused it; null when Lectern did it by itself. */
  by_erecno: string | null;
  /** Epoch milliseconds. */
  at: number;
  subject_kind: string;
  subject_id: string;
  subject_entity_type: number | null;
  /** The learner's state before and after, as JSON texts (null when there was none). */
  before_state: string | null;
  after_state: string | null;
}

/** The history feature's tables. */
export interface HistoryTables {
  learner_history: LearnerHistoryTable;
}
