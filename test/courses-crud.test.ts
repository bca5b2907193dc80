import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Course,
  categoriesOf,
  countCourses,
  createCourse,
  expectSampleShape,
  getCourse,
  jsonType,
  type Person,
  patchCourse,
  personNamed,
  publishCourse,
} from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let categories: Record<string, string>;
/** A trainer (may create courses) and a plain employee (may not). */
let trainer: Person;
let plain: Person;

beforeAll(async () => {
  lectern = await createTestLectern();
  categories = await categoriesOf(lectern, lectern.adminToken);
  trainer = await personNamed(lectern, 'Beatriz Santos');
  plain = await personNamed(lectern, 'Emeka Okafor');
});
afterAll(() => lectern.close());

const admin = () => lectern.employees.find((employee) => employee.erecno === lectern.adminErecno)!;
const personOf = (erecno: string) => {
  const row = lectern.employees.find((employee) => employee.erecno === erecno)!;
  return {
    erecno,
    displayName: row.display_name,
    employeeId: row.employee_id,
    emailId: row.email_id,
    displayPictureURL: `http://lectern.test/lectern/v1/employees/${erecno}/photo`,
  };
};

describe('create', () => {
  it("answers the sample's envelope and every key of its course object, for the owner who is LMS admin", async () => {
    const response = await lectern.app.inject({
      method: 'POST',
      url: '/api/v1/courses',
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: JSON.stringify({
        name: 'An Introduction to Java',
        type: 1,
        description: 'Course to learn Java',
        aboutCourse: 'Procedural and object-oriented programming',
        duration: 30,
        durationUnit: 'minute',
        courseCode: '0001',
        categories: [categories.Engineering],
      }),
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['code', 'course', 'message']);
    expect(response.body.startsWith('{"code":"200","course":{"canUserRequestToJoin":')).toBe(true);
    expect(response.body.endsWith('},"message":"success"}')).toBe(true);
    const course: Course = body.course;
    expectSampleShape(course);
    expect(course.courseId).toMatch(/^\d{18}$/);
    expect(course).toMatchObject({
      name: 'An Introduction to Java',
      description: 'Course to learn Java',
      aboutCourse: 'Procedural and object-oriented programming',
      courseCode: '0001',
      type: '1',
      typeAsDisplayString: 'Self paced learning',
      durationAsDisplayString: '30 Minutes',
      duration: 30,
      durationUnit: 'minute',
      status: 0,
      statusAsDisplayString: 'Drafted',
      publishStatus: 'unpublished',
      progressAsDisplayString: '0 of 0 Completed',
      percentageOfProgress: 0,
      courseImageURL: null,
      introFiles: [],
      isDisabled: false,
      isFavourite: false,
      canUserDelete: true,
      canUserPublish: true,
      canUserSuggest: false,
      canUserDisable: false,
    });
    expect(course.courseURL).toBe(`http://lectern.test/app/courses/${course.courseId}`);
    expect(course.permissionSettings).toEqual({
      whenAModuleIsConsideredAsCompleted: '1',
      whoCanEnroll: ['admin', 'courseAdmin', 'learner'],
      whenAnEntityIsConsideredAsCompleted: '1',
      whenACourseIsConsideredAsCompleted: '2',
      whoCanUnenroll: ['admin', 'courseAdmin', 'learner'],
    });
    // The demo admin is also settings and data admin; the sample's admin is neither.
    expect(course.currentUserRole).toEqual({
      settingsAdmin: true,
      courseOwner: true,
      trainer: false,
      sharedUser: false,
      learner: false,
      admin: true,
      courseAdmin: false,
      dataAdmin: true,
    });
    expect(course.courseOwners).toEqual([personOf(admin().erecno)]);
    expect(course.courseAdmins).toEqual([]);
    expect(course.categories).toEqual([{ categoryId: categories.Engineering, name: 'Engineering' }]);
    // Fetching it answers the same object.
    const fetched = await getCourse(lectern, course.courseId, lectern.adminToken);
    expect(fetched.body).toBe(response.body);
  });

  it.each([
    [{ duration: 30, durationUnit: 'minute' }, '30 Minutes'],
    [{ duration: 1, durationUnit: 'hour' }, '1 Hour'],
    [{ duration: 2, durationUnit: 'day' }, '2 Days'],
    [{ duration: 45 }, '45 Minutes'],
    [{}, ''],
  ])('shows %j as %j', async (duration, display) => {
    const course = await createCourse(lectern, lectern.adminToken, duration);
    expect(course.durationAsDisplayString).toBe(display);
  });

  it('lets a trainer create a course they own, and refuses a plain employee without writing', async () => {
    const course = await createCourse(lectern, trainer.token, { name: 'Trainer course', type: 2 });
    expect(course.typeAsDisplayString).toBe('Blended learning');
    expect(course.courseOwners).toEqual([personOf(trainer.erecno)]);
    expect(course.currentUserRole).toMatchObject({ courseOwner: true, admin: false, courseAdmin: false });
    expect(course.canUserDelete).toBe(true);
    const before = await countCourses(lectern);
    const refused = await lectern.app.inject({
      method: 'POST',
      url: '/api/v1/courses',
      headers: { ...lectern.auth(plain.token), ...jsonType },
      payload: '{"name":"Not mine to make","type":1}',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/^Sorry! You are not authorized to do this operation/);
    expect(await countCourses(lectern)).toBe(before);
  });
});

describe('update', () => {
  it('keeps every field not sent', async () => {
    const created = await createCourse(lectern, lectern.adminToken, {
      description: 'Old description',
      aboutCourse: 'About',
      duration: 3,
      durationUnit: 'hour',
      courseCode: 'C-1',
      courseAdmins: [trainer.erecno],
      categories: [categories.Sales],
      permissionSettings: { whoCanEnroll: ['admin'] },
    });
    const response = await patchCourse(lectern, created.courseId, lectern.adminToken, {
      description: 'New description',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(Object.keys(response.json())).toEqual(['code', 'course', 'message']);
    expect(response.json().course).toEqual({ ...created, description: 'New description' });
  });

  it('changes each field sent, and merges permissionSettings key by key', async () => {
    const created = await createCourse(lectern, lectern.adminToken, {
      permissionSettings: { whoCanEnroll: ['admin'] },
    });
    const response = await patchCourse(lectern, created.courseId, lectern.adminToken, {
      name: '  Renamed  ',
      type: 3,
      aboutCourse: 'Now about this',
      duration: 1,
      durationUnit: 'day',
      courseCode: 'NEW',
      permissionSettings: { whenACourseIsConsideredAsCompleted: 3, whoCanUnenroll: ['admin', 'admin'] },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().course).toMatchObject({
      name: 'Renamed',
      type: '3',
      typeAsDisplayString: 'E-Material',
      aboutCourse: 'Now about this',
      durationAsDisplayString: '1 Day',
      courseCode: 'NEW',
      permissionSettings: {
        whenAModuleIsConsideredAsCompleted: '1',
        whoCanEnroll: ['admin'],
        whenAnEntityIsConsideredAsCompleted: '1',
        whenACourseIsConsideredAsCompleted: '3',
        whoCanUnenroll: ['admin'],
      },
    });
  });

  it('replaces courseAdmins and categories when sent, in the order sent, and clears them with []', async () => {
    const other = await personNamed(lectern, 'Chen Wei');
    const created = await createCourse(lectern, lectern.adminToken, {
      courseAdmins: [trainer.erecno],
      categories: [categories.Sales, categories.Compliance],
    });
    const replaced = await patchCourse(lectern, created.courseId, lectern.adminToken, {
      courseAdmins: [other.erecno, plain.erecno, other.erecno],
      categories: [categories.Wellbeing],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().course.courseAdmins).toEqual([personOf(other.erecno), personOf(plain.erecno)]);
    expect(replaced.json().course.categories).toEqual([{ categoryId: categories.Wellbeing, name: 'Wellbeing' }]);
    const cleared = await patchCourse(lectern, created.courseId, lectern.adminToken, {
      courseAdmins: [],
      categories: [],
    });
    expect(cleared.json().course).toMatchObject({ courseAdmins: [], categories: [] });
  });

  it("answers the course as the caller sees it: a course admin's own token shows courseAdmin", async () => {
    const admin = await personNamed(lectern, 'Fatima Zahra');
    const created = await createCourse(lectern, lectern.adminToken, { courseAdmins: [admin.erecno] });
    const response = await patchCourse(lectern, created.courseId, admin.token, { courseCode: 'BY-COURSE-ADMIN' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().course).toMatchObject({
      courseCode: 'BY-COURSE-ADMIN',
      currentUserRole: {
        settingsAdmin: false,
        courseOwner: false,
        trainer: false,
        sharedUser: false,
        learner: false,
        admin: false,
        courseAdmin: true,
        dataAdmin: false,
      },
      canUserPublish: true,
      canUserDelete: false,
    });
  });

  it('lets a course admin step down: the change is saved and answered, not refused afterwards', async () => {
    const admin = await personNamed(lectern, 'Gustav Lind');
    const created = await createCourse(lectern, lectern.adminToken, { courseAdmins: [admin.erecno, trainer.erecno] });
    const response = await patchCourse(lectern, created.courseId, admin.token, { courseAdmins: [trainer.erecno] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().course.currentUserRole.courseAdmin).toBe(false);
    const fetched = await getCourse(lectern, created.courseId, lectern.adminToken);
    expect(fetched.json().course.courseAdmins).toEqual([personOf(trainer.erecno)]);
  });

  it('changes the type only while the course is drafted', async () => {
    const created = await createCourse(lectern, lectern.adminToken);
    await publishCourse(lectern, created.courseId, lectern.adminToken);
    const response = await patchCourse(lectern, created.courseId, lectern.adminToken, { type: 3, name: 'Not saved' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('UNSUPPORTED_OPERATION');
    const fetched = (await getCourse(lectern, created.courseId, lectern.adminToken)).json().course;
    expect(fetched).toMatchObject({ type: '1', name: created.name });
  });
});

describe('delete', () => {
  it('deletes a course with its admins and categories, answering the plain success body', async () => {
    const created = await createCourse(lectern, lectern.adminToken, {
      courseAdmins: [plain.erecno],
      categories: [categories.Leadership],
    });
    const before = await countCourses(lectern);
    const response = await lectern.app.inject({
      method: 'DELETE',
      url: `/api/v1/courses/${created.courseId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('{"code":"200","message":"success"}');
    expect(await countCourses(lectern)).toBe(before - 1);
    expect((await getCourse(lectern, created.courseId, lectern.adminToken)).statusCode).toBe(404);
    const db = lectern.app.lectern.db;
    const members = await db
      .selectFrom('course_members')
      .select('erecno')
      .where('course_id', '=', created.courseId)
      .execute();
    const links = await db
      .selectFrom('course_categories')
      .select('category_id')
      .where('course_id', '=', created.courseId)
      .execute();
    expect([members, links]).toEqual([[], []]);
  });
});
