/** What every completion action shares: where it happens and what it answers (where the learner stands after). */
import type { Caller } from '../../access/index.ts';
import type { LearnerProgress, ProgressPlace } from '../progress/index.ts';

/** Where an action happens: a course (batchId null) or a batch, and a module for entity and module actions. */
export interface ActionPath {
  courseId: string;
  batchId: string | null;
  moduleId: string;
}

/** What an action answers: where the learner stands afterwards. */
export interface ActionOutcome {
  state: string;
  isModuleCompleted: boolean;
  isCourseCompleted: boolean;
}

/** The progress place of a path, in the caller's portal. */
export function placeOf(caller: Caller, path: { courseId: string; batchId: string | null }): ProgressPlace {
  return { portalId: caller.portalId, courseId: path.courseId, batchId: path.batchId };
}

/** Where the learner stands after an action: the entity's state (or the module's), the module and the course. */
export function outcomeOf(
  after: LearnerProgress | undefined,
  moduleId: string | null,
  entityId: string | null,
): ActionOutcome {
  const module = after?.modules.find((candidate) => candidate.moduleId === moduleId);
  const entity = module?.entities.find((candidate) => candidate.entityId === entityId);
  return {
    state: entity?.state ?? (module?.isCompleted ? 'completed' : 'notCompleted'),
    isModuleCompleted: module?.isCompleted ?? false,
    isCourseCompleted: after?.isCompleted ?? false,
  };
}
