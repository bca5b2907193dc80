/** Turns a course and the caller's relations to it into Zoho's course object. Pure. */
import type { Static } from '@sinclair/typebox';
import {
  type Caller,
  type CourseRelations,
  CourseStatus,
  canDelete,
  canManage,
  canView,
  roleListAllows,
  rolesOnCourse,
} from '../../access/index.ts';
import type { CourseTable } from '../../db/database.ts';
import { presentPerson } from '../people/index.ts';
import { type LearnerProgress, progressDisplay, readPermissionSettings } from '../progress/index.ts';
import type { CourseSchema } from './course.schemas.ts';
import type { CoursePerson } from './course-view.repository.ts';

/** Everything needed to present one course to one caller. */
export interface CourseView {
  course: CourseTable;
  owner: CoursePerson | undefined;
  admins: CoursePerson[];
  categories: { id: string; name: string }[];
  relations: CourseRelations;
  /** The places where the caller holds a seat in the course (a batch id, or null for the course itself). */
  seats: { batch_id: string | null }[];
  /** The caller's own progress when they are an enrolled learner of the course (of their batch in blended ones). */
  progress?: LearnerProgress;
}

/** Zoho's display names of the course types (1 self-paced, 2 blended, 3 e-material). */
export const courseTypeNames: Record<number, string> = {
  1: 'Self paced learning',
  2: 'Blended learning',
  3: 'E-Material',
};
const statusNames: Record<number, string> = { 0: 'Drafted', 1: 'Published', 2: 'Disabled' };
const unitNames: Record<string, [string, string]> = {
  minute: ['Minute', 'Minutes'],
  hour: ['Hour', 'Hours'],
  day: ['Day', 'Days'],
};

/** `"30 Minutes"`, `"1 Hour"`; empty when the course has no duration. */
export function durationDisplay(duration: number | null, unit: string | null): string {
  if (duration === null || unit === null) return '';
  const names = unitNames[unit] ?? [unit, unit];
  return `${duration} ${duration === 1 ? names[0] : names[1]}`;
}

/**
 * The course's page on Lectern (`courseURL`): the web app's path, which Lectern answers with a small page until the
 * web app serves it (src/pages/). Zoho's own form (`/{portal}/zp/lmscourse#...`) would lead nowhere on Lectern.
 */
export function courseUrl(publicUrl: string, courseId: string): string {
  return `${publicUrl}/app/courses/${courseId}`;
}

/** Zoho's course object for this caller. */
export function presentCourse(view: CourseView, caller: Caller, publicUrl: string): Static<typeof CourseSchema> {
  const { course, relations } = view;
  const settings = readPermissionSettings(course.permission_settings);
  const roles = rolesOnCourse(caller, relations);
  const manage = canManage(roles);
  const viewable = canView(roles, course.status);
  const published = course.status === CourseStatus.published;
  const disabled = course.status === CourseStatus.disabled;
  const progress = view.progress?.isEnrolled === false ? undefined : view.progress;
  const completed = progress?.isCompleted === true;
  const courseRule = Number(settings.whenACourseIsConsideredAsCompleted);
  return {
    canUserRequestToJoin: false,
    canUserAddLearners: manage,
    durationAsDisplayString: durationDisplay(course.duration, course.duration_unit),
    courseCode: course.course_code,
    description: course.description,
    courseURL: courseUrl(publicUrl, course.id),
    type: String(course.type),
    canUserGiveFeedback: viewable,
    canUserShare: manage,
    canUserDelete: canDelete(roles),
    permissionSettings: {
      whenAModuleIsConsideredAsCompleted: String(settings.whenAModuleIsConsideredAsCompleted),
      whoCanEnroll: settings.whoCanEnroll,
      whenAnEntityIsConsideredAsCompleted: String(settings.whenAnEntityIsConsideredAsCompleted),
      whenACourseIsConsideredAsCompleted: String(settings.whenACourseIsConsideredAsCompleted),
      whoCanUnenroll: settings.whoCanUnenroll,
    },
    hasUserCompleted: completed,
    canUserUnpublish: manage,
    canUserSuggest: published,
    currentUserRole: roles,
    canUserShareCourseURL: published,
    isSuggestedCourse: relations.isSuggested,
    isDisabled: disabled,
    categories: view.categories.map((category) => ({ categoryId: category.id, name: category.name })),
    isFavourite: relations.isFavourite,
    courseId: course.id,
    aboutCourse: course.about_course,
    publishStatus: course.status === CourseStatus.drafted ? 'unpublished' : 'published',
    hasUserStarted: progress?.hasStarted ?? false,
    introFiles: [],
    canUserFavourite: viewable,
    progressAsDisplayString: progressDisplay(progress ?? { completedCount: 0, totalCount: 0 }),
    canUserDisable: manage && published,
    typeAsDisplayString: courseTypeNames[course.type] ?? String(course.type),
    isSharedCourse: relations.isShared,
    canUserDeleteLearners: manage,
    percentageOfProgress: progress?.percentage ?? 0,
    courseOwners: view.owner ? [presentPerson(view.owner, publicUrl)] : [],
    canUserStartDiscussion: published && (relations.isLearner || manage),
    // Rule 1: the learner marks the course completed (and may revoke it); rule 3: its managers and trainers do.
    canUserComplete: courseRule === 1 && progress !== undefined && !completed,
    statusAsDisplayString: statusNames[course.status] ?? String(course.status),
    canUserUnEnroll: (manage || relations.isLearner) && roleListAllows(settings.whoCanUnenroll, roles),
    canUserUnfavourite: viewable,
    canUserRevokeCompletion:
      (courseRule === 1 && completed) || (courseRule === 3 && published && (manage || roles.trainer)),
    courseImageURL: null,
    canUserPublish: manage,
    name: course.name,
    courseAdmins: view.admins.map((row) => presentPerson(row, publicUrl)),
    canUserEnroll: viewable && !relations.isLearner && roleListAllows(settings.whoCanEnroll, roles),
    canUserPreview: viewable,
    status: course.status,
    duration: course.duration,
    durationUnit: course.duration_unit,
  };
}
