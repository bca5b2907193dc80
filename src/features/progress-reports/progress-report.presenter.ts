/** Turns progress into the objects of the course-progress reports (shapes are Lectern's: Zoho shows none). Pure. */
import { EntityType } from '../../entity-types.ts';
import { presentPerson } from '../people/index.ts';
import { type EntityProgress, type ModuleProgress, progressDisplay } from '../progress/index.ts';
import type { LearnerReport } from './progress-report.service.ts';

/** Display names of Zoho's entity-type codes. */
export const entityTypeNames: Record<number, string> = {
  [EntityType.offlineTest]: 'Offline Test',
  [EntityType.onlineTest]: 'Online Test',
  [EntityType.assignment]: 'Assignment',
  [EntityType.file]: 'File',
  [EntityType.content]: 'Content',
  [EntityType.session]: 'Session',
  [EntityType.link]: 'Link',
};

/** Whole percent of `part` in `whole`, rounded down (100 only when all is done); 0 when there is nothing. */
export function wholePercent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 100) / whole);
}

/** One entity's progress. */
export function presentEntityProgress(entity: EntityProgress) {
  return {
    entityId: entity.entityId,
    entityType: String(entity.entityType),
    entityTypeAsDisplayString: entityTypeNames[entity.entityType] ?? String(entity.entityType),
    entityName: entity.name,
    moduleId: entity.moduleId,
    isMandatory: entity.isMandatory,
    isLocked: entity.isLocked,
    status: entity.state,
    isCompleted: entity.state === 'completed',
    completedTime: entity.completedAt,
    marks: entity.marks,
  };
}

/**
 * One learner's progress in one course or batch. `mandatoryOnly` (progressType 1) makes the percentage and the
 * display string count the mandatory entities only; the four counts are always there. `base`: where Lectern is
 * reached (the learner's photo URL).
 */
export function presentCourseProgress(report: LearnerReport, base: string, mandatoryOnly = false) {
  const { info, progress } = report;
  const shown = mandatoryOnly
    ? { completedCount: progress.mandatoryCompletedCount, totalCount: progress.mandatoryTotalCount }
    : { completedCount: progress.completedCount, totalCount: progress.totalCount };
  return {
    courseId: info.place.courseId,
    courseName: info.courseName,
    courseType: String(info.courseType),
    batchId: info.place.batchId,
    batchName: info.batchName,
    learner: presentPerson(report.learner, base),
    enrolledTime: report.enrolledAt,
    hasUserStarted: progress.hasStarted,
    hasUserCompleted: progress.isCompleted,
    completedTime: progress.completedAt,
    completedCount: progress.completedCount,
    totalCount: progress.totalCount,
    mandatoryCompletedCount: progress.mandatoryCompletedCount,
    mandatoryTotalCount: progress.mandatoryTotalCount,
    percentageOfProgress: mandatoryOnly ? wholePercent(shown.completedCount, shown.totalCount) : progress.percentage,
    progressAsDisplayString: progressDisplay(shown),
  };
}

/** One learner's progress in one module, with its entities. */
export function presentModuleProgress(
  module: ModuleProgress,
  learner: Parameters<typeof presentPerson>[0],
  base: string,
) {
  const completedCount = module.entities.filter((entity) => entity.state === 'completed').length;
  const totalCount = module.entities.length;
  return {
    moduleId: module.moduleId,
    moduleName: module.name,
    isLocked: module.isLocked,
    isCompleted: module.isCompleted,
    completedTime: module.completedAt,
    completedCount,
    totalCount,
    percentageOfProgress: wholePercent(completedCount, totalCount),
    progressAsDisplayString: progressDisplay({ completedCount, totalCount }),
    learner: presentPerson(learner, base),
    entities: module.entities.map(presentEntityProgress),
  };
}
