import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Course,
  countCourses,
  createCourse,
  getCourse,
  jsonType,
  type Person,
  patchCourse,
  personNamed,
  publishCourse,
} from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
/** A drafted course owned by the admin, administered by `courseAdmin`. */
let drafted: Course;
let courseAdmin: Person;
let plain: Person;

beforeAll(async () => {
  lectern = await createTestLectern();
  courseAdmin = await personNamed(lectern, 'Ivan Petrov');
  plain = await personNamed(lectern, 'Julia Moreau');
  drafted = await createCourse(lectern, lectern.adminToken, {
    name: 'Access drafted',
    courseAdmins: [courseAdmin.erecno],
  });
});
afterAll(() => lectern.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/** Every course endpoint, with a valid request to it (`:id` stands for the course id). */
const endpoints: [name: string, method: Method, url: string][] = [
  ['create', 'POST', '/api/v1/courses'],
  ['fetch one', 'GET', '/api/v1/courses/:id'],
  ['fetch all', 'GET', '/api/v1/courses'],
  ['my courses', 'GET', '/api/v1/courses/mycourses'],
  ['update', 'PATCH', '/api/v1/courses/:id'],
  ['update by query', 'PATCH', '/api/v1/courses?courseId=:id'],
  ['delete', 'DELETE', '/api/v1/courses/:id'],
];

function call(method: Method, url: string, courseId: string, token: string | null) {
  const writes = method === 'POST' || method === 'PATCH';
  return lectern.app.inject({
    method,
    url: url.replace(':id', courseId),
    headers: { ...(token === null ? {} : lectern.auth(token)), ...(writes ? jsonType : {}) },
    ...(writes ? { payload: '{"name":"Should not land","type":1}' } : {}),
  });
}

describe('authentication and scopes', () => {
  it.each(endpoints)('%s answers 401 without a token', async (_name, method, url) => {
    const response = await call(method, url, drafted.courseId, null);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: '7202', message: expect.stringMatching(/^Invalid OAuth token/) });
  });

  const needs: Record<Method, string> = { GET: 'READ', POST: 'CREATE', PATCH: 'UPDATE', DELETE: 'DELETE' };
  it.each(endpoints)('%s answers 403 to a token without its scope, and writes nothing', async (_name, method, url) => {
    // A READ token lacks the write scopes; a CREATE token lacks READ.
    const token = await lectern.token([method === 'GET' ? 'CREATE' : 'READ']);
    const before = await countCourses(lectern);
    const response = await call(method, url, drafted.courseId, token);
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toContain(`ZOHOPEOPLE.training.${needs[method]}`);
    expect(await countCourses(lectern)).toBe(before);
    expect((await getCourse(lectern, drafted.courseId, lectern.adminToken)).json().course).toEqual(drafted);
  });

  it.each(endpoints)('%s accepts a token with just its own scope', async (_name, method, url) => {
    const course = await createCourse(lectern, lectern.adminToken);
    const response = await call(method, url, course.courseId, await lectern.token([needs[method]]));
    expect(response.statusCode, response.body).toBe(200);
  });
});

describe('roles', () => {
  it('refuses PATCH and DELETE to an employee who is neither admin, owner nor course admin', async () => {
    const course = await createCourse(lectern, lectern.adminToken);
    await publishCourse(lectern, course.courseId, lectern.adminToken);
    const published = (await getCourse(lectern, course.courseId, lectern.adminToken)).json().course;
    for (const method of ['PATCH', 'DELETE'] as const) {
      const response = await call(method, '/api/v1/courses/:id', course.courseId, plain.token);
      expect(response.statusCode, method).toBe(403);
      expect(response.json().message).toMatch(
        /^Sorry! You are not authorized to do this operation: only the LMS admin/,
      );
    }
    expect((await getCourse(lectern, course.courseId, lectern.adminToken)).json().course).toEqual(published);
  });

  it('lets a trainer delete the course they own', async () => {
    const trainer = await personNamed(lectern, 'Divya Raman');
    const course = await createCourse(lectern, trainer.token);
    const response = await call('DELETE', '/api/v1/courses/:id', course.courseId, trainer.token);
    expect(response.statusCode, response.body).toBe(200);
    expect((await getCourse(lectern, course.courseId, lectern.adminToken)).statusCode).toBe(404);
  });

  it('lets a course admin update but not delete', async () => {
    const course = await createCourse(lectern, lectern.adminToken, { courseAdmins: [courseAdmin.erecno] });
    expect((await patchCourse(lectern, course.courseId, courseAdmin.token, { description: 'ok' })).statusCode).toBe(
      200,
    );
    const refused = await call('DELETE', '/api/v1/courses/:id', course.courseId, courseAdmin.token);
    expect(refused.statusCode).toBe(403);
    expect((await getCourse(lectern, course.courseId, lectern.adminToken)).statusCode).toBe(200);
  });
});

describe('ids', () => {
  it.each(endpoints.filter(([, , url]) => url.includes(':id')))(
    '%s answers 404 for an unknown id and for a course of another portal, touching neither',
    async (_name, method, url) => {
      expect((await call(method, url, '123456789012345678', lectern.adminToken)).statusCode).toBe(404);
      const other = await lectern.otherPortal();
      const response = await call(method, url, drafted.courseId, other.token);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ code: '404', message: `Not found: no course with id ${drafted.courseId}` });
      expect((await getCourse(lectern, drafted.courseId, lectern.adminToken)).json().course).toEqual(drafted);
    },
  );

  it.each([
    ['GET', '/api/v1/courses/abc'],
    ['PATCH', '/api/v1/courses/abc'],
    ['DELETE', '/api/v1/courses/abc'],
    ['GET', '/api/v1/courses/0123'],
  ] as const)('%s %s answers 400 naming courseId', async (method, url) => {
    const response = await call(method, url, '', lectern.adminToken);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'courseId' });
  });
});

describe('visibility of a drafted course', () => {
  it('is 403 to a plain employee, and visible to its course admin, settings admin and data admin', async () => {
    const refused = await getCourse(lectern, drafted.courseId, plain.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/^Sorry! You are not authorized to do this operation/);
    const asAdmin = await getCourse(lectern, drafted.courseId, courseAdmin.token);
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.json().course).toMatchObject({
      currentUserRole: { courseAdmin: true, courseOwner: false, admin: false },
      canUserPublish: true,
      canUserDelete: false,
    });
    for (const name of ['Nadia Haddad', 'Oscar Nilsson']) {
      const viewer = await personNamed(lectern, name);
      const response = await getCourse(lectern, drafted.courseId, viewer.token);
      expect(response.statusCode, name).toBe(200);
      // Settings and data admins read the course but may not change it.
      expect(response.json().course).toMatchObject({ canUserPublish: false, canUserDelete: false });
    }
  });

  it('is listed to LMS admins and its course admins only, until it is published', async () => {
    const course = await createCourse(lectern, lectern.adminToken, {
      name: 'Listed when published',
      courseAdmins: [courseAdmin.erecno],
    });
    const listed = async (token: string) => {
      const response = await lectern.app.inject({
        url: '/api/v1/courses?search=listed%20when%20published',
        headers: lectern.auth(token),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().courses.map((item: Course) => item.courseId);
    };
    expect(await listed(lectern.adminToken)).toEqual([course.courseId]);
    expect(await listed(courseAdmin.token)).toEqual([course.courseId]);
    expect(await listed(plain.token)).toEqual([]);
    await publishCourse(lectern, course.courseId, lectern.adminToken);
    expect(await listed(plain.token)).toEqual([course.courseId]);
    const seen = (await getCourse(lectern, course.courseId, plain.token)).json().course;
    expect(seen).toMatchObject({
      currentUserRole: { courseOwner: false, admin: false, courseAdmin: false, learner: false },
      canUserPublish: false,
      canUserDelete: false,
      canUserEnroll: true,
      publishStatus: 'published',
      statusAsDisplayString: 'Published',
    });
  });
});
