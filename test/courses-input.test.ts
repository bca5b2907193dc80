import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  categoriesOf,
  createCourse,
  expectSampleShape,
  getCourse,
  type InputForm,
  inputForms,
  jsonType,
  patchCourse,
  sendCourseData,
} from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let categories: Record<string, string>;
/**
 * 18-digit erecnos of two active employees that a JS number cannot hold: JSON.parse would round them to
 * another id, so they show that the server parses ids without loss.
 */
let erecnoA: string;
let erecnoB: string;

beforeAll(async () => {
  lectern = await createTestLectern();
  categories = await categoriesOf(lectern, lectern.adminToken);
  const inexact = lectern.employees.filter(
    (employee) => employee.status === 'active' && String(Number(employee.erecno)) !== employee.erecno,
  );
  [erecnoA, erecnoB] = [inexact[0]!.erecno, inexact[1]!.erecno];
});
afterAll(() => lectern.close());

describe('courseData on create', () => {
  it('uses erecnos that a JS number would round (the reason ids travel as text inside Lectern)', () => {
    for (const erecno of [erecnoA, erecnoB]) expect(JSON.parse(erecno).toString()).not.toBe(erecno);
  });

  it.each(inputForms)('is read from the %s, with unquoted 18-digit ids kept exact', async (form: InputForm) => {
    // Built by hand: JSON.stringify could only write these ids as strings or as rounded numbers.
    const text = `{"name":"Sent as ${form}","type":1,"duration":2,"durationUnit":"day","courseAdmins":[${erecnoA},${erecnoB}],"categories":[${categories.Compliance}]}`;
    const response = await sendCourseData(lectern, {
      method: 'POST',
      url: '/api/v1/courses',
      token: lectern.adminToken,
      form,
      text,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(Object.keys(response.json())).toEqual(['code', 'course', 'message']);
    const course = response.json().course;
    expectSampleShape(course);
    expect(course.name).toBe(`Sent as ${form}`);
    expect(course.durationAsDisplayString).toBe('2 Days');
    expect(course.courseAdmins.map((person: { erecno: string }) => person.erecno)).toEqual([erecnoA, erecnoB]);
    expect(course.categories).toEqual([{ categoryId: categories.Compliance, name: 'Compliance' }]);
    expect(response.headers['x-lectern-warning']).toBeUndefined();
  });

  it('takes ids as strings and type as the string "1"', async () => {
    const text = `{"name":"Strings","type":"1","duration":"30","courseAdmins":["${erecnoA}"],"categories":["${categories.Sales}"]}`;
    const response = await sendCourseData(lectern, {
      method: 'POST',
      url: '/api/v1/courses',
      token: lectern.adminToken,
      form: 'query',
      text,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().course).toMatchObject({
      type: '1',
      typeAsDisplayString: 'Self paced learning',
      durationAsDisplayString: '30 Minutes',
      courseAdmins: [{ erecno: erecnoA }],
      categories: [{ categoryId: categories.Sales, name: 'Sales' }],
    });
  });

  it('takes the Update Course page sample body as it is (the curl sample, sent with a JSON content type)', async () => {
    const text = `{
"name": "Updated Course Name",
"type": 1,
"description": "Updated description",
"aboutCourse": "Updated about the API",
"duration": 30,
"durationUnit": "minute",
"courseCode": "XXX",
"courseAdmins": [${erecnoA}],
"categories": [${categories.Engineering}]
}`;
    const created = await createCourse(lectern, lectern.adminToken);
    const response = await lectern.app.inject({
      method: 'PATCH',
      url: `/api/v1/courses/${created.courseId}`,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: text,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().course).toMatchObject({
      name: 'Updated Course Name',
      durationAsDisplayString: '30 Minutes',
    });
  });

  it('accepts unknown keys and names them in X-Lectern-Warning', async () => {
    const response = await sendCourseData(lectern, {
      method: 'POST',
      url: '/api/v1/courses',
      token: lectern.adminToken,
      form: 'wrapped JSON body',
      text: '{"name":"With extras","type":1,"colour":"blue","level":3}',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['x-lectern-warning']).toBe('unknown keys ignored in courseData: colour, level');
    expect(response.json().course).not.toHaveProperty('colour');
  });
});

describe('courseData on update', () => {
  it.each(inputForms)('is read from the %s on PATCH /courses/{courseId}', async (form: InputForm) => {
    const created = await createCourse(lectern, lectern.adminToken, { courseCode: 'KEEP' });
    const response = await sendCourseData(lectern, {
      method: 'PATCH',
      url: `/api/v1/courses/${created.courseId}`,
      token: lectern.adminToken,
      form,
      text: `{"name":"Patched via ${form}","courseAdmins":[${erecnoB}]}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().course).toMatchObject({
      courseId: created.courseId,
      name: `Patched via ${form}`,
      courseCode: 'KEEP',
      courseAdmins: [{ erecno: erecnoB }],
    });
  });

  it.each(inputForms)('is read from the %s on PATCH /courses?courseId=', async (form: InputForm) => {
    const created = await createCourse(lectern, lectern.adminToken);
    const response = await sendCourseData(lectern, {
      method: 'PATCH',
      url: '/api/v1/courses',
      query: `?courseId=${created.courseId}`,
      token: lectern.adminToken,
      form,
      text: '{"description":"Patched by query"}',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().course).toMatchObject({ courseId: created.courseId, description: 'Patched by query' });
  });

  it('finds the courseId inside courseData too (unquoted), and does not call it ignored', async () => {
    const created = await createCourse(lectern, lectern.adminToken);
    const response = await sendCourseData(lectern, {
      method: 'PATCH',
      url: '/api/v1/courses',
      token: lectern.adminToken,
      form: 'query',
      text: `{"courseId":${created.courseId},"courseCode":"IN-DATA"}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().course).toMatchObject({ courseId: created.courseId, courseCode: 'IN-DATA' });
    expect(response.headers['x-lectern-warning']).toBeUndefined();
  });

  it.each([
    ['no courseId at all', '', 'INPUT_PARAMETER_MISSING', 'courseId'],
    ['a non-numeric courseId', '&courseId=abc', 'INVALID_INPUT', 'courseId'],
  ])('answers 400 for %s on PATCH /courses', async (_name, query, code, parameter) => {
    const response = await lectern.app.inject({
      method: 'PATCH',
      url: `/api/v1/courses?courseData=${encodeURIComponent('{"name":"x"}')}${query}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code, parameter });
    expect(response.json().message).toContain(parameter);
  });

  it('answers 404 for an unknown courseId on PATCH /courses', async () => {
    const response = await lectern.app.inject({
      method: 'PATCH',
      url: `/api/v1/courses?courseId=123456789012345678&courseData=${encodeURIComponent('{"name":"x"}')}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode).toBe(404);
  });

  it('names unknown keys in X-Lectern-Warning on update and changes the known ones', async () => {
    const created = await createCourse(lectern, lectern.adminToken);
    const response = await patchCourse(lectern, created.courseId, lectern.adminToken, { courseCode: 'K', colour: 1 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['x-lectern-warning']).toBe('unknown keys ignored in courseData: colour');
    expect((await getCourse(lectern, created.courseId, lectern.adminToken)).json().course.courseCode).toBe('K');
  });
});
