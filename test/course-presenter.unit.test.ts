import { describe, expect, it } from 'vitest';
import type { Caller } from '../src/access/caller.ts';
import {
  type CourseRelations,
  type CourseRoles,
  canDelete,
  canManage,
  canView,
  roleListAllows,
  rolesOnCourse,
} from '../src/access/course-permissions.ts';
import { serverTime } from '../src/clock.ts';
import { defaultDateFormat } from '../src/dates.ts';
import type { CourseTable } from '../src/db/database.ts';
import {
  type CourseView,
  courseUrl,
  durationDisplay,
  presentCourse,
} from '../src/features/courses/course.presenter.ts';
import { CourseSchema } from '../src/features/courses/course.schemas.ts';
import type { EmployeeRow } from '../src/features/people/people.repository.ts';
import { defaultPermissionSettings } from '../src/features/progress/completion-settings.ts';
import type { LearnerProgress } from '../src/features/progress/progress.types.ts';
import { lecternNotificationDefaults } from '../src/notification-defaults.ts';
import { expectSampleShape, sampleCourse } from './helpers/courses.ts';

const ownerErecno = '588882000000162005';
const callerErecno = '588882000000162999';
const publicUrl = 'http://lectern.test';

/** The sample's course owner, as an employee row. */
const owner: EmployeeRow = {
  erecno: ownerErecno,
  portal_id: '1',
  employee_id: '1',
  display_name: 'adam CEO logicx',
  email_id: 'davisvenfield@zohotest.com',
  photo_url: 'https://people.zoho.com/api/viewEmployeePhoto?filename=953310000000021001',
  manager_erecno: null,
  status: 'active',
  is_admin: 1,
  is_settings_admin: 0,
  is_data_admin: 0,
  is_trainer: 0,
};

function callerWith(overrides: Partial<Caller> = {}): Caller {
  return {
    portalId: '1',
    portalUrlName: 'idcportalfb18',
    portalTime: serverTime,
    portalHoldsDemo: true,
    portalDateFormat: defaultDateFormat,
    notificationDefaults: lecternNotificationDefaults,
    erecno: callerErecno,
    tokenHash: 'hash',
    tokenId: '1',
    tokenExpiresAt: null,
    scopes: new Set(['ZOHOPEOPLE.training.ALL']),
    isOperator: false,
    isAdmin: false,
    isSettingsAdmin: false,
    isDataAdmin: false,
    isTrainer: false,
    ...overrides,
  };
}

/** The sample's course, drafted, with Lectern's default settings; pieces replaced as a test needs. */
function viewWith(course: Partial<CourseTable> = {}, relations: Partial<CourseRelations> = {}): CourseView {
  return {
    course: {
      id: '588882000000984009',
      portal_id: '1',
      name: 'An Introduction to Java',
      type: 1,
      description: 'Course to learn Java couse',
      about_course: sampleCourse.aboutCourse,
      duration: 30,
      duration_unit: 'minute',
      course_code: '0001',
      permission_settings: JSON.stringify(defaultPermissionSettings),
      status: 0,
      owner_erecno: ownerErecno,
      image_url: null,
      status_comment: null,
      created_at: 0,
      updated_at: 0,
      published_at: null,
      ...course,
    },
    owner,
    admins: [],
    categories: [],
    seats: [],
    relations: {
      ownerErecno,
      adminErecnos: [],
      isFavourite: false,
      isShared: false,
      isSuggested: false,
      isLearner: false,
      isTrainer: false,
      ...relations,
    },
  };
}

describe('durationDisplay', () => {
  it.each([
    [30, 'minute', '30 Minutes'],
    [1, 'minute', '1 Minute'],
    [1, 'hour', '1 Hour'],
    [2, 'hour', '2 Hours'],
    [1, 'day', '1 Day'],
    [2, 'day', '2 Days'],
    [null, null, ''],
    [5, null, ''],
    [null, 'hour', ''],
  ])('shows %j %j as %j', (duration, unit, display) => {
    expect(durationDisplay(duration, unit)).toBe(display);
  });
});

describe('presentCourse', () => {
  it("reproduces the Update Course sample for the sample's situation (owner who is LMS admin, drafted)", () => {
    const caller = callerWith({ erecno: ownerErecno, isAdmin: true });
    const course = presentCourse(viewWith(), caller, 'https://people.zoho.com');
    expectSampleShape(course);
    expect(Object.keys(course)).toEqual(Object.keys(CourseSchema.properties));
    expect(course).toEqual({
      ...sampleCourse,
      // Lectern's decisions (docs/compatibility.md): no progress yet, and the owner is not listed as a course
      // admin unless named one; plus the keys Lectern adds.
      hasUserStarted: false,
      courseAdmins: [],
      permissionSettings: { ...sampleCourse.permissionSettings, whoCanUnenroll: ['admin', 'courseAdmin', 'learner'] },
      duration: 30,
      durationUnit: 'minute',
      // Links lead to Lectern, never to Zoho's pages (docs/people.md).
      courseURL: 'https://people.zoho.com/app/courses/588882000000984009',
      courseOwners: [
        {
          ...sampleCourse.courseOwners[0],
          displayPictureURL: `https://people.zoho.com/lectern/v1/employees/${ownerErecno}/photo`,
        },
      ],
    });
  });

  it("builds courseURL from the public URL and the course id: the web app's page on Lectern", () => {
    expect(courseUrl(publicUrl, '42')).toBe(`${publicUrl}/app/courses/42`);
    const course = presentCourse(viewWith(), callerWith({ isAdmin: true }), publicUrl);
    expect(course.courseURL).toBe(`${publicUrl}/app/courses/588882000000984009`);
  });

  it.each([
    [2, 'Blended learning'],
    [3, 'E-Material'],
  ])('shows type %i as "%s", as a string', (type, display) => {
    const course = presentCourse(viewWith({ type }), callerWith({ isAdmin: true }), publicUrl);
    expect(course).toMatchObject({ type: String(type), typeAsDisplayString: display });
  });

  it('shows a published course to a plain employee as theirs to enrol in, not to manage', () => {
    const course = presentCourse(viewWith({ status: 1 }), callerWith(), publicUrl);
    expect(course).toMatchObject({
      status: 1,
      statusAsDisplayString: 'Published',
      publishStatus: 'published',
      canUserPreview: true,
      canUserFavourite: true,
      canUserEnroll: true,
      canUserSuggest: true,
      canUserShareCourseURL: true,
      canUserPublish: false,
      canUserUnpublish: false,
      canUserDisable: false,
      canUserDelete: false,
      canUserAddLearners: false,
      canUserUnEnroll: false,
      canUserStartDiscussion: false,
    });
  });

  it('lets a learner unenrol and discuss, not enrol again', () => {
    const course = presentCourse(viewWith({ status: 1 }), callerWith(), publicUrl);
    const learner = presentCourse(viewWith({ status: 1 }, { isLearner: true }), callerWith(), publicUrl);
    expect([course.canUserEnroll, learner.canUserEnroll]).toEqual([true, false]);
    expect(learner).toMatchObject({
      canUserUnEnroll: true,
      canUserStartDiscussion: true,
      currentUserRole: { learner: true },
    });
  });

  it('follows whoCanEnroll: a plain employee may not enrol where only admins enrol', () => {
    const settings = JSON.stringify({ ...defaultPermissionSettings, whoCanEnroll: ['admin'] });
    const view = viewWith({ status: 1, permission_settings: settings });
    expect(presentCourse(view, callerWith(), publicUrl).canUserEnroll).toBe(false);
    expect(presentCourse(view, callerWith({ isAdmin: true }), publicUrl).canUserEnroll).toBe(true);
  });

  it('lets a course admin disable a published course and revoke completion under rule 3', () => {
    const settings = JSON.stringify({ ...defaultPermissionSettings, whenACourseIsConsideredAsCompleted: 3 });
    const view = viewWith({ status: 1, permission_settings: settings }, { adminErecnos: [callerErecno] });
    const course = presentCourse(view, callerWith(), publicUrl);
    expect(course).toMatchObject({
      canUserDisable: true,
      canUserRevokeCompletion: true,
      canUserDelete: false,
      currentUserRole: { courseAdmin: true, courseOwner: false },
      permissionSettings: { whenACourseIsConsideredAsCompleted: '3' },
    });
  });

  it('hides a disabled course from a plain employee: nothing to preview, favourite or enrol in', () => {
    const course = presentCourse(viewWith({ status: 2 }), callerWith(), publicUrl);
    expect(course).toMatchObject({
      isDisabled: true,
      statusAsDisplayString: 'Disabled',
      canUserPreview: false,
      canUserFavourite: false,
      canUserEnroll: false,
      canUserSuggest: false,
    });
  });

  it('lists categories, course admins and relations as the caller has them', () => {
    const admin = { ...owner, erecno: callerErecno, display_name: 'Course Admin', employee_id: '7' };
    const view = viewWith({}, { adminErecnos: [callerErecno], isFavourite: true, isShared: true, isSuggested: true });
    view.admins = [admin];
    view.categories = [{ id: '11', name: 'Engineering' }];
    view.owner = undefined;
    const course = presentCourse(view, callerWith(), publicUrl);
    expect(course).toMatchObject({
      categories: [{ categoryId: '11', name: 'Engineering' }],
      courseAdmins: [{ erecno: callerErecno, displayName: 'Course Admin', employeeId: '7' }],
      courseOwners: [],
      isFavourite: true,
      isSharedCourse: true,
      isSuggestedCourse: true,
    });
  });
});

describe("presentCourse: the caller's own progress", () => {
  /** An enrolled learner's progress with the given counts. */
  function progressOf(completedCount: number, totalCount: number, isCompleted = false): LearnerProgress {
    return {
      place: { portalId: '1', courseId: '588882000000984009', batchId: null },
      erecno: callerErecno,
      isEnrolled: true,
      enrolledAt: 0,
      hasStarted: completedCount > 0,
      isCompleted,
      completedAt: isCompleted ? 1 : null,
      completedCount,
      totalCount,
      mandatoryCompletedCount: completedCount,
      mandatoryTotalCount: totalCount,
      percentage: Math.floor((completedCount * 100) / totalCount),
      modules: [],
    };
  }
  const withRule = (rule: number) =>
    JSON.stringify({ ...defaultPermissionSettings, whenACourseIsConsideredAsCompleted: rule });

  it('shows "3 of 7 Completed" and 42% for a learner who completed 3 of 7', () => {
    const view = { ...viewWith({ status: 1 }, { isLearner: true }), progress: progressOf(3, 7) };
    expect(presentCourse(view, callerWith(), publicUrl)).toMatchObject({
      hasUserStarted: true,
      hasUserCompleted: false,
      percentageOfProgress: 42,
      progressAsDisplayString: '3 of 7 Completed',
      canUserComplete: false,
      canUserRevokeCompletion: false,
    });
  });

  it('rule 1: the learner may complete, then revoke', () => {
    const open = {
      ...viewWith({ status: 1, permission_settings: withRule(1) }, { isLearner: true }),
      progress: progressOf(1, 2),
    };
    expect(presentCourse(open, callerWith(), publicUrl)).toMatchObject({
      canUserComplete: true,
      canUserRevokeCompletion: false,
    });
    const done = { ...open, progress: progressOf(2, 2, true) };
    expect(presentCourse(done, callerWith(), publicUrl)).toMatchObject({
      hasUserCompleted: true,
      percentageOfProgress: 100,
      canUserComplete: false,
      canUserRevokeCompletion: true,
    });
  });

  it('ignores the progress of someone not enrolled, and shows zeros without any', () => {
    const waiting = { ...viewWith({ status: 1 }), progress: { ...progressOf(1, 2), isEnrolled: false } };
    expect(presentCourse(waiting, callerWith(), publicUrl)).toMatchObject({
      hasUserStarted: false,
      percentageOfProgress: 0,
      progressAsDisplayString: '0 of 0 Completed',
    });
  });

  it('rule 3: a trainer may revoke completion of a published course', () => {
    const view = viewWith({ status: 1, permission_settings: withRule(3) }, { isTrainer: true });
    expect(presentCourse(view, callerWith(), publicUrl).canUserRevokeCompletion).toBe(true);
    expect(
      presentCourse(viewWith({ status: 1, permission_settings: withRule(3) }), callerWith(), publicUrl)
        .canUserRevokeCompletion,
    ).toBe(false);
  });
});

describe('course permissions', () => {
  const none: CourseRoles = {
    settingsAdmin: false,
    courseOwner: false,
    trainer: false,
    sharedUser: false,
    learner: false,
    admin: false,
    courseAdmin: false,
    dataAdmin: false,
  };

  it('derives the roles from the caller and the relations', () => {
    const caller = callerWith({ isAdmin: true, isDataAdmin: true });
    const relations = viewWith({}, { adminErecnos: [callerErecno], isShared: true, isTrainer: true }).relations;
    expect(rolesOnCourse(caller, relations)).toEqual({
      ...none,
      admin: true,
      dataAdmin: true,
      courseAdmin: true,
      sharedUser: true,
      trainer: true,
    });
  });

  it.each<[keyof CourseRoles | 'nobody', boolean, boolean, boolean]>([
    // role, may manage, may delete, may see a drafted (or disabled) course
    ['admin', true, true, true],
    ['courseOwner', true, true, true],
    ['courseAdmin', true, false, true],
    ['trainer', false, false, true],
    ['sharedUser', false, false, true],
    ['settingsAdmin', false, false, true],
    ['dataAdmin', false, false, true],
    ['learner', false, false, false],
    ['nobody', false, false, false],
  ])('%s: manage %s, delete %s, see unpublished %s', (role, manage, remove, seeUnpublished) => {
    const roles = role === 'nobody' ? none : { ...none, [role]: true };
    expect(canManage(roles)).toBe(manage);
    expect(canDelete(roles)).toBe(remove);
    expect(canView(roles, 0)).toBe(seeUnpublished);
    expect(canView(roles, 2)).toBe(seeUnpublished);
    expect(canView(roles, 1)).toBe(true);
  });

  it.each<[string[], Partial<CourseRoles>, boolean]>([
    [['admin'], { admin: true }, true],
    [['admin'], { courseAdmin: true }, false],
    [['courseAdmin'], { courseAdmin: true }, true],
    [['courseAdmin'], { courseOwner: true }, true],
    [['learner'], {}, true],
    [['manager'], {}, false],
    [[], { admin: true }, false],
  ])('roleListAllows(%j) for %j is %s', (list, roles, allowed) => {
    expect(roleListAllows(list, { ...none, ...roles })).toBe(allowed);
  });
});
