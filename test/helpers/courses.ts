/** Factories and checks shared by the Course API tests: create courses, send courseData every documented way. */
import { expect } from 'vitest';
import type { EmployeeTable } from '../../src/db/database.ts';
import { addMandatoryLink } from './content.ts';
import type { TestLectern } from './test-app.ts';

export const jsonType = { 'content-type': 'application/json' };
export const formType = { 'content-type': 'application/x-www-form-urlencoded' };

/** Zoho's course object as the tests read it (JSON, so loosely typed). */
export type Course = Record<string, any>;

/**
 * The `course` of the Update Course page's sample response (test/fixtures/zoho/update-course.txt), copied verbatim:
 * Lectern's course object must carry every one of these keys, in this order, with the same JSON types.
 */
export const sampleCourse: Course = JSON.parse(`{
  "canUserRequestToJoin": false, "canUserAddLearners": true, "durationAsDisplayString": "30 Minutes",
  "courseCode": "0001", "description": "Course to learn Java couse",
  "courseURL": "https://people.zoho.com/idcportalfb18/zp/lmscourse#lms-learner/course/588882000000984009/overview",
  "type": "1", "canUserGiveFeedback": true, "canUserShare": true, "canUserDelete": true,
  "permissionSettings": {
    "whenAModuleIsConsideredAsCompleted": "1", "whoCanEnroll": ["admin", "courseAdmin", "learner"],
    "whenAnEntityIsConsideredAsCompleted": "1", "whenACourseIsConsideredAsCompleted": "2"
  },
  "hasUserCompleted": false, "canUserUnpublish": true, "canUserSuggest": false,
  "currentUserRole": {
    "settingsAdmin": false, "courseOwner": true, "trainer": false, "sharedUser": false,
    "learner": false, "admin": true, "courseAdmin": false, "dataAdmin": false
  },
  "canUserShareCourseURL": false, "isSuggestedCourse": false, "isDisabled": false, "categories": [],
  "isFavourite": false, "courseId": "588882000000984009",
  "aboutCourse": "You will be familiar with basic aspects of Java, including procedural programming and object-oriented programming",
  "publishStatus": "unpublished", "hasUserStarted": true, "introFiles": [], "canUserFavourite": true,
  "progressAsDisplayString": "0 of 0 Completed", "canUserDisable": false, "typeAsDisplayString": "Self paced learning",
  "isSharedCourse": false, "canUserDeleteLearners": true, "percentageOfProgress": 0,
  "courseOwners": [{
    "erecno": "588882000000162005", "displayName": "adam CEO logicx", "employeeId": "1",
    "emailId": "davisvenfield@zohotest.com",
    "displayPictureURL": "https://people.zoho.com/api/viewEmployeePhoto?filename=953310000000021001"
  }],
  "canUserStartDiscussion": false, "canUserComplete": false, "statusAsDisplayString": "Drafted",
  "canUserUnEnroll": true, "canUserUnfavourite": true, "canUserRevokeCompletion": false, "courseImageURL": null,
  "canUserPublish": true, "name": "An Introduction to Java",
  "courseAdmins": [{
    "erecno": "588882000000162005", "displayName": "adam CEO logicx", "employeeId": "1",
    "emailId": "davisvenfield@zohotest.com",
    "displayPictureURL": "https://people.zoho.com/api/viewEmployeePhoto?filename=953310000000021001"
  }],
  "canUserEnroll": true, "canUserPreview": true, "status": 0
}`);

/** JSON's own type names, so that null and arrays are told apart from objects. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** Every key of `sample` is in `actual`, in the sample's order and with the same JSON type (recursively). */
export function expectSampleShape(actual: Course, sample: Course = sampleCourse, path = 'course'): void {
  const sampleKeys = Object.keys(sample);
  // Lectern may add keys (duration, durationUnit, whoCanUnenroll); the sample's own keys keep their order.
  expect(
    Object.keys(actual).filter((key) => sampleKeys.includes(key)),
    path,
  ).toEqual(sampleKeys);
  for (const key of sampleKeys) {
    const expected = sample[key];
    expect(jsonTypeOf(actual[key]), `${path}.${key}`).toBe(jsonTypeOf(expected));
    if (jsonTypeOf(expected) === 'object') expectSampleShape(actual[key], expected, `${path}.${key}`);
    if (Array.isArray(expected) && expected.length > 0) {
      for (const item of actual[key]) {
        if (jsonTypeOf(expected[0]) === 'object') expectSampleShape(item, expected[0], `${path}.${key}[]`);
        else expect(jsonTypeOf(item), `${path}.${key}[]`).toBe(jsonTypeOf(expected[0]));
      }
    }
  }
}

let courseNumber = 0;

/** Creates a course through the API (bare JSON body) and answers Zoho's course object. */
export async function createCourse(lectern: TestLectern, token: string, data: Record<string, unknown> = {}) {
  const payload = JSON.stringify({ name: `Course ${++courseNumber}`, type: 1, ...data });
  const response = await lectern.app.inject({
    method: 'POST',
    url: '/api/v1/courses',
    headers: { ...lectern.auth(token), ...jsonType },
    payload,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().course as Course;
}

/** GET one course (the raw response, for status checks). */
export function getCourse(lectern: TestLectern, courseId: string, token: string) {
  return lectern.app.inject({ url: `/api/v1/courses/${courseId}`, headers: lectern.auth(token) });
}

/** PATCH a course with courseData as a bare JSON body (the raw response). */
export function patchCourse(lectern: TestLectern, courseId: string, token: string, data: Record<string, unknown>) {
  return lectern.app.inject({
    method: 'PATCH',
    url: `/api/v1/courses/${courseId}`,
    headers: { ...lectern.auth(token), ...jsonType },
    payload: JSON.stringify(data),
  });
}

/** The documented ways to send courseData (see docs/compatibility.md, Requests). */
export const inputForms = [
  'query',
  'form field',
  'bare JSON body',
  'wrapped JSON body',
  'curl -d without a content type',
];
export type InputForm = (typeof inputForms)[number];

/**
 * The URL suffix, headers and payload that carry a courseData JSON text in one form. The text is passed
 * through as written, so that unquoted 18-digit ids reach the server intact.
 */
export function courseDataIn(form: InputForm, text: string, query = '') {
  const join = query === '' ? '?' : `${query}&`;
  switch (form) {
    case 'query':
      return { suffix: `${join}courseData=${encodeURIComponent(text)}`, headers: {}, payload: undefined };
    case 'form field':
      return { suffix: query, headers: formType, payload: `courseData=${encodeURIComponent(text)}` };
    case 'bare JSON body':
      return { suffix: query, headers: jsonType, payload: text };
    case 'wrapped JSON body':
      return { suffix: query, headers: jsonType, payload: `{"courseData":${text}}` };
    default:
      // curl -d '{...}' sends the JSON text raw, labelled as a form.
      return { suffix: query, headers: formType, payload: text };
  }
}

/** Sends courseData in one form to a course endpoint. */
export function sendCourseData(
  lectern: TestLectern,
  request: { method: 'POST' | 'PATCH'; url: string; token: string; form: InputForm; text: string; query?: string },
) {
  const carried = courseDataIn(request.form, request.text, request.query);
  return lectern.app.inject({
    method: request.method,
    url: `${request.url}${carried.suffix}`,
    headers: { ...lectern.auth(request.token), ...carried.headers },
    ...(carried.payload === undefined ? {} : { payload: carried.payload }),
  });
}

/** How many courses the whole store holds (every portal), to show that a refused write wrote nothing. */
export async function countCourses(lectern: TestLectern): Promise<number> {
  const row = await lectern.app.lectern.db
    .selectFrom('courses')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The demo portal's employee of that display name. */
export function employeeNamed(lectern: TestLectern, name: string): EmployeeTable {
  const employee = lectern.employees.find((candidate) => candidate.display_name === name);
  if (employee === undefined) throw new Error(`the demo portal has no ${name}`);
  return employee;
}

/** An employee of the demo portal with a full-scope token of their own. */
export interface Person {
  erecno: string;
  token: string;
  name: string;
}

/** A full-scope token for the named demo employee. */
export async function personNamed(lectern: TestLectern, name: string): Promise<Person> {
  const employee = employeeNamed(lectern, name);
  return { erecno: employee.erecno, token: await lectern.token(['ALL'], employee.erecno), name };
}

/** The portal's course categories, by name. */
export async function categoriesOf(lectern: TestLectern, token: string): Promise<Record<string, string>> {
  const response = await lectern.app.inject({ url: '/api/v1/categories', headers: lectern.auth(token) });
  expect(response.statusCode, response.body).toBe(200);
  const categories = response.json().categories as { categoryId: string; name: string }[];
  return Object.fromEntries(categories.map((category) => [category.name, category.categoryId]));
}

/**
 * Publishes a course through the Course Action API (a drafted course is hidden from plain employees). A course needs a
 * mandatory file, link or content to be published, so a mandatory link in a module of its own is added first.
 */
export async function publishCourse(lectern: TestLectern, courseId: string, token: string): Promise<void> {
  await addMandatoryLink(lectern, { courseId, token });
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/publish`,
    headers: lectern.auth(token),
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** Writes a course member row directly (a course admin unless told), as if the portal admin had added them. */
export async function insertCourseMember(
  lectern: TestLectern,
  courseId: string,
  erecno: string,
  relation: 'admin' | 'learner' = 'admin',
): Promise<void> {
  await lectern.app.lectern.db
    .insertInto('course_members')
    .values({
      portal_id: lectern.portalId,
      course_id: courseId,
      erecno,
      relation,
      by_erecno: lectern.adminErecno,
      position: 0,
      created_at: lectern.clock.now(),
    })
    .execute();
}
