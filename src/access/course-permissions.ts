/**
 * Who may do what with a course: the one place the roles are defined. `currentUserRole` and every `canUser*`
 * flag derive from here, and docs/compatibility.md shows the same table.
 */
import type { Caller } from './caller.ts';

/** Course states as stored in `courses.status`. */
export const CourseStatus = { drafted: 0, published: 1, disabled: 2 } as const;

/** The caller's relations to one course. */
export interface CourseRelations {
  ownerErecno: string;
  adminErecnos: readonly string[];
  isFavourite: boolean;
  isShared: boolean;
  isSuggested: boolean;
  isLearner: boolean;
  isTrainer: boolean;
}

/** The caller's roles on a course, in Zoho's `currentUserRole` keys. */
export interface CourseRoles {
  settingsAdmin: boolean;
  courseOwner: boolean;
  trainer: boolean;
  sharedUser: boolean;
  learner: boolean;
  admin: boolean;
  courseAdmin: boolean;
  dataAdmin: boolean;
}

/** Derives the caller's roles on a course. */
export function rolesOnCourse(caller: Caller, relations: CourseRelations): CourseRoles {
  return {
    settingsAdmin: caller.isSettingsAdmin,
    courseOwner: relations.ownerErecno === caller.erecno,
    trainer: relations.isTrainer,
    sharedUser: relations.isShared,
    learner: relations.isLearner,
    admin: caller.isAdmin,
    courseAdmin: relations.adminErecnos.includes(caller.erecno),
    dataAdmin: caller.isDataAdmin,
  };
}

/** May edit, publish, unpublish, enable, disable, share and manage learners: admin, owner, course admin. */
export function canManage(roles: CourseRoles): boolean {
  return roles.admin || roles.courseOwner || roles.courseAdmin;
}

/** May delete the course: admin or owner. */
export function canDelete(roles: CourseRoles): boolean {
  return roles.admin || roles.courseOwner;
}

/**
 * May see the course: everyone in the portal once it is published and enabled; before that (or when
 * disabled) only its managers, the shared users, the settings and data admins.
 */
export function canView(roles: CourseRoles, status: number): boolean {
  if (status === CourseStatus.published) return true;
  return canManage(roles) || roles.sharedUser || roles.settingsAdmin || roles.dataAdmin || roles.trainer;
}

/** True when the caller may enrol (or unenrol) themselves under a `whoCanEnroll`/`whoCanUnenroll` list. */
export function roleListAllows(list: readonly string[], roles: CourseRoles): boolean {
  return (
    (list.includes('admin') && roles.admin) ||
    (list.includes('courseAdmin') && (roles.courseAdmin || roles.courseOwner)) ||
    list.includes('learner')
  );
}

/** The person a `whoCanEnroll`/`whoCanUnenroll` rule is applied to. */
export interface EnrolTarget {
  erecno: string;
  managerErecno: string | null;
}

/**
 * Why the caller may not enrol (or unenrol) `target` under a `whoCanEnroll`/`whoCanUnenroll` list, or null when one
 * of the caller's roles is named: `admin` (LMS admin), `courseAdmin` (course admin or owner), `manager` (the
 * target's manager) and `learner` (the target themself).
 */
export function enrolRefusal(
  list: readonly string[],
  roles: CourseRoles,
  callerErecno: string,
  target: EnrolTarget,
): string | null {
  if (list.includes('admin') && roles.admin) return null;
  if (list.includes('courseAdmin') && (roles.courseAdmin || roles.courseOwner)) return null;
  if (list.includes('manager') && target.managerErecno === callerErecno) return null;
  if (list.includes('learner') && target.erecno === callerErecno) return null;
  return `the course's settings let only ${list.length === 0 ? 'nobody' : list.join(', ')} do this for ${target.erecno}`;
}
