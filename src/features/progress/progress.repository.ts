/**
 * Progress's own queries. As a read model it reads the tables the rules need (courses' settings, modules, entities,
 * sessions, enrolments, marks, attendance) directly, in a fixed number of queries whatever the number of learners or
 * places; it writes only its own tables.
 */
import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db/database.ts';
import { prepareQuery } from '../../db/prepared.ts';
import type { LearnerCompletionTable, OnlineTestResultTable } from '../../db/tables/progress.ts';

/** The courses, batches and learners one load covers. */
export interface ProgressScope {
  portalId: string;
  courseIds: readonly string[];
  batchIds: readonly string[];
  erecnos: readonly string[];
}

/** The module entities the rules count (tests, assignments, files, contents, links; not pre- and post-course tests). */
const moduleEntityTypes = [0, 1, 2, 3, 4, 6];

// Every read below runs on each progress load (a learner's every course fetch): compiled once per list length.
type ScopeValues = [
  portalId: string,
  courseIds: readonly string[],
  batchIds: readonly string[],
  erecnos: readonly string[],
];

function valuesOf(scope: ProgressScope): ScopeValues {
  return [scope.portalId, scope.courseIds, scope.batchIds, scope.erecnos];
}

const coursesQuery = prepareQuery((db: Kysely<Database>, portalId: string, courseIds: readonly string[]) =>
  db
    .selectFrom('courses')
    .select(['id', 'type', 'duration', 'duration_unit', 'permission_settings'])
    .where('portal_id', '=', portalId)
    .where('id', 'in', courseIds),
);

/** Courses' type, duration and settings. */
export function findCourses(db: Db, scope: ProgressScope) {
  return coursesQuery.all(db, scope.portalId, scope.courseIds);
}

const batchesQuery = prepareQuery((db: Kysely<Database>, portalId: string, batchIds: readonly string[]) =>
  db.selectFrom('batches').select(['id', 'end_date']).where('portal_id', '=', portalId).where('id', 'in', batchIds),
);

/** Batches' last days. */
export async function findBatches(db: Db, scope: ProgressScope) {
  if (scope.batchIds.length === 0) return [];
  return batchesQuery.all(db, scope.portalId, scope.batchIds);
}

const modulesQuery = prepareQuery(
  (db: Kysely<Database>, portalId: string, courseIds: readonly string[], batchIds: readonly string[]) =>
    db
      .selectFrom('course_modules')
      .select(['id', 'course_id', 'batch_id', 'name', 'lock_type', 'lock_until', 'position'])
      .where('portal_id', '=', portalId)
      .where('course_id', 'in', courseIds)
      .where((eb) =>
        batchIds.length === 0
          ? eb('batch_id', 'is', null)
          : eb.or([eb('batch_id', 'is', null), eb('batch_id', 'in', batchIds)]),
      )
      .orderBy('position')
      .orderBy('id'),
);

/** The modules of the courses' own modules and of the batches, in order. */
export function findModules(db: Db, scope: ProgressScope) {
  return modulesQuery.all(db, scope.portalId, scope.courseIds, scope.batchIds);
}

const entitiesQuery = prepareQuery((db: Kysely<Database>, portalId: string, courseIds: readonly string[]) =>
  db
    .selectFrom('module_entities')
    .select([
      'id',
      'course_id',
      'batch_id',
      'module_id',
      'entity_type',
      'name',
      'is_mandatory',
      'lock_until',
      'settings',
    ])
    .where('portal_id', '=', portalId)
    .where('course_id', 'in', courseIds)
    .where('module_id', 'is not', null)
    .where('entity_type', 'in', moduleEntityTypes)
    .orderBy('created_at')
    .orderBy('id'),
);

/** The entities inside those modules, in the order they were made. */
export function findEntities(db: Db, scope: ProgressScope) {
  return entitiesQuery.all(db, scope.portalId, scope.courseIds);
}

const sessionsQuery = prepareQuery((db: Kysely<Database>, portalId: string, batchIds: readonly string[]) =>
  db
    .selectFrom('class_sessions')
    .select(['id', 'course_id', 'batch_id', 'module_id', 'name', 'lock_until'])
    .where('portal_id', '=', portalId)
    .where('batch_id', 'in', batchIds)
    .orderBy('date')
    .orderBy('start_minute')
    .orderBy('id'),
);

/** The sessions of the batches, by date and time. */
export async function findSessions(db: Db, scope: ProgressScope) {
  if (scope.batchIds.length === 0) return [];
  return sessionsQuery.all(db, scope.portalId, scope.batchIds);
}

const enrolmentsQuery = prepareQuery((db: Kysely<Database>, ...[portalId, courseIds, , erecnos]: ScopeValues) =>
  db
    .selectFrom('enrolments')
    .select(['course_id', 'batch_id', 'erecno', 'status', 'created_at'])
    .where('portal_id', '=', portalId)
    .where('course_id', 'in', courseIds)
    .where('erecno', 'in', erecnos),
);

/** The learners' enrolments in the courses and batches. */
export function findEnrolments(db: Db, scope: ProgressScope) {
  return enrolmentsQuery.all(db, ...valuesOf(scope));
}

const completionsQuery = prepareQuery((db: Kysely<Database>, ...[portalId, courseIds, , erecnos]: ScopeValues) =>
  db
    .selectFrom('learner_completions')
    .select(['course_id', 'batch_id', 'erecno', 'subject_kind', 'subject_id', 'opened_at', 'completed_at'])
    .where('portal_id', '=', portalId)
    .where('course_id', 'in', courseIds)
    .where('erecno', 'in', erecnos),
);

/** What the learners opened and marked. */
export function findCompletions(db: Db, scope: ProgressScope) {
  return completionsQuery.all(db, ...valuesOf(scope));
}

/** The ids of every entity of the courses, as a subquery (marks and results are kept per entity). */
function entityIdsOfCourses(db: Kysely<Database>, portalId: string, courseIds: readonly string[]) {
  return db
    .selectFrom('module_entities')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('course_id', 'in', courseIds);
}

/** The ids of every session of the batches, as a subquery (attendance is kept per session). */
function sessionIdsOfBatches(db: Kysely<Database>, portalId: string, batchIds: readonly string[]) {
  return db
    .selectFrom('class_sessions')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('batch_id', 'in', batchIds);
}

const marksQuery = prepareQuery((db: Kysely<Database>, ...[portalId, courseIds, , erecnos]: ScopeValues) =>
  db
    .selectFrom('entity_marks')
    .select(['entity_id', 'erecno', 'marks', 'marked_at'])
    .where('portal_id', '=', portalId)
    .where('erecno', 'in', erecnos)
    .where('entity_id', 'in', entityIdsOfCourses(db, portalId, courseIds)),
);

/** The learners' marks in the courses' offline tests and assignments. */
export function findMarks(db: Db, scope: ProgressScope) {
  return marksQuery.all(db, ...valuesOf(scope));
}

const resultsQuery = prepareQuery((db: Kysely<Database>, ...[portalId, courseIds, , erecnos]: ScopeValues) =>
  db
    .selectFrom('online_test_results')
    .select(['entity_id', 'erecno', 'marks', 'maximum_marks', 'recorded_at'])
    .where('portal_id', '=', portalId)
    .where('erecno', 'in', erecnos)
    .where('entity_id', 'in', entityIdsOfCourses(db, portalId, courseIds)),
);

/** The learners' online test results in the courses. */
export function findOnlineResults(db: Db, scope: ProgressScope) {
  return resultsQuery.all(db, ...valuesOf(scope));
}

const attendanceQuery = prepareQuery((db: Kysely<Database>, ...[portalId, , batchIds, erecnos]: ScopeValues) =>
  db
    .selectFrom('session_attendance')
    .select(['session_id', 'erecno', 'status', 'marked_at'])
    .where('portal_id', '=', portalId)
    .where('erecno', 'in', erecnos)
    .where('session_id', 'in', sessionIdsOfBatches(db, portalId, batchIds)),
);

/** The learners' attendance at the batches' sessions. */
export async function findAttendance(db: Db, scope: ProgressScope) {
  if (scope.batchIds.length === 0) return [];
  return attendanceQuery.all(db, ...valuesOf(scope));
}

/** Records that a learner opened something (the first opening is kept). */
export async function recordOpened(
  db: Db,
  row: Omit<LearnerCompletionTable, 'completed_at' | 'completed_by'> & { opened_at: number },
): Promise<void> {
  await db
    .insertInto('learner_completions')
    .values({ ...row, completed_at: null, completed_by: null })
    .onConflict((conflict) =>
      conflict.columns(['portal_id', 'subject_kind', 'subject_id', 'erecno']).doUpdateSet((eb) => ({
        opened_at: eb.fn.coalesce('learner_completions.opened_at', eb.ref('excluded.opened_at')),
      })),
    )
    .execute();
}

/** Marks something completed (completed_at set) or not (completed_at null) for a learner. */
export async function recordCompleted(db: Db, row: Omit<LearnerCompletionTable, 'opened_at'>): Promise<void> {
  await db
    .insertInto('learner_completions')
    .values({ ...row, opened_at: null })
    .onConflict((conflict) =>
      conflict.columns(['portal_id', 'subject_kind', 'subject_id', 'erecno']).doUpdateSet((eb) => ({
        completed_at: eb.ref('excluded.completed_at'),
        completed_by: eb.ref('excluded.completed_by'),
      })),
    )
    .execute();
}

/** Writes a learner's online test result, replacing an earlier one. */
export async function upsertOnlineResult(db: Db, row: OnlineTestResultTable): Promise<void> {
  await db
    .insertInto('online_test_results')
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(['entity_id', 'erecno']).doUpdateSet((eb) => ({
        marks: eb.ref('excluded.marks'),
        maximum_marks: eb.ref('excluded.maximum_marks'),
        recorded_by: eb.ref('excluded.recorded_by'),
        recorded_at: eb.ref('excluded.recorded_at'),
      })),
    )
    .execute();
}

/** What a cascade removes progress of: one entity, a module, a batch or a whole course. */
export type ProgressDeleteScope =
  | { portalId: string; entityId: string }
  | { portalId: string; moduleId: string }
  | { portalId: string; batchId: string }
  | { portalId: string; courseId: string };

/** Deletes the learners' completions, online test results and attempts, and test questions, of what a cascade removes. */
export async function deleteProgressIn(db: Db, scope: ProgressDeleteScope): Promise<void> {
  const { portalId } = scope;
  let entities = db.selectFrom('module_entities').select('id').where('portal_id', '=', portalId);
  let completions = db.deleteFrom('learner_completions').where('portal_id', '=', portalId);
  if ('entityId' in scope) {
    entities = entities.where('id', '=', scope.entityId);
    completions = completions.where('subject_kind', '=', 'entity').where('subject_id', '=', scope.entityId);
  } else if ('moduleId' in scope) {
    entities = entities.where('module_id', '=', scope.moduleId);
    const moduleEntities = entities;
    completions = completions.where((eb) =>
      eb.or([
        eb.and([eb('subject_kind', '=', 'module'), eb('subject_id', '=', scope.moduleId)]),
        eb.and([eb('subject_kind', '=', 'entity'), eb('subject_id', 'in', moduleEntities)]),
      ]),
    );
  } else if ('batchId' in scope) {
    entities = entities.where('batch_id', '=', scope.batchId);
    completions = completions.where('batch_id', '=', scope.batchId);
  } else {
    entities = entities.where('course_id', '=', scope.courseId);
    completions = completions.where('course_id', '=', scope.courseId);
  }
  for (const table of ['online_test_results', 'online_test_attempts', 'online_test_questions'] as const) {
    await db.deleteFrom(table).where('portal_id', '=', portalId).where('entity_id', 'in', entities).execute();
  }
  await completions.execute();
}
