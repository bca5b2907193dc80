/** Course actions: publish, unpublish, enable, disable, favourite, share, suggest. Each is one transaction. */

import { type Caller, CourseStatus } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { invalidInput, LmsError, stateError } from '../../errors.ts';
import { recordEvents } from '../../events/index.ts';
import { type EmployeeRow, findEmployees } from '../people/index.ts';
import { countMandatoryContent, readPermissionSettings } from '../progress/index.ts';
import * as repository from './course.repository.ts';
import { loadForChange } from './course.service.ts';
import * as listRepository from './course-list.repository.ts';
import { getCourseView } from './course-view.service.ts';

const blended = 2;

/** Blended courses are published and unpublished per batch: Zoho's named refusal. */
function refuseBlended(type: number, action: 'PUBLISH' | 'UNPUBLISH'): void {
  if (type !== blended) return;
  const verb = action.toLowerCase();
  throw stateError(
    `UNSUPPORTED_OPERATION_BL_COURSE_${action}_VIA_COURSE_API`,
    `A blended learning course cannot be ${verb}ed through the course API: ${verb} its batches`,
  );
}

/**
 * Publishes a self-paced or e-material course that has a mandatory file, link or content (blended: per batch), with
 * a course.published.v1 event; `notify` is notifyApplicableUsers.
 */
export async function publishCourse(
  context: AppContext,
  caller: Caller,
  courseId: string,
  options: { notify: boolean } = { notify: false },
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const { course } = await loadForChange(context, trx, caller, courseId);
    refuseBlended(course.type, 'PUBLISH');
    if (course.status === CourseStatus.disabled) {
      throw stateError('UNSUPPORTED_OPERATION', 'The course is disabled: enable it instead of publishing it');
    }
    if (course.status === CourseStatus.published) return;
    if ((await countMandatoryContent(trx, caller.portalId, courseId, null)) === 0) {
      throw stateError(
        'NO_MANDATORY_FILES_OR_LINK_FOUND_TO_PUBLISH',
        'The course has no mandatory file, link or content: add one to a module before publishing it',
      );
    }
    const now = context.clock.now();
    await repository.updateCourse(trx, caller.portalId, courseId, {
      status: CourseStatus.published,
      published_at: now,
      updated_at: now,
    });
    await recordEvents(trx, context, [
      {
        type: 'course.published.v1',
        portalId: caller.portalId,
        courseId,
        batchId: null,
        erecno: null,
        by: caller.erecno,
        at: now,
        subject: { kind: 'course', id: courseId },
        before: { status: 'drafted' },
        after: { status: 'published' },
        notify: options.notify,
      },
    ]);
  });
}

/** Returns a published course to drafted; refused while it has learners. */
export async function unpublishCourse(context: AppContext, caller: Caller, courseId: string): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const { course } = await loadForChange(context, trx, caller, courseId);
    refuseBlended(course.type, 'UNPUBLISH');
    if (course.status === CourseStatus.drafted) {
      throw stateError('UNSUPPORTED_OPERATION', 'The course is not published');
    }
    const learners = await repository.listMembers(trx, courseId, 'learner', 0, 1);
    if (learners.length > 0) {
      throw stateError('UNABLE_TO_UNPUBLISH_WITH_MEMBERS', 'The course has learners: remove them before unpublishing');
    }
    await repository.updateCourse(trx, caller.portalId, courseId, {
      status: CourseStatus.drafted,
      updated_at: context.clock.now(),
    });
  });
}

/** Disables a published course, or enables a disabled one, keeping the comment. */
export async function setCourseDisabled(
  context: AppContext,
  caller: Caller,
  courseId: string,
  disabled: boolean,
  comment: string | null,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const { course } = await loadForChange(context, trx, caller, courseId);
    if (disabled && course.status === CourseStatus.drafted) {
      throw stateError('UNABLE_TO_DISABLE_COURSE_BEFORE_PUBLISH', 'A course cannot be disabled before it is published');
    }
    if (disabled && course.status === CourseStatus.disabled) {
      throw stateError('UNSUPPORTED_OPERATION', 'The course is already disabled');
    }
    if (!disabled && course.status !== CourseStatus.disabled) {
      throw stateError('UNSUPPORTED_OPERATION', 'The course is not disabled');
    }
    await repository.updateCourse(trx, caller.portalId, courseId, {
      status: disabled ? CourseStatus.disabled : CourseStatus.published,
      // An action without a comment keeps the last one given.
      ...(comment === null ? {} : { status_comment: comment }),
      updated_at: context.clock.now(),
    });
  });
}

/** Marks or unmarks a course as the caller's favourite (anyone who can see it). */
export async function setFavourite(context: AppContext, caller: Caller, courseId: string, on: boolean): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    await getCourseView(trx, caller, courseId);
    const member = { portalId: caller.portalId, courseId, relation: 'favourite' as const, byErecno: caller.erecno };
    if (on) await repository.addMembers(trx, member, [caller.erecno], context.clock.now());
    else await repository.removeMember(trx, courseId, 'favourite', caller.erecno);
  });
}

async function activeEmployees(db: Db, caller: Caller, erecnos: string[], parameter: string): Promise<EmployeeRow[]> {
  const found = await findEmployees(db, caller.portalId, erecnos);
  for (const erecno of erecnos) {
    const employee = found.find((row) => row.erecno === erecno);
    if (employee === undefined) throw invalidInput(parameter, `no employee with erecno ${erecno}`);
    if (employee.status !== 'active') throw invalidInput(parameter, `employee ${erecno} is inactive`);
  }
  return erecnos.map((erecno) => found.find((row) => row.erecno === erecno)!);
}

/** Shares a course with employees (its managers only); answers the people it is now shared with. */
export async function shareCourse(
  context: AppContext,
  caller: Caller,
  courseId: string,
  erecnos: string[],
): Promise<EmployeeRow[]> {
  return context.db.transaction().execute(async (trx) => {
    await loadForChange(context, trx, caller, courseId);
    const people = await activeEmployees(trx, caller, erecnos, 'erecnosList');
    const member = { portalId: caller.portalId, courseId, relation: 'share' as const, byErecno: caller.erecno };
    await repository.addMembers(trx, member, erecnos, context.clock.now());
    return people;
  });
}

/** Stops sharing a course with one employee. */
export async function unshareCourse(context: AppContext, caller: Caller, courseId: string, erecno: string) {
  await context.db.transaction().execute(async (trx) => {
    await loadForChange(context, trx, caller, courseId);
    const removed = await repository.removeMember(trx, courseId, 'share', erecno);
    if (removed === 0) {
      throw new LmsError(404, '404', `Not found: the course is not shared with ${erecno}`, 'sharedUserErecno');
    }
  });
}

/** A page of the people a course is shared with (anyone who can see the course). */
export async function listSharedUsers(
  context: AppContext,
  caller: Caller,
  courseId: string,
  startIndex: number,
  limit: number,
): Promise<EmployeeRow[]> {
  await getCourseView(context.db, caller, courseId);
  return repository.listMembers(context.db, courseId, 'share', startIndex, limit);
}

/** Suggests a published course to employees (anyone who can see it may suggest it). */
export async function suggestCourse(
  context: AppContext,
  caller: Caller,
  courseId: string,
  erecnos: string[],
): Promise<EmployeeRow[]> {
  return context.db.transaction().execute(async (trx) => {
    const view = await getCourseView(trx, caller, courseId);
    if (view.course.status === CourseStatus.disabled) {
      throw stateError('UNSUPPORTED_OPERATION', 'A disabled course cannot be suggested: enable it first');
    }
    if (view.course.status !== CourseStatus.published) {
      throw stateError('UNABLE_TO_SUGGEST_COURSE_BEFORE_PUBLISH', 'Only a published course can be suggested');
    }
    const people = await activeEmployees(trx, caller, erecnos, 'erecnosList');
    const member = { portalId: caller.portalId, courseId, relation: 'suggestion' as const, byErecno: caller.erecno };
    await repository.addMembers(trx, member, erecnos, context.clock.now());
    return people;
  });
}

/** How many published courses were suggested to the caller. */
export function countSuggestedToMe(context: AppContext, caller: Caller): Promise<number> {
  return listRepository.countSuggestedTo(context.db, caller.portalId, caller.erecno);
}

/** A course's settings (anyone who can see the course). */
export async function getCourseSettings(context: AppContext, caller: Caller, courseId: string) {
  const view = await getCourseView(context.db, caller, courseId);
  return { courseId, settings: readPermissionSettings(view.course.permission_settings) };
}
