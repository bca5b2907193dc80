/** Table shapes of Lectern's online test questions and attempts, by table name (merged into Database). */

/** One question of an online test. */
export interface OnlineTestQuestionTable {
  id: string;
  portal_id: string;
  /** The online test (a module entity of type 4). */
  entity_id: string;
  /** Its place in the test's own order (1, 2, ...). */
  position: number;
  text: string;
  kind: 'single' | 'multiple';
  /** The options' texts as a JSON array. */
  options: string;
  /** The indexes (from 0) of the correct options as a JSON array. */
  correct_options: string;
  marks: number;
  created_at: number;
}

/** One learner's attempt at an online test. */
export interface OnlineTestAttemptTable {
  id: string;
  portal_id: string;
  entity_id: string;
  erecno: string;
  /** The question ids in the order this attempt serves them, as a JSON array. */
  question_ids: string;
  started_at: number;
  /** When a timed test (durationFor test) stops taking answers; null without a time limit. */
  deadline_at: number | null;
  /** Null while the attempt is open. */
  submitted_at: number | null;
  /** The answers as JSON ({questionId: [option indexes]}), null while open. */
  answers: string | null;
  marks: number | null;
  maximum_marks: number | null;
}

/** The online test feature's tables. */
export interface OnlineTestTables {
  online_test_questions: OnlineTestQuestionTable;
  online_test_attempts: OnlineTestAttemptTable;
}
