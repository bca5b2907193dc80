/**
 * The completion rules as pure functions: from what a course or batch holds and what one learner did, where the
 * learner stands. No database, no clock: the service hands in today's date and the time.
 */
import type { IsoDate } from '../../dates.ts';
import { EntityType } from '../../entity-types.ts';
import { CourseRule, EntityRule, ModuleRule, type PermissionSettings } from './completion-settings.ts';
import type { EntityProgress, EntityState, LearnerProgress, ModuleProgress, ProgressPlace } from './progress.types.ts';

/** The kinds a learner completes by marking or opening them; the others complete by marks, results or attendance. */
export const learnerMarkedTypes: readonly number[] = [EntityType.file, EntityType.content, EntityType.link];

/** A module's lockType values. */
export const ModuleLockType = { unlocked: 0, untilDate: 1, untilPreviousCompleted: 2 } as const;

/** One module of the place, in order. */
export interface ModuleFact {
  id: string;
  name: string;
  lockType: number;
  lockUntil: IsoDate | null;
}

/** One entity (or session) of the place, in order. */
export interface EntityFact {
  id: string;
  entityType: number;
  moduleId: string;
  name: string;
  isMandatory: boolean;
  lockUntil: IsoDate | null;
  /** The pass percentage of a test (null: any result or marks complete it). */
  passPercentage: number | null;
  /** The most marks of an offline test or assignment (for a pass percentage); null when it has none. */
  maximumMarks: number | null;
}

/** What a course or batch holds, and the settings and dates the rules read. */
export interface PlaceFacts {
  place: ProgressPlace;
  settings: PermissionSettings;
  /** The course's duration in milliseconds (self-paced and e-material by-date rule); null without one. */
  durationMs: number | null;
  /** The batch's last day (blended by-date rule). */
  batchEndDate: IsoDate | null;
  modules: ModuleFact[];
  entities: EntityFact[];
}

/** A learner's row of learner_completions, as the rules need it. */
export interface CompletionFact {
  openedAt: number | null;
  completedAt: number | null;
}

/** Everything one learner did in the place. Keys are entity, module or session ids (course: 'course'). */
export interface LearnerFacts {
  erecno: string;
  enrolment: { status: 'enrolled' | 'waitlisted'; createdAt: number } | undefined;
  completions: Map<string, CompletionFact>;
  marks: Map<string, { marks: number; at: number }>;
  onlineResults: Map<string, { marks: number; maximumMarks: number; at: number }>;
  attendance: Map<string, { status: 'present' | 'absent'; at: number }>;
}

/** The key of a module or entity's completion row in LearnerFacts.completions. */
export function completionKey(kind: 'entity' | 'module' | 'course', id: string): string {
  return `${kind}:${id}`;
}

/** The time of the day (today and now) the rules are applied at. */
export interface RuleTime {
  today: IsoDate;
  now: number;
}

/**
 * Whether a module is locked. lockType 1: while today (the portal's) is before lockUntil. lockType 2: while the
 * previous module (by position) is not completed; the first module is never locked by it.
 */
export function isModuleLocked(
  lockType: number,
  lockUntil: IsoDate | null,
  today: IsoDate,
  previousCompleted: boolean,
): boolean {
  if (lockType === ModuleLockType.untilDate) return lockUntil !== null && today < lockUntil;
  if (lockType === ModuleLockType.untilPreviousCompleted) return !previousCompleted;
  return false;
}

/** Locked by its own date: while today is before lockUntil. */
export function isLockedByDate(lockUntil: IsoDate | null, today: IsoDate): boolean {
  return lockUntil !== null && today < lockUntil;
}

function passes(marks: number, maximum: number | null, passPercentage: number | null): boolean {
  if (passPercentage === null || maximum === null || maximum <= 0) return true;
  return (marks * 100) / maximum >= passPercentage;
}

/** Where one entity stands for a learner, with when it was completed. */
export function entityState(
  entity: EntityFact,
  learner: LearnerFacts,
  settings: PermissionSettings,
): { state: EntityState; completedAt: number | null; marks: number | null } {
  const none = { state: 'notStarted' as EntityState, completedAt: null, marks: null };
  const row = learner.completions.get(completionKey('entity', entity.id));
  const opened = row?.openedAt !== null && row?.openedAt !== undefined;
  switch (entity.entityType) {
    case EntityType.file:
    case EntityType.content:
    case EntityType.link: {
      if (row === undefined) return none;
      // A mark made under rule 1 stands if the course later moves to rule 2; opening counts only under rule 2.
      const completedAt =
        row.completedAt ??
        (settings.whenAnEntityIsConsideredAsCompleted === EntityRule.openedOrAccessed ? row.openedAt : null);
      if (completedAt !== null) return { state: 'completed', completedAt, marks: null };
      return { state: opened ? 'inProgress' : 'notStarted', completedAt: null, marks: null };
    }
    case EntityType.offlineTest:
    case EntityType.assignment: {
      const marks = learner.marks.get(entity.id);
      if (marks === undefined) return opened ? { ...none, state: 'inProgress' } : none;
      const passed = passes(marks.marks, entity.maximumMarks, entity.passPercentage);
      return { state: passed ? 'completed' : 'inProgress', completedAt: passed ? marks.at : null, marks: marks.marks };
    }
    case EntityType.onlineTest: {
      const result = learner.onlineResults.get(entity.id);
      if (result === undefined) return opened ? { ...none, state: 'inProgress' } : none;
      const passed = passes(result.marks, result.maximumMarks, entity.passPercentage);
      return {
        state: passed ? 'completed' : 'inProgress',
        completedAt: passed ? result.at : null,
        marks: result.marks,
      };
    }
    case EntityType.session: {
      const attendance = learner.attendance.get(entity.id);
      if (attendance?.status === 'present') return { state: 'completed', completedAt: attendance.at, marks: null };
      return none;
    }
    default:
      return none;
  }
}

/** The entities a module or course needs completed: its mandatory ones, or every one when none is mandatory. */
export function requiredEntities<T extends { isMandatory: boolean }>(entities: readonly T[]): T[] {
  const mandatory = entities.filter((entity) => entity.isMandatory);
  return mandatory.length > 0 ? mandatory : [...entities];
}

function latest(entities: readonly EntityProgress[]): number | null {
  let result: number | null = null;
  for (const entity of entities) {
    if (entity.completedAt !== null && (result === null || entity.completedAt > result)) result = entity.completedAt;
  }
  return result;
}

function moduleCompletion(
  facts: PlaceFacts,
  learner: LearnerFacts,
  moduleId: string,
  entities: EntityProgress[],
): { isCompleted: boolean; completedAt: number | null } {
  if (facts.settings.whenAModuleIsConsideredAsCompleted === ModuleRule.mandatoryEntitiesCompleted) {
    const required = requiredEntities(entities);
    // An empty module counts as completed, so that a lockType 2 module after it is never locked for good.
    const isCompleted = required.every((entity) => entity.state === 'completed');
    return { isCompleted, completedAt: isCompleted ? latest(required) : null };
  }
  const completedAt = learner.completions.get(completionKey('module', moduleId))?.completedAt ?? null;
  return { isCompleted: completedAt !== null, completedAt };
}

function courseCompletion(
  facts: PlaceFacts,
  learner: LearnerFacts,
  entities: EntityProgress[],
  time: RuleTime,
): { isCompleted: boolean; completedAt: number | null } {
  const rule = facts.settings.whenACourseIsConsideredAsCompleted;
  if (rule === CourseRule.mandatoryEntitiesCompleted) {
    const required = requiredEntities(entities);
    const isCompleted = required.length > 0 && required.every((entity) => entity.state === 'completed');
    return { isCompleted, completedAt: isCompleted ? latest(required) : null };
  }
  if (rule === CourseRule.byDate) {
    if (facts.place.batchId !== null) {
      const ended = facts.batchEndDate !== null && time.today > facts.batchEndDate;
      return { isCompleted: ended, completedAt: null };
    }
    if (learner.enrolment === undefined || facts.durationMs === null) return { isCompleted: false, completedAt: null };
    const due = learner.enrolment.createdAt + facts.durationMs;
    return due <= time.now ? { isCompleted: true, completedAt: due } : { isCompleted: false, completedAt: null };
  }
  const completedAt = learner.completions.get(completionKey('course', 'course'))?.completedAt ?? null;
  return { isCompleted: completedAt !== null, completedAt };
}

/** One learner's progress through one place. */
export function computeProgress(facts: PlaceFacts, learner: LearnerFacts, time: RuleTime): LearnerProgress {
  const { settings } = facts;
  const isEnrolled = learner.enrolment?.status === 'enrolled';
  const modules: ModuleProgress[] = [];
  const all: EntityProgress[] = [];
  let previousCompleted = true;
  for (const fact of facts.modules) {
    const moduleLocked = isModuleLocked(fact.lockType, fact.lockUntil, time.today, previousCompleted);
    const entities = facts.entities
      .filter((entity) => entity.moduleId === fact.id)
      .map((entity): EntityProgress => {
        const { state, completedAt, marks } = entityState(entity, learner, settings);
        const isLocked = moduleLocked || isLockedByDate(entity.lockUntil, time.today);
        return {
          entityId: entity.id,
          entityType: entity.entityType,
          moduleId: fact.id,
          name: entity.name,
          isMandatory: entity.isMandatory,
          isLocked,
          lockUntil: entity.lockUntil,
          state,
          completedAt,
          marks,
          canMarkAsComplete:
            isEnrolled &&
            settings.whenAnEntityIsConsideredAsCompleted === EntityRule.learnerMarks &&
            learnerMarkedTypes.includes(entity.entityType) &&
            !isLocked &&
            state !== 'completed',
        };
      });
    const completion = moduleCompletion(facts, learner, fact.id, entities);
    modules.push({
      moduleId: fact.id,
      name: fact.name,
      lockType: fact.lockType,
      lockUntil: fact.lockUntil,
      isLocked: moduleLocked,
      ...completion,
      entities,
    });
    all.push(...entities);
    previousCompleted = completion.isCompleted;
  }
  const mandatory = all.filter((entity) => entity.isMandatory);
  const completedCount = all.filter((entity) => entity.state === 'completed').length;
  const course = isEnrolled ? courseCompletion(facts, learner, all, time) : { isCompleted: false, completedAt: null };
  return {
    place: facts.place,
    erecno: learner.erecno,
    isEnrolled,
    enrolledAt: learner.enrolment?.createdAt ?? null,
    hasStarted:
      all.some((entity) => entity.state !== 'notStarted') ||
      [...learner.completions.values()].some((row) => row.openedAt !== null || row.completedAt !== null),
    isCompleted: course.isCompleted,
    completedAt: course.completedAt,
    completedCount,
    totalCount: all.length,
    mandatoryCompletedCount: mandatory.filter((entity) => entity.state === 'completed').length,
    mandatoryTotalCount: mandatory.length,
    percentage: all.length === 0 ? 0 : Math.floor((completedCount * 100) / all.length),
    modules,
  };
}

/** The not-yet-completed entities that keep `entityId` locked for the learner (lockType 2: the previous module's). */
export function blockingEntities(progress: LearnerProgress, entityId: string): EntityProgress[] | undefined {
  const index = progress.modules.findIndex((module) => module.entities.some((entity) => entity.entityId === entityId));
  if (index < 0) return undefined;
  const current = progress.modules[index]!;
  const previous = progress.modules[index - 1];
  if (!current.isLocked || previous === undefined || previous.isCompleted) return [];
  if (current.lockType !== ModuleLockType.untilPreviousCompleted) return [];
  return requiredEntities(previous.entities).filter((entity) => entity.state !== 'completed');
}
