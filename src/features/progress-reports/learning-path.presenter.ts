/**
 * A learner's path in words: each module and entity with why it is locked, so that no client re-derives the lock
 * rules (progress.rules.ts decides what is locked; this only names the reason). Pure.
 */
import type { Static } from '@sinclair/typebox';
import { displayDate } from '../../dates.ts';
import { type EntityProgress, type ModuleProgress, progressDisplay } from '../progress/index.ts';
import type { LearningPathSchema, PathEntitySchema, PathModuleSchema } from './learning-path.schemas.ts';
import { entityTypeNames, wholePercent } from './progress-report.presenter.ts';
import type { LearnerReport } from './progress-report.service.ts';

type Lock = Pick<
  Static<typeof PathModuleSchema>,
  'isLocked' | 'lockReason' | 'opensOn' | 'waitsForModuleId' | 'waitsForModuleName' | 'lockReasonAsDisplayString'
>;

const unlocked: Lock = {
  isLocked: false,
  lockReason: 'none',
  opensOn: null,
  waitsForModuleId: null,
  waitsForModuleName: null,
  lockReasonAsDisplayString: '',
};

/** lockType 1 and 2 as the rules name them (module.schemas.ts's LockType, which this feature may not import). */
const untilDate = 1;
const untilPreviousCompleted = 2;

function moduleLock(module: ModuleProgress, previous: ModuleProgress | undefined): Lock {
  if (!module.isLocked) return unlocked;
  if (module.lockType === untilDate && module.lockUntil !== null) {
    const opensOn = module.lockUntil;
    return {
      ...unlocked,
      isLocked: true,
      lockReason: 'untilDate',
      opensOn,
      lockReasonAsDisplayString: `Opens on ${displayDate(opensOn)}`,
    };
  }
  if (module.lockType === untilPreviousCompleted && previous !== undefined) {
    return {
      ...unlocked,
      isLocked: true,
      lockReason: 'previousModule',
      waitsForModuleId: previous.moduleId,
      waitsForModuleName: previous.name,
      lockReasonAsDisplayString: `Finish ${previous.name} first`,
    };
  }
  return { ...unlocked, isLocked: true, lockReasonAsDisplayString: 'Locked' };
}

function entityLock(entity: EntityProgress, module: Lock): Lock {
  if (!entity.isLocked) return unlocked;
  if (module.isLocked) return { ...module, lockReason: 'module' };
  if (entity.lockUntil !== null) {
    const opensOn = entity.lockUntil;
    return {
      ...unlocked,
      isLocked: true,
      lockReason: 'untilDate',
      opensOn,
      lockReasonAsDisplayString: `Opens on ${displayDate(opensOn)}`,
    };
  }
  return { ...unlocked, isLocked: true, lockReasonAsDisplayString: 'Locked' };
}

function presentEntity(entity: EntityProgress, module: Lock): Static<typeof PathEntitySchema> {
  return {
    entityId: entity.entityId,
    entityType: String(entity.entityType),
    entityTypeAsDisplayString: entityTypeNames[entity.entityType] ?? String(entity.entityType),
    entityName: entity.name,
    isMandatory: entity.isMandatory,
    ...entityLock(entity, module),
    status: entity.state,
    isCompleted: entity.state === 'completed',
    canMarkAsComplete: entity.canMarkAsComplete,
    marks: entity.marks,
  };
}

/** The learner's path: modules in order with their locks' reasons, and each module's entities. */
export function presentLearningPath(report: LearnerReport): Static<typeof LearningPathSchema> {
  const { progress } = report;
  return {
    courseId: progress.place.courseId,
    batchId: progress.place.batchId,
    learnerId: report.learner.erecno,
    hasUserCompleted: progress.isCompleted,
    percentageOfProgress: progress.percentage,
    progressAsDisplayString: progressDisplay(progress),
    modules: progress.modules.map((module, index) => {
      const lock = moduleLock(module, progress.modules[index - 1]);
      const completedCount = module.entities.filter((entity) => entity.state === 'completed').length;
      return {
        moduleId: module.moduleId,
        moduleName: module.name,
        lockType: String(module.lockType),
        ...lock,
        isCompleted: module.isCompleted,
        completedCount,
        totalCount: module.entities.length,
        percentageOfProgress: wholePercent(completedCount, module.entities.length),
        entities: module.entities.map((entity) => presentEntity(entity, lock)),
      };
    }),
  };
}
