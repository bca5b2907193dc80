/** Table shapes as Kysely sees them. Booleans are 0/1 integers and times epoch milliseconds on both engines. */
import type { Kysely, Transaction } from 'kysely';
import type { AccountTables } from './tables/accounts.ts';
import type { CalendarFeedTables } from './tables/calendar-feeds.ts';
import type { ControlRoomTables } from './tables/control-room.ts';
import type { HistoryTables } from './tables/history.ts';
import type { LearningPlanTables } from './tables/learning-plans.ts';
import type { NotificationTables } from './tables/notifications.ts';
import type { OAuthTables } from './tables/oauth.ts';
import type { OnlineTestTables } from './tables/online-tests.ts';
import type { OrganisationTables } from './tables/organisation.ts';
import type { ProgressTables } from './tables/progress.ts';

export type {
  CategoryTable,
  DepartmentTable,
  DesignationTable,
  EmployeePhotoTable,
  EmployeeTable,
  LocationTable,
  PortalTable,
  RoomTable,
  TokenTable,
} from './tables/organisation.ts';

/** A course: self-paced (type 1) or blended (type 2). */
export interface CourseTable {
  id: string;
  portal_id: string;
  name: string;
  type: number;
  description: string;
  about_course: string;
  duration: number | null;
  duration_unit: string | null;
  course_code: string;
  permission_settings: string;
  status: number;
  owner_erecno: string;
  image_url: string | null;
  status_comment: string | null;
  created_at: number;
  updated_at: number;
  published_at: number | null;
}

/** Links a course to an employee: course admin, favourite, share, suggestion (trainer and learner rows come with batches and enrolment). */
export interface CourseMemberTable {
  portal_id: string;
  course_id: string;
  erecno: string;
  relation: 'admin' | 'favourite' | 'share' | 'suggestion' | 'trainer' | 'learner';
  by_erecno: string | null;
  position: number;
  created_at: number;
}

/** A course in a category. */
export interface CourseCategoryTable {
  portal_id: string;
  course_id: string;
  category_id: string;
  position: number;
}

/** A stored Idempotency-Key: its claim and, once answered, the answer. */
export interface IdempotencyTable {
  portal_id: string;
  token_hash: string;
  key: string;
  fingerprint: string;
  status_code: number;
  body: string;
  content_type: string;
  created_at: number;
}

/** A dated run of a blended course. Dates are `YYYY-MM-DD`. */
export interface BatchTable {
  id: string;
  portal_id: string;
  course_id: string;
  name: string;
  start_date: string;
  end_date: string;
  minimum_capacity: number;
  maximum_capacity: number;
  /** The location ids, as a JSON array of strings. */
  locations: string;
  allow_waitlisting: number;
  cancel_when_below_minimum: number;
  /** How long to wait for the minimum capacity before cancelling, in waiting_time_unit; null means 0. */
  waiting_time_for_cancellation: number | null;
  /** Only `day`; null means `day`. */
  waiting_time_unit: string | null;
  publish_status: 'unpublished' | 'published' | 'completed' | 'cancelled';
  scheduler_id: string | null;
  created_at: number;
  updated_at: number;
  published_at: number | null;
}

/** A module of a self-paced course (batch_id null) or of one batch of a blended course. */
export interface CourseModuleTable {
  id: string;
  portal_id: string;
  course_id: string;
  batch_id: string | null;
  name: string;
  description: string;
  duration_minutes: number | null;
  lock_type: number;
  lock_until: string | null;
  position: number;
  created_at: number;
  updated_at: number;
}

/** A dated, timed session of a batch module, with a trainer and a room. Times are minutes after midnight. */
export interface ClassSessionTable {
  id: string;
  portal_id: string;
  course_id: string;
  batch_id: string;
  module_id: string;
  name: string;
  description: string;
  session_type: number;
  date: string;
  start_minute: number;
  end_minute: number;
  trainer_erecno: string;
  room_id: string | null;
  lock_until: string | null;
  grade_category_id: string | null;
  sequence: number;
  created_at: number;
  updated_at: number;
}

/** A learner's attendance at a session. */
export interface SessionAttendanceTable {
  portal_id: string;
  session_id: string;
  erecno: string;
  status: 'present' | 'absent';
  marked_by: string;
  marked_at: number;
}

/**
 * A recurrence that creates batches of a blended course. Dates are `YYYY-MM-DD`; day lists are JSON arrays of numbers.
 * The runner makes the batch starting on `next_occurrence_date` on `next_run_date` (that date plus the offset).
 */
export interface BatchSchedulerTable {
  id: string;
  portal_id: string;
  course_id: string;
  batch_name: string;
  start_date: string;
  end_date: string;
  frequency: number;
  frequency_unit: 'week' | 'month' | 'year';
  /** 1 = Sunday ... 7 = Saturday. */
  days_of_the_week: string;
  dates_of_the_month: string;
  /** 1 to 4 = the nth weekday of the month, 5 = the last. */
  weeks_of_the_month: string;
  months_of_the_year: string;
  /** Days from a batch's start date to the day it is created (0 or negative). */
  offset_days: number;
  batch_name_suffix: string;
  batch_name_separator: '_' | '-';
  minimum_capacity: number;
  maximum_capacity: number;
  /** JSON array of location ids. */
  locations: string;
  allow_waitlisting: number;
  cancel_when_below_minimum: number;
  waiting_time_for_cancellation: number;
  waiting_time_unit: string;
  source_batch_id: string | null;
  /** 0 nothing, 1 the module tree, 2 the module tree and its sessions. */
  clone_type: number;
  publish_automatically: number;
  notify_applicable_users: number;
  notify_cloned_members: number;
  next_occurrence_date: string | null;
  next_run_date: string | null;
  /** The start date of the last occurrence the runner handled (made, or skipped as already over). */
  last_occurrence_date: string | null;
  batches_created: number;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/**
 * A thing inside a module (file, content, link, offline or online test, assignment) or a course's pre- and
 * post-course online test. `entity_type` is Zoho's code (0 offline test ... 6 link, 7 pre-, 8 post-course test);
 * what only one kind has lives in `settings` (JSON, Zoho's keys).
 */
export interface ModuleEntityTable {
  id: string;
  portal_id: string;
  course_id: string;
  batch_id: string | null;
  module_id: string | null;
  entity_type: number;
  name: string;
  description: string;
  is_mandatory: number;
  lock_until: string | null;
  settings: string;
  /** The stored file of a file entity. */
  file_id: string | null;
  position: number;
  created_at: number;
  updated_at: number;
}

/** Marks a learner got in an offline test or an assignment. */
export interface EntityMarkTable {
  portal_id: string;
  entity_id: string;
  erecno: string;
  marks: number;
  remarks: string;
  marked_by: string;
  marked_at: number;
}

/** An uploaded file's metadata; its bytes are in `stored_file_chunks`. `ready` once the upload completed. */
export interface StoredFileTable {
  id: string;
  portal_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  status: 'pending' | 'ready';
  created_at: number;
}

/** One piece of a stored file's bytes, in order. */
export interface StoredFileChunkTable {
  file_id: string;
  sequence: number;
  data: Uint8Array;
}

/** A learner's seat or waitlist place in a course (batch_id null) or in a batch of a blended course. */
export interface EnrolmentTable {
  portal_id: string;
  course_id: string;
  batch_id: string | null;
  erecno: string;
  status: 'enrolled' | 'waitlisted';
  /** Waitlist order within the batch (0 for course-level seats). */
  position: number;
  /** Who enrolled the learner. */
  enrolled_by: string | null;
  created_at: number;
}

/** A named counter (numbering that must not repeat). */
export interface CounterTable {
  name: string;
  value: number;
}

/** Every table Lectern has (the learner-side features keep theirs in ./tables/). */
export interface Database
  extends ProgressTables,
    LearningPlanTables,
    HistoryTables,
    NotificationTables,
    ControlRoomTables,
    OAuthTables,
    AccountTables,
    CalendarFeedTables,
    OrganisationTables,
    OnlineTestTables {
  courses: CourseTable;
  course_members: CourseMemberTable;
  course_categories: CourseCategoryTable;
  idempotency_keys: IdempotencyTable;
  counters: CounterTable;
  batches: BatchTable;
  course_modules: CourseModuleTable;
  class_sessions: ClassSessionTable;
  session_attendance: SessionAttendanceTable;
  batch_schedulers: BatchSchedulerTable;
  module_entities: ModuleEntityTable;
  entity_marks: EntityMarkTable;
  stored_files: StoredFileTable;
  stored_file_chunks: StoredFileChunkTable;
  enrolments: EnrolmentTable;
}

/** The database handle passed around: a Kysely instance or a transaction on it. */
export type Db = Kysely<Database> | Transaction<Database>;
