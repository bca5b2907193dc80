/**
 * What enrolling and leaving share: the outcome types, and loading the place a request names (seats locked first)
 * with the people it names, in the caller's transaction.
 */

import { type Caller, type CourseRoles, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { BatchTable, CourseTable, Db } from '../../db/database.ts';
import { invalidInput, type LmsError, stateError } from '../../errors.ts';
import { blendedCourseType, requireBatch } from '../batches/index.ts';
import { getCourseView } from '../courses/index.ts';
import { type EmployeeRow, findEmployees } from '../people/index.ts';
import { type PermissionSettings, readPermissionSettings } from '../progress/index.ts';
import * as seats from '../seats/index.ts';

/** What happened to one person of an enrol or unenrol list. */
export type EnrolmentStatus = 'enrolled' | 'waitlisted' | 'alreadyEnrolled' | 'unenrolled' | 'notEnrolled' | 'refused';

/** One person's outcome; `reason` says why for refusals and repeats. */
export interface EnrolmentOutcome {
  person: EmployeeRow;
  status: EnrolmentStatus;
  reason?: string;
}

/** The course or batch a request names (batchId null for course-level enrolment). */
export interface EnrolmentTarget {
  courseId: string;
  batchId: string | null;
}

/** Options of an enrol, unenrol or remove call. */
export interface EnrolmentOptions {
  /** notifyApplicableUsers: the people concerned are told (Lectern's addition; default true). */
  notify: boolean;
}

/** The place a request names, loaded and locked: the course (and batch), the caller's roles, its rules. */
export interface LoadedTarget {
  course: CourseTable;
  batch: BatchTable | null;
  roles: CourseRoles;
  settings: PermissionSettings;
  place: seats.SeatPlace;
}

/** Course-level seats belong to self-paced and e-material courses, batch seats to blended ones. */
export function checkKind(course: CourseTable, batchId: string | null): void {
  if (batchId === null && course.type === blendedCourseType) {
    throw stateError(
      'UNSUPPORTED_OPERATION',
      'Learners of a blended learning course join one of its batches: use /courses/{courseId}/batches/{batchId}/...',
    );
  }
  if (batchId !== null && course.type !== blendedCourseType) {
    throw stateError('UNSUPPORTED_OPERATION', 'Batches exist only in blended learning courses (type 2)');
  }
}

/** Locks the place's seats, then loads the course (and batch) as the caller may see them. */
export async function loadTarget(
  context: AppContext,
  db: Db,
  caller: Caller,
  target: EnrolmentTarget,
): Promise<LoadedTarget> {
  const place = { portalId: caller.portalId, ...target };
  await seats.lockPlace(db, context.dialect, place);
  const view = await getCourseView(db, caller, target.courseId);
  checkKind(view.course, target.batchId);
  const batch =
    target.batchId === null ? null : (await requireBatch(db, caller, target.courseId, target.batchId)).batch;
  const roles = rolesOnCourse(caller, view.relations);
  const settings = readPermissionSettings(view.course.permission_settings);
  return { course: view.course, batch, roles, settings, place };
}

/** The named people in the order sent; 400 naming erecnosList for an id that is not an employee of the portal. */
export async function loadPeople(db: Db, caller: Caller, erecnos: readonly string[]): Promise<EmployeeRow[]> {
  const found = await findEmployees(db, caller.portalId, erecnos);
  return erecnos.map((erecno) => {
    const person = found.find((row) => row.erecno === erecno);
    if (person === undefined) throw invalidInput('erecnosList', `no employee with erecno ${erecno}`);
    return person;
  });
}

/** Answers the outcomes, unless every person was refused: then the first refusal is the answer (nothing written). */
export function settle(outcomes: EnrolmentOutcome[], errors: LmsError[]): EnrolmentOutcome[] {
  if (outcomes.length > 0 && outcomes.every((outcome) => outcome.status === 'refused')) throw errors[0]!;
  return outcomes;
}
