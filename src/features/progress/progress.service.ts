/**
 * The progress engine: loads what the rules need for some learners in some places in a fixed number of queries
 * (whatever the number of learners or places) and applies progress.rules.ts. What progress is made of is written
 * by progress-writes.service.ts.
 */
import type { AppContext } from '../../context.ts';
import { dateInZone } from '../../dates.ts';
import type { Db } from '../../db/database.ts';
import { EntityType } from '../../entity-types.ts';
import { portalTimeZone } from '../people/index.ts';
import { readPermissionSettings } from './completion-settings.ts';
import * as mandatory from './mandatory-content.repository.ts';
import * as repository from './progress.repository.ts';
import {
  type CompletionFact,
  completionKey,
  computeProgress,
  type EntityFact,
  type LearnerFacts,
  type PlaceFacts,
  type RuleTime,
} from './progress.rules.ts';
import type { EntityProgress, LearnerProgress, ProgressPlace } from './progress.types.ts';

const unitMs: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

function placeKey(courseId: string, batchId: string | null): string {
  return `${courseId}/${batchId ?? ''}`;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The portal's today and the time now, for the rules. */
export async function ruleTime(db: Db, context: AppContext, portalId: string): Promise<RuleTime> {
  const now = context.clock.now();
  return { now, today: dateInZone(now, await portalTimeZone(db, portalId)) };
}

/** Progress of every learner in every place; keyed by place then erecno. Places of unknown courses are left out. */
async function loadProgress(
  db: Db,
  context: AppContext,
  portalId: string,
  places: readonly ProgressPlace[],
  erecnos: readonly string[],
): Promise<Map<string, Map<string, LearnerProgress>>> {
  const result = new Map<string, Map<string, LearnerProgress>>();
  if (places.length === 0 || erecnos.length === 0) return result;
  const scope: repository.ProgressScope = {
    portalId,
    courseIds: [...new Set(places.map((place) => place.courseId))],
    batchIds: [...new Set(places.flatMap((place) => (place.batchId === null ? [] : [place.batchId])))],
    erecnos: [...new Set(erecnos)],
  };
  // One connection for the whole load: on PostgreSQL eleven queries on eleven pooled connections at once starve
  // concurrent requests of connections (a transaction already holds one).
  const load = (on: Db) =>
    Promise.all([
      ruleTime(on, context, portalId),
      repository.findCourses(on, scope),
      repository.findBatches(on, scope),
      repository.findModules(on, scope),
      repository.findEntities(on, scope),
      repository.findSessions(on, scope),
      repository.findEnrolments(on, scope),
      repository.findCompletions(on, scope),
      repository.findMarks(on, scope),
      repository.findOnlineResults(on, scope),
      repository.findAttendance(on, scope),
    ]);
  const [time, courses, batches, modules, entities, sessions, enrolments, completions, marks, results, attendance] =
    db.isTransaction ? await load(db) : await db.connection().execute(load);
  const marksBy = groupBy(marks, (row) => row.erecno);
  const resultsBy = groupBy(results, (row) => row.erecno);
  const attendanceBy = groupBy(attendance, (row) => row.erecno);
  for (const place of places) {
    const course = courses.find((row) => row.id === place.courseId);
    if (course === undefined) continue;
    const inPlace = (row: { course_id: string; batch_id: string | null }) =>
      row.course_id === place.courseId && row.batch_id === place.batchId;
    const placeModules = modules.filter(inPlace);
    const moduleIds = new Set(placeModules.map((row) => row.id));
    const facts: PlaceFacts = {
      place: { portalId, courseId: place.courseId, batchId: place.batchId },
      settings: readPermissionSettings(course.permission_settings),
      durationMs:
        course.duration === null || course.duration_unit === null
          ? null
          : Number(course.duration) * (unitMs[course.duration_unit] ?? unitMs.day!),
      batchEndDate: batches.find((row) => row.id === place.batchId)?.end_date ?? null,
      modules: placeModules.map((row) => ({
        id: row.id,
        name: row.name,
        lockType: Number(row.lock_type),
        lockUntil: row.lock_until,
      })),
      entities: [
        ...entities.filter((row) => inPlace(row) && moduleIds.has(row.module_id!)).map(entityFact),
        ...sessions
          .filter((row) => inPlace(row) && moduleIds.has(row.module_id))
          .map(
            (row): EntityFact => ({
              id: row.id,
              entityType: EntityType.session,
              moduleId: row.module_id,
              name: row.name,
              // Attending a session is what a blended course is for: sessions count as mandatory.
              isMandatory: true,
              lockUntil: row.lock_until,
              passPercentage: null,
              maximumMarks: null,
            }),
          ),
      ],
    };
    const byLearner = new Map<string, LearnerProgress>();
    for (const erecno of scope.erecnos) {
      const enrolment = enrolments.find((row) => inPlace(row) && row.erecno === erecno);
      const learner: LearnerFacts = {
        erecno,
        enrolment: enrolment && { status: enrolment.status, createdAt: Number(enrolment.created_at) },
        completions: new Map<string, CompletionFact>(
          completions
            .filter((row) => inPlace(row) && row.erecno === erecno)
            .map((row) => [
              completionKey(row.subject_kind, row.subject_kind === 'course' ? 'course' : row.subject_id),
              { openedAt: toNumber(row.opened_at), completedAt: toNumber(row.completed_at) },
            ]),
        ),
        marks: new Map(
          (marksBy.get(erecno) ?? []).map((row) => [row.entity_id, { marks: row.marks, at: Number(row.marked_at) }]),
        ),
        onlineResults: new Map(
          (resultsBy.get(erecno) ?? []).map((row) => [
            row.entity_id,
            { marks: row.marks, maximumMarks: row.maximum_marks, at: Number(row.recorded_at) },
          ]),
        ),
        attendance: new Map(
          (attendanceBy.get(erecno) ?? []).map((row) => [
            row.session_id,
            { status: row.status, at: Number(row.marked_at) },
          ]),
        ),
      };
      byLearner.set(erecno, computeProgress(facts, learner, time));
    }
    result.set(placeKey(place.courseId, place.batchId), byLearner);
  }
  return result;
}

function toNumber(value: number | null): number | null {
  return value === null ? null : Number(value);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const name = key(row);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [row]);
    else group.push(row);
  }
  return groups;
}

function entityFact(row: Awaited<ReturnType<typeof repository.findEntities>>[number]): EntityFact {
  const settings = JSON.parse(row.settings) as Record<string, unknown>;
  const maximum =
    row.entity_type === EntityType.offlineTest
      ? settings.marks
      : row.entity_type === EntityType.assignment
        ? settings.maximumMarks
        : null;
  return {
    id: row.id,
    entityType: Number(row.entity_type),
    moduleId: row.module_id!,
    name: row.name,
    isMandatory: Number(row.is_mandatory) === 1,
    lockUntil: row.lock_until,
    passPercentage: numberOrNull(settings.passPercentage),
    maximumMarks: numberOrNull(maximum),
  };
}

/** Progress of several learners in one place (a course, or a batch of a blended one), keyed by erecno. */
export async function loadLearnerProgress(
  db: Db,
  context: AppContext,
  place: ProgressPlace,
  erecnos: readonly string[],
): Promise<Map<string, LearnerProgress>> {
  const loaded = await loadProgress(db, context, place.portalId, [place], erecnos);
  return loaded.get(placeKey(place.courseId, place.batchId)) ?? new Map();
}

/** One learner's progress in several places, in the order asked (unknown courses are left out). */
export async function loadProgressOfLearner(
  db: Db,
  context: AppContext,
  portalId: string,
  erecno: string,
  places: readonly ProgressPlace[],
): Promise<LearnerProgress[]> {
  const loaded = await loadProgress(db, context, portalId, places, [erecno]);
  return places.flatMap((place) => {
    const progress = loaded.get(placeKey(place.courseId, place.batchId))?.get(erecno);
    return progress === undefined ? [] : [progress];
  });
}

/** Per-learner locks of a place's modules and entities for one caller, or null when they are not enrolled there. */
export interface LearnerLocks {
  progress: LearnerProgress;
  moduleLocked: Map<string, boolean>;
  entities: Map<string, EntityProgress>;
}

/** The caller's own locks in a place, when the caller is an enrolled learner there (one progress load). */
export async function learnerLocks(
  db: Db,
  context: AppContext,
  place: ProgressPlace,
  erecno: string,
): Promise<LearnerLocks | null> {
  const progress = (await loadLearnerProgress(db, context, place, [erecno])).get(erecno);
  if (progress === undefined || !progress.isEnrolled) return null;
  return {
    progress,
    moduleLocked: new Map(progress.modules.map((module) => [module.moduleId, module.isLocked])),
    entities: new Map(
      progress.modules.flatMap((module) => module.entities.map((entity) => [entity.entityId, entity] as const)),
    ),
  };
}

/** How many mandatory files, contents and links a course (batchId null) or one batch holds (the publish rules). */
export function countMandatoryContent(db: Db, portalId: string, courseId: string, batchId: string | null) {
  return mandatory.countMandatoryContent(db, portalId, courseId, batchId);
}
