/**
 * A learner's progress through one course (or one batch of a blended course), as the completion rules compute it.
 * The course object, the progress endpoints and learning plans all read these shapes.
 */

/** Where a learner learns: a whole self-paced or e-material course (batchId null) or one batch of a blended one. */
export interface ProgressPlace {
  portalId: string;
  courseId: string;
  batchId: string | null;
}

/** Where one entity stands for one learner. */
export type EntityState = 'notStarted' | 'inProgress' | 'completed';

/** One entity (file, content, link, test, assignment, or session: Zoho's code 5) for one learner. */
export interface EntityProgress {
  entityId: string;
  /** Zoho's entity-type code (0 offline test ... 6 link). */
  entityType: number;
  moduleId: string;
  name: string;
  isMandatory: boolean;
  /** Locked for this learner: by its own lockUntil, or its module's lock. */
  isLocked: boolean;
  /** Its own lock date (YYYY-MM-DD), null when it has none: the learner is told when it opens. */
  lockUntil: string | null;
  state: EntityState;
  /** When it was completed (epoch ms), null while not completed. */
  completedAt: number | null;
  /** Marks for tests and assignments, null when none were recorded. */
  marks: number | null;
  /** The learner may mark it completed now: enrolled, entity rule 1, a file, content or link, unlocked, not completed. */
  canMarkAsComplete: boolean;
}

/** One module for one learner. */
export interface ModuleProgress {
  moduleId: string;
  name: string;
  /** The module's lockType (0 none, 1 until a date, 2 until the previous module is completed). */
  lockType: number;
  /** The module's lock date (YYYY-MM-DD; it locks only with lockType 1), null when unset. */
  lockUntil: string | null;
  isLocked: boolean;
  isCompleted: boolean;
  completedAt: number | null;
  entities: EntityProgress[];
}

/** One learner in one course or batch. Counts cover every entity; the mandatory ones are counted apart. */
export interface LearnerProgress {
  place: ProgressPlace;
  erecno: string;
  /** Holds a seat (status enrolled, not waitlisted): only enrolled learners complete the course. */
  isEnrolled: boolean;
  /** When the learner's enrolment (or waitlist place) was made; null without one. */
  enrolledAt: number | null;
  /** Opened or completed anything, or marked by someone. */
  hasStarted: boolean;
  isCompleted: boolean;
  completedAt: number | null;
  completedCount: number;
  totalCount: number;
  mandatoryCompletedCount: number;
  mandatoryTotalCount: number;
  /** Whole percent of every entity completed, 0 to 100 (0 when there is none). */
  percentage: number;
  modules: ModuleProgress[];
}

/** "3 of 7 Completed". */
export function progressDisplay(progress: Pick<LearnerProgress, 'completedCount' | 'totalCount'>): string {
  return `${progress.completedCount} of ${progress.totalCount} Completed`;
}
