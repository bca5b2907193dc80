/** Table shapes of the A (completion and progress) feature, by table name (merged into Database). */

/** What a learner did to an entity, a module or a course (opened it, marked it completed, or was marked by someone). */
export interface LearnerCompletionTable {
  portal_id: string;
  course_id: string;
  /** The batch of a blended course; null for self-paced and e-material courses. */
  batch_id: string | null;
  erecno: string;
  subject_kind: 'entity' | 'module' | 'course';
  /** The entity's or module's id; for a course, the batch id (blended) or the course id. */
  subject_id: string;
  /** First opened (epoch ms); null while never opened. */
  opened_at: number | null;
  /** Marked completed (epoch ms); null while not marked. */
  completed_at: number | null;
  /** Who marked it completed (the learner, or a course admin or trainer under course rule 3). */
  completed_by: string | null;
}

/** A learner's result in an online test (the last one recorded). */
export interface OnlineTestResultTable {
  portal_id: string;
  entity_id: string;
  erecno: string;
  marks: number;
  maximum_marks: number;
  recorded_by: string;
  recorded_at: number;
}

/** The completion feature's tables. */
export interface ProgressTables {
  learner_completions: LearnerCompletionTable;
  online_test_results: OnlineTestResultTable;
}
