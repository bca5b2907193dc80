/** Table shapes of the calendar feeds, by table name (merged into Database). */

/** Whose sessions a feed shows. */
export type CalendarFeedKind = 'trainer' | 'learner' | 'room' | 'batch';

/** A subscribable feed: one per subject and person who asked for it; its secret token only as a SHA-256 hash. */
export interface CalendarFeedTable {
  id: string;
  portal_id: string;
  kind: CalendarFeedKind;
  /** The trainer's or learner's erecno, the room's or the batch's id. */
  subject_id: string;
  /** Who asked for it (the feeds a person lists are theirs). */
  owner_erecno: string;
  token_hash: string;
  created_at: number;
  /** When the token was last replaced (created_at until then). */
  rotated_at: number;
}

/** A deleted session as it last was, so that feeds show it cancelled (same UID, higher SEQUENCE) for a while. */
export interface SessionCancellationTable {
  session_id: string;
  portal_id: string;
  course_id: string;
  batch_id: string;
  name: string;
  description: string;
  session_type: number;
  date: string;
  start_minute: number;
  end_minute: number;
  trainer_erecno: string;
  room_id: string | null;
  /** The session's sequence when it was deleted (the cancellation is written with one more). */
  sequence: number;
  created_at: number;
  cancelled_at: number;
}

/** The calendar feeds' tables. */
export interface CalendarFeedTables {
  calendar_feeds: CalendarFeedTable;
  session_cancellations: SessionCancellationTable;
}
