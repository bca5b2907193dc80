import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  categoriesOf,
  countCourses,
  createCourse,
  employeeNamed,
  formType,
  getCourse,
  jsonType,
  sendCourseData,
} from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
/** Ids the bad inputs refer to, known once the portals exist. */
const ids = { otherPortalErecno: '', inactiveErecno: '', gradeCategory: '', category: '' };

beforeAll(async () => {
  lectern = await createTestLectern();
  const other = await lectern.otherPortal();
  const db = lectern.app.lectern.db;
  const foreign = await db
    .selectFrom('employees')
    .select('erecno')
    .where('portal_id', '=', other.portalId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const grade = await db
    .selectFrom('categories')
    .select('id')
    .where('portal_id', '=', lectern.portalId)
    .where('kind', '=', 'grade')
    .executeTakeFirstOrThrow();
  ids.otherPortalErecno = foreign.erecno;
  ids.inactiveErecno = employeeNamed(lectern, 'Tove Berg').erecno;
  ids.gradeCategory = grade.id;
  ids.category = (await categoriesOf(lectern, lectern.adminToken)).Sales!;
});
afterAll(() => lectern.close());

type Case = [name: string, courseData: () => string, code: string, parameter: string];

/** Bad values of keys that create and update share; built lazily because some name ids made in beforeAll. */
const badValues: Case[] = [
  ['type 0', () => '{"type":0}', 'INVALID_INPUT', 'courseData.type'],
  ['type 4', () => '{"type":4}', 'INVALID_INPUT', 'courseData.type'],
  ['type "abc"', () => '{"type":"abc"}', 'INVALID_INPUT', 'courseData.type'],
  ['an empty name', () => '{"name":""}', 'INVALID_INPUT', 'courseData.name'],
  ['a name of only spaces', () => '{"name":"   "}', 'INVALID_INPUT', 'courseData.name'],
  ['a name of 251 characters', () => `{"name":"${'n'.repeat(251)}"}`, 'INVALID_INPUT', 'courseData.name'],
  ['duration 0', () => '{"duration":0}', 'INVALID_INPUT', 'courseData.duration'],
  ['duration -1', () => '{"duration":-1}', 'INVALID_INPUT', 'courseData.duration'],
  ['duration 1.5', () => '{"duration":1.5}', 'INVALID_INPUT', 'courseData.duration'],
  ['duration "abc"', () => '{"duration":"abc"}', 'INVALID_INPUT', 'courseData.duration'],
  ['durationUnit "week"', () => '{"duration":2,"durationUnit":"week"}', 'INVALID_INPUT', 'courseData.durationUnit'],
  [
    'an unknown erecno in courseAdmins',
    () => '{"courseAdmins":[999999999999999999]}',
    'INVALID_INPUT',
    'courseData.courseAdmins',
  ],
  [
    "another portal's erecno in courseAdmins",
    () => `{"courseAdmins":[${ids.otherPortalErecno}]}`,
    'INVALID_INPUT',
    'courseData.courseAdmins',
  ],
  [
    'an inactive employee (Tove Berg) in courseAdmins',
    () => `{"courseAdmins":[${ids.inactiveErecno}]}`,
    'INVALID_INPUT',
    'courseData.courseAdmins',
  ],
  ['a non-numeric erecno', () => '{"courseAdmins":["abc"]}', 'INVALID_INPUT', 'courseData.courseAdmins.0'],
  ['an unknown category id', () => '{"categories":[999999999999999999]}', 'INVALID_INPUT', 'courseData.categories'],
  ['a grade category id', () => `{"categories":[${ids.gradeCategory}]}`, 'INVALID_INPUT', 'courseData.categories'],
  [
    'whoCanEnroll ["nobody"]',
    () => '{"permissionSettings":{"whoCanEnroll":["nobody"]}}',
    'INVALID_INPUT',
    'courseData.permissionSettings.whoCanEnroll.0',
  ],
  [
    'whenACourseIsConsideredAsCompleted 5',
    () => '{"permissionSettings":{"whenACourseIsConsideredAsCompleted":5}}',
    'INVALID_INPUT',
    'courseData.permissionSettings.whenACourseIsConsideredAsCompleted',
  ],
  ['permissionSettings "abc"', () => '{"permissionSettings":"abc"}', 'INVALID_INPUT', 'courseData.permissionSettings'],
];

/**
 * Puts the bad keys into a body of valid ones, as text (so unquoted 18-digit ids stay exact); a valid key the
 * bad text also names is left out, since a duplicate key would be refused for itself.
 */
function withValid(valid: Record<string, string>, courseData: string): string {
  const kept = Object.entries(valid).filter(([key]) => !courseData.includes(`"${key}":`));
  const prefix = kept.map(([key, value]) => `"${key}":${value},`).join('');
  return `{${prefix}${courseData.slice(1)}`;
}

function expectError(response: { statusCode: number; json(): any }, code: string, parameter: string) {
  expect(response.statusCode).toBe(400);
  const body = response.json();
  expect(Object.keys(body)).toEqual(['code', 'message', 'parameter']);
  expect(body).toMatchObject({ code, parameter });
  expect(body.message).toContain(parameter);
}

describe('create refuses bad courseData with 400 naming the parameter, and writes nothing', () => {
  it.each<Case>([
    ['no name', () => '{"type":1}', 'INPUT_PARAMETER_MISSING', 'courseData.name'],
    ['no type', () => '{"name":"No type"}', 'INPUT_PARAMETER_MISSING', 'courseData.type'],
    ...badValues.map(([name, courseData, code, parameter]): Case => {
      const valid = { name: '"Refused"', type: '1', categories: `[${ids.category}]` };
      return [name, () => withValid(valid, courseData()), code, parameter];
    }),
  ])('%s', async (_name, courseData, code, parameter) => {
    const before = await countCourses(lectern);
    const response = await sendCourseData(lectern, {
      method: 'POST',
      url: '/api/v1/courses',
      token: lectern.adminToken,
      form: 'query',
      text: courseData(),
    });
    expectError(response, code, parameter);
    expect(await countCourses(lectern)).toBe(before);
  });

  it.each([
    [
      'an inactive course admin',
      () => `{"courseAdmins":[${ids.inactiveErecno}]}`,
      () => `employee ${ids.inactiveErecno} is inactive`,
    ],
    [
      'whoCanEnroll ["nobody"]',
      () => '{"permissionSettings":{"whoCanEnroll":["nobody"]}}',
      () => 'must be one of admin, courseAdmin, manager, learner, got "nobody"',
    ],
    [
      'a name of only spaces',
      () => '{"name":" "}',
      () => 'must be a text of 1 to 250 characters, not only spaces, got " "',
    ],
  ])('says what is wrong with %s', async (_name, courseData, problem) => {
    const response = await sendCourseData(lectern, {
      method: 'POST',
      url: '/api/v1/courses',
      token: lectern.adminToken,
      form: 'bare JSON body',
      text: withValid({ name: '"x"', type: '1' }, courseData()),
    });
    expect(response.json().message).toBe(`Invalid value for ${response.json().parameter}: ${problem()}`);
  });
});

describe('update refuses bad courseData with 400 naming the parameter, and changes nothing', () => {
  it.each<Case>(badValues)('%s', async (_name, courseData, code, parameter) => {
    const created = await createCourse(lectern, lectern.adminToken, {
      courseCode: 'BEFORE',
      categories: [ids.category],
    });
    // A valid change travels with the bad one: it must not be saved either.
    const response = await sendCourseData(lectern, {
      method: 'PATCH',
      url: `/api/v1/courses/${created.courseId}`,
      token: lectern.adminToken,
      form: 'bare JSON body',
      text: withValid({ courseCode: '"AFTER"', courseAdmins: '[]' }, courseData()),
    });
    expectError(response, code, parameter);
    const after = await getCourse(lectern, created.courseId, lectern.adminToken);
    expect(after.json().course).toEqual(created);
  });
});

describe('courseData missing or not JSON', () => {
  it.each([
    ['POST with neither query nor body', 'POST', '/api/v1/courses', {}, undefined],
    ['POST with an empty JSON body', 'POST', '/api/v1/courses', jsonType, ''],
    ['PATCH /courses/{id} with neither query nor body', 'PATCH', '/api/v1/courses/123456789012345678', {}, undefined],
    ['PATCH /courses?courseId= with neither', 'PATCH', '/api/v1/courses?courseId=123456789012345678', {}, undefined],
  ] as const)('answers 400 INPUT_PARAMETER_MISSING courseData for %s', async (_name, method, url, headers, payload) => {
    const before = await countCourses(lectern);
    const response = await lectern.app.inject({
      method,
      url,
      headers: { ...lectern.auth(lectern.adminToken), ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
    expectError(response, 'INPUT_PARAMETER_MISSING', 'courseData');
    expect(await countCourses(lectern)).toBe(before);
  });

  it.each([
    ['the query', '?courseData=%7B%22name%22%3A', {}, undefined],
    ['a form field', '', formType, 'courseData=%7Bnot%20json'],
    ['a wrapped JSON body', '', jsonType, '{"courseData":"{\\"name\\":"}'],
    ['a JSON array', '?courseData=%5B1%2C2%5D', {}, undefined],
  ])('answers 400 INVALID_INPUT courseData for bad JSON in %s', async (_name, query, headers, payload) => {
    const before = await countCourses(lectern);
    const response = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses${query}`,
      headers: { ...lectern.auth(lectern.adminToken), ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
    expectError(response, 'INVALID_INPUT', 'courseData');
    expect(await countCourses(lectern)).toBe(before);
  });
});
