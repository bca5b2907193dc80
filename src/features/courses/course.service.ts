/** The Course API's rules: create, read, list, update and delete courses for a caller. */
import type { Static } from '@sinclair/typebox';
import { type Caller, CourseStatus, canDelete, canManage, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { CourseTable, Db } from '../../db/database.ts';
import { forbidden, invalidInput, stateError } from '../../errors.ts';
import { findCourseCategories } from '../categories/index.ts';
import { findEmployees } from '../people/index.ts';
import { defaultPermissionSettings, type PermissionSettings, readPermissionSettings } from '../progress/index.ts';
import type { CourseView } from './course.presenter.ts';
import * as repository from './course.repository.ts';
import type { CourseDataInput, CourseUpdateInput } from './course.schemas.ts';
import * as listRepository from './course-list.repository.ts';
import { getCourseView, loadView, viewOf } from './course-view.service.ts';

type CourseInput = Static<typeof CourseDataInput>;
type CourseUpdate = Static<typeof CourseUpdateInput>;

/**
 * Loads a course for a change and checks that the caller manages it; locks the row on PostgreSQL. The whole view
 * comes in the same statement, so that a change that leaves the people and categories alone answers from it.
 */
export async function loadForChange(context: AppContext, db: Db, caller: Caller, courseId: string) {
  const view = await loadView(db, caller, courseId, context.dialect);
  const roles = rolesOnCourse(caller, view.relations);
  if (!canManage(roles))
    throw forbidden('only the LMS admin, the course owner or a course admin may change this course');
  return { course: view.course, roles, view };
}

async function checkReferences(db: Db, caller: Caller, input: { courseAdmins?: string[]; categories?: string[] }) {
  if (input.courseAdmins !== undefined) {
    const admins = [...new Set(input.courseAdmins)];
    const found = await findEmployees(db, caller.portalId, admins);
    const missing = admins.find((erecno) => !found.some((employee) => employee.erecno === erecno));
    if (missing !== undefined) throw invalidInput('courseData.courseAdmins', `no employee with erecno ${missing}`);
    const inactive = found.find((employee) => employee.status !== 'active');
    if (inactive) throw invalidInput('courseData.courseAdmins', `employee ${inactive.erecno} is inactive`);
  }
  if (input.categories !== undefined) {
    const categories = [...new Set(input.categories)];
    const found = await findCourseCategories(db, caller.portalId, categories);
    const missing = categories.find((id) => !found.some((category) => category.id === id));
    if (missing !== undefined) throw invalidInput('courseData.categories', `no course category with id ${missing}`);
  }
}

function mergeSettings(current: PermissionSettings, input: CourseUpdate['permissionSettings']): PermissionSettings {
  const merged = { ...current };
  if (input === undefined) return merged;
  if (input.whoCanEnroll !== undefined) merged.whoCanEnroll = [...new Set(input.whoCanEnroll)];
  if (input.whoCanUnenroll !== undefined) merged.whoCanUnenroll = [...new Set(input.whoCanUnenroll)];
  if (input.whenAnEntityIsConsideredAsCompleted !== undefined)
    merged.whenAnEntityIsConsideredAsCompleted = input.whenAnEntityIsConsideredAsCompleted;
  if (input.whenACourseIsConsideredAsCompleted !== undefined)
    merged.whenACourseIsConsideredAsCompleted = input.whenACourseIsConsideredAsCompleted;
  if (input.whenAModuleIsConsideredAsCompleted !== undefined)
    merged.whenAModuleIsConsideredAsCompleted = input.whenAModuleIsConsideredAsCompleted;
  return merged;
}

function checkDuration(duration: number | null, unit: string | null) {
  if (duration !== null && unit === null) throw invalidInput('courseData.durationUnit', 'is needed with duration');
}

/** Creates a course owned by the caller (LMS admins and trainers may create courses). */
export async function createCourse(context: AppContext, caller: Caller, input: CourseInput): Promise<CourseView> {
  if (!caller.isAdmin && !caller.isTrainer) throw forbidden('only LMS admins and trainers may create courses');
  const now = context.clock.now();
  const course: CourseTable = {
    id: context.ids.next(),
    portal_id: caller.portalId,
    name: input.name.trim(),
    type: input.type,
    description: input.description ?? '',
    about_course: input.aboutCourse ?? '',
    duration: input.duration ?? null,
    duration_unit: input.durationUnit ?? (input.duration !== undefined ? 'minute' : null),
    course_code: input.courseCode ?? '',
    permission_settings: JSON.stringify(mergeSettings(defaultPermissionSettings, input.permissionSettings)),
    status: CourseStatus.drafted,
    owner_erecno: caller.erecno,
    image_url: null,
    status_comment: null,
    created_at: now,
    updated_at: now,
    published_at: null,
  };
  checkDuration(course.duration, course.duration_unit);
  await context.db.transaction().execute(async (trx) => {
    await checkReferences(trx, caller, input);
    await repository.insertCourse(trx, course);
    const member = { portalId: caller.portalId, courseId: course.id, byErecno: caller.erecno };
    await repository.replaceMembers(trx, { ...member, relation: 'admin' }, [...new Set(input.courseAdmins ?? [])], now);
    await repository.replaceCategories(trx, caller.portalId, course.id, [...new Set(input.categories ?? [])]);
  });
  return getCourseView(context.db, caller, course.id);
}

/** Applies a partial update; fields not sent keep their values. Each request's fields land together. */
export async function updateCourse(
  context: AppContext,
  caller: Caller,
  courseId: string,
  input: CourseUpdate,
): Promise<CourseView> {
  return context.db.transaction().execute(async (trx) => {
    const { course, view } = await loadForChange(context, trx, caller, courseId);
    if (input.type !== undefined && input.type !== course.type && course.status !== CourseStatus.drafted) {
      throw stateError('UNSUPPORTED_OPERATION', 'The type of a published course cannot change');
    }
    await checkReferences(trx, caller, input);
    const changes: Partial<CourseTable> = { updated_at: context.clock.now() };
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.type !== undefined) changes.type = input.type;
    if (input.description !== undefined) changes.description = input.description;
    if (input.aboutCourse !== undefined) changes.about_course = input.aboutCourse;
    if (input.duration !== undefined) changes.duration = input.duration;
    if (input.durationUnit !== undefined) changes.duration_unit = input.durationUnit;
    if (input.duration !== undefined && input.durationUnit === undefined && course.duration_unit === null) {
      changes.duration_unit = 'minute';
    }
    if (input.courseCode !== undefined) changes.course_code = input.courseCode;
    if (input.permissionSettings !== undefined) {
      const current = readPermissionSettings(course.permission_settings);
      changes.permission_settings = JSON.stringify(mergeSettings(current, input.permissionSettings));
    }
    checkDuration(changes.duration ?? course.duration, changes.duration_unit ?? course.duration_unit);
    await repository.updateCourse(trx, caller.portalId, courseId, changes);
    const member = { portalId: caller.portalId, courseId, byErecno: caller.erecno };
    if (input.courseAdmins !== undefined) {
      const now = context.clock.now();
      await repository.replaceMembers(trx, { ...member, relation: 'admin' }, [...new Set(input.courseAdmins)], now);
    }
    if (input.categories !== undefined) {
      await repository.replaceCategories(trx, caller.portalId, courseId, [...new Set(input.categories)]);
    }
    // No visibility check here: a course admin who removes themself from a drafted course may no longer see
    // it, and a 403 would tell them the saved change was refused.
    if (input.courseAdmins !== undefined || input.categories !== undefined) return loadView(trx, caller, courseId);
    // Only the course row changed, and the locked read holds the rest: the row as written is the row as stored.
    return { ...view, course: { ...course, ...changes } };
  });
}

/** Checks, in the caller's transaction, that the caller may delete the course (LMS admin or owner); locks its row. */
export async function loadCourseForDelete(context: AppContext, db: Db, caller: Caller, courseId: string) {
  const view = await loadView(db, caller, courseId, context.dialect);
  if (!canDelete(rolesOnCourse(caller, view.relations))) {
    throw forbidden('only the LMS admin or the course owner may delete this course');
  }
  return view.course;
}

/** Deletes the course row with its admins, categories, shares, suggestions and favourites (caller's transaction). */
export async function deleteCourseRow(db: Db, portalId: string, courseId: string): Promise<void> {
  await repository.deleteCourse(db, portalId, courseId);
}

/** Sets a course's status as its batches decide it (blended courses publish per batch). */
export async function setCourseStatusFromBatches(db: Db, course: CourseTable, status: number, now: number) {
  const changes =
    status === CourseStatus.published ? { status, updated_at: now, published_at: now } : { status, updated_at: now };
  await repository.updateCourse(db, course.portal_id, course.id, changes);
}

/** A page of courses for the caller, with their views (one statement). */
export async function listCourses(
  context: AppContext,
  caller: Caller,
  filters: listRepository.CourseFilters,
  startIndex: number,
  limit: number,
): Promise<CourseView[]> {
  const seesAll = caller.isAdmin || caller.isSettingsAdmin || caller.isDataAdmin;
  const rows = await listRepository.listCourses(
    context.db,
    { portalId: caller.portalId, erecno: caller.erecno, seesAll },
    filters,
    startIndex,
    limit,
  );
  return rows.map((row) => viewOf(row, caller));
}
