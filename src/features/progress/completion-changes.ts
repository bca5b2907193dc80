/**
 * Completion that follows from other changes (attendance, marks, an entity marked or opened): take a snapshot before
 * the change, then record entity.completed.v1, module.completed.v1 and course.completed.v1 (and their reopened
 * twins) for what changed, in the change's transaction.
 */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { type LmsEvent, type LmsEventType, recordEvents } from '../../events/index.ts';
import { loadLearnerProgress } from './progress.service.ts';
import type { LearnerProgress, ProgressPlace } from './progress.types.ts';

/** Completion states of some learners at one place, before a change. */
export interface CompletionSnapshot {
  place: ProgressPlace;
  erecnos: readonly string[];
  /** The learners' progress before the change, by erecno. */
  progress: Map<string, LearnerProgress>;
}

/** Reads where the learners stand now (call inside the change's transaction, before the change). */
export async function completionSnapshot(
  db: Db,
  context: AppContext,
  place: ProgressPlace,
  erecnos: readonly string[],
): Promise<CompletionSnapshot> {
  return { place, erecnos, progress: await loadLearnerProgress(db, context, place, erecnos) };
}

/** The events between two states of one learner: entities, modules, then the course. */
export function completionEvents(
  before: LearnerProgress,
  after: LearnerProgress,
  by: string | null,
  at: number,
): LmsEvent[] {
  const { place, erecno } = after;
  const events: LmsEvent[] = [];
  const event = (
    completed: boolean,
    kinds: [LmsEventType, LmsEventType],
    subject: LmsEvent['subject'],
    state: (completed: boolean) => Record<string, unknown>,
  ) =>
    events.push({
      type: completed ? kinds[0] : kinds[1],
      portalId: place.portalId,
      courseId: place.courseId,
      batchId: place.batchId,
      erecno,
      by,
      at,
      subject,
      before: state(!completed),
      after: state(completed),
      notify: false,
    });
  const entitiesBefore = new Map(
    before.modules.flatMap((module) => module.entities.map((entity) => [entity.entityId, entity] as const)),
  );
  const modulesBefore = new Map(before.modules.map((module) => [module.moduleId, module]));
  for (const module of after.modules) {
    for (const entity of module.entities) {
      const was = entitiesBefore.get(entity.entityId)?.state === 'completed';
      const is = entity.state === 'completed';
      if (was === is) continue;
      event(
        is,
        ['entity.completed.v1', 'entity.reopened.v1'],
        { kind: 'entity', id: entity.entityId, entityType: entity.entityType },
        (completed) => ({ state: completed ? 'completed' : 'notCompleted' }),
      );
    }
  }
  for (const module of after.modules) {
    const was = modulesBefore.get(module.moduleId)?.isCompleted ?? false;
    if (was === module.isCompleted) continue;
    event(
      module.isCompleted,
      ['module.completed.v1', 'module.reopened.v1'],
      { kind: 'module', id: module.moduleId },
      (completed) => ({ isCompleted: completed }),
    );
  }
  if (before.isCompleted !== after.isCompleted) {
    event(
      after.isCompleted,
      ['course.completed.v1', 'course.reopened.v1'],
      place.batchId === null ? { kind: 'course', id: place.courseId } : { kind: 'batch', id: place.batchId },
      (completed) => ({ isCompleted: completed }),
    );
  }
  return events;
}

/** After the change: records an event for every entity, module or course whose completion changed; answers the new progress. */
export async function recordCompletionChanges(
  db: Db,
  context: AppContext,
  before: CompletionSnapshot,
  by: string | null,
): Promise<Map<string, LearnerProgress>> {
  const after = await loadLearnerProgress(db, context, before.place, before.erecnos);
  const at = context.clock.now();
  const events: LmsEvent[] = [];
  for (const erecno of before.erecnos) {
    const was = before.progress.get(erecno);
    const is = after.get(erecno);
    // Only enrolled learners have progress (marks given to someone else change nothing that counts).
    if (was === undefined || is === undefined || !(was.isEnrolled || is.isEnrolled)) continue;
    events.push(...completionEvents(was, is, by, at));
  }
  await recordEvents(db, context, events);
  return after;
}
