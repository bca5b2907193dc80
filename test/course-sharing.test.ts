import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmployeeTable } from '../src/db/database.ts';
import { addMandatoryLink } from './helpers/content.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';

let lectern: LiveLectern;
/** Active employees other than the admin, each with a full-scope token. */
let people: (EmployeeTable & { token: string })[];

beforeAll(async () => {
  lectern = await startLiveLectern();
  const others = lectern.employees.filter((e) => e.status === 'active' && e.erecno !== lectern.adminErecno);
  people = await Promise.all(others.map(async (e) => ({ ...e, token: await lectern.token(['ALL'], e.erecno) })));
});
afterAll(() => lectern.close());

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const json = { 'content-type': 'application/json' };
/** Plain employees (no LMS role), so that only a share or a suggestion lets them see a drafted course. */
const plainPeople = () =>
  people.filter((p) => !p.is_admin && !p.is_trainer && !p.is_settings_admin && !p.is_data_admin);
const person = (e: EmployeeTable) => ({
  erecno: e.erecno,
  displayName: e.display_name,
  employeeId: e.employee_id,
  emailId: e.email_id,
  displayPictureURL: `http://lectern.test/lectern/v1/employees/${e.erecno}/photo`,
});
let courseCount = 0;

async function createCourse(publish = false): Promise<string> {
  const courseData = encodeURIComponent(JSON.stringify({ name: `Shared course ${++courseCount}`, type: 1 }));
  const created = await inject('POST', `/api/v1/courses?courseData=${courseData}`, lectern.adminToken);
  const courseId: string = created.json().course.courseId;
  if (publish) {
    await addMandatoryLink(lectern, { courseId });
    const published = await inject('POST', `/api/v1/courses/${courseId}/publish`, lectern.adminToken);
    expect(published.statusCode, published.body).toBe(200);
  }
  return courseId;
}

/** Shares as the admin, erecnosList in the query as the old sample writes it. */
const share = (courseId: string, erecnos: string[]) =>
  inject('PUT', `/api/v1/courses/${courseId}/share?erecnosList=[${erecnos.join(',')}]`, lectern.adminToken);

function inject(method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, token: string | null, body?: [string, object]) {
  return lectern.app.inject({
    method,
    url,
    headers: { ...(token === null ? {} : lectern.auth(token)), ...body?.[1] },
    ...(body === undefined ? {} : { payload: body[0] }),
  });
}

/** Over the socket, URL and body exactly as written: where the wire matters (raw brackets, bodies on DELETE). */
async function wire(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${lectern.baseUrl}${path}`, {
    method,
    headers: { ...lectern.auth(lectern.adminToken), ...headers },
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, body: await response.text() };
}

async function sharedErecnos(courseId: string, startIndex = 0) {
  const url = `/api/v1/courses/${courseId}/share?startIndex=${startIndex}`;
  const response = await inject('GET', url, lectern.adminToken);
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json();
  return { erecnos: body.sharedUsers.map((u: { erecno: string }) => u.erecno), hasMoreRecords: body.hasMoreRecords };
}

describe('share', () => {
  it('takes erecnosList in the query as unquoted 18-digit numbers and keeps every digit', async () => {
    const courseId = await createCourse();
    const [a, b] = plainPeople();
    const url = `/api/v1/courses/${courseId}/share?erecnosList=[${a!.erecno},${b!.erecno}]`;
    const response = await wire('PUT', url);
    expect(response.status, response.body).toBe(200);
    expect(response.body).toBe(
      JSON.stringify({ sharedUsers: [person(a!), person(b!)], code: '200', message: 'success' }),
    );
  });

  it("takes a form body erecnosList=%5B...%5D as Zoho's newer sample sends it", async () => {
    const courseId = await createCourse();
    const [a] = plainPeople();
    const response = await wire('PUT', `/api/v1/courses/${courseId}/share`, `erecnosList=%5B${a!.erecno}%5D`, form);
    expect(response.status, response.body).toBe(200);
    expect(JSON.parse(response.body).sharedUsers).toEqual([person(a!)]);
  });

  it('takes a JSON body of strings, and of unquoted numbers', async () => {
    const courseId = await createCourse();
    const [a, b] = plainPeople();
    const strings = await inject('PUT', `/api/v1/courses/${courseId}/share`, lectern.adminToken, [
      JSON.stringify({ erecnosList: [a!.erecno] }),
      json,
    ]);
    expect(strings.json().sharedUsers).toEqual([person(a!)]);
    const numbers = await inject('PUT', `/api/v1/courses/${courseId}/share`, lectern.adminToken, [
      `{"erecnosList":[${b!.erecno}]}`,
      json,
    ]);
    expect(numbers.json().sharedUsers).toEqual([person(b!)]);
    expect((await sharedErecnos(courseId)).erecnos).toEqual([a!.erecno, b!.erecno]);
  });

  it('does not duplicate a share made twice', async () => {
    const courseId = await createCourse();
    const [a] = plainPeople();
    for (let i = 0; i < 2; i++) {
      expect((await share(courseId, [a!.erecno])).json().sharedUsers).toEqual([person(a!)]);
    }
    expect(await sharedErecnos(courseId)).toEqual({ erecnos: [a!.erecno], hasMoreRecords: false });
  });

  it('lets the shared employee see the drafted course, and only them', async () => {
    const courseId = await createCourse();
    const [a, b] = plainPeople();
    expect((await inject('GET', `/api/v1/courses/${courseId}`, a!.token)).statusCode).toBe(403);
    await share(courseId, [a!.erecno]);
    const seen = await inject('GET', `/api/v1/courses/${courseId}`, a!.token);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().course).toMatchObject({ isSharedCourse: true, currentUserRole: { sharedUser: true } });
    expect((await inject('GET', `/api/v1/courses/${courseId}`, b!.token)).statusCode).toBe(403);
    const list = (token: string) => inject('GET', '/api/v1/courses?sharedToMe=true', token);
    const ids = async (token: string) =>
      (await list(token)).json().courses.map((c: { courseId: string }) => c.courseId);
    expect(await ids(a!.token)).toContain(courseId);
    const listed = (await list(a!.token)).json().courses as { isSharedCourse: boolean }[];
    expect(listed.every((course) => course.isSharedCourse)).toBe(true);
    expect(await ids(b!.token)).not.toContain(courseId);
    expect(await ids(lectern.adminToken)).not.toContain(courseId);
  });

  it.each([
    ['an unknown erecno', () => `[${people[0]!.erecno},100000000000000001]`, 'INVALID_INPUT'],
    [
      'an inactive employee',
      () => `[${lectern.employees.find((e) => e.status === 'inactive')!.erecno}]`,
      'INVALID_INPUT',
    ],
    ['an empty list', () => '[]', 'INVALID_INPUT'],
    ['a non-numeric item', () => '[abc]', 'INVALID_INPUT'],
    ['nothing', () => '', 'INPUT_PARAMETER_MISSING'],
  ])('refuses %s with 400 naming erecnosList and shares with nobody', async (_name, list, code) => {
    const courseId = await createCourse();
    const response = await inject('PUT', `/api/v1/courses/${courseId}/share?erecnosList=${list()}`, lectern.adminToken);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code, parameter: 'erecnosList' });
    expect((await sharedErecnos(courseId)).erecnos).toEqual([]);
  });

  it('refuses more than 1000 ids with a 400, not a server error', async () => {
    // 40000 ids fit the 1 MB body limit and once overran SQLite's bound-variable limit (a 500).
    const erecnosList = Array.from({ length: 40_000 }, (_, i) => String(100000000000000000n + BigInt(i)));
    const body: [string, object] = [JSON.stringify({ erecnosList }), json];
    const response = await inject('PUT', `/api/v1/courses/${await createCourse()}/share`, lectern.adminToken, body);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'erecnosList' });
  });

  it('is for the course managers only', async () => {
    const courseId = await createCourse(true);
    const url = `/api/v1/courses/${courseId}/share?erecnosList=[${people[0]!.erecno}]`;
    expect((await inject('PUT', url, null)).statusCode).toBe(401);
    expect((await inject('PUT', url, await lectern.token(['READ']))).statusCode).toBe(403);
    expect((await inject('PUT', url, plainPeople()[0]!.token)).statusCode).toBe(403);
    expect((await inject('PUT', url, (await lectern.otherPortal()).token)).statusCode).toBe(404);
    expect((await inject('PUT', url.replace(courseId, 'abc'), lectern.adminToken)).json().parameter).toBe('courseId');
  });
});

describe('shared users list', () => {
  it('pages by 25 with hasMoreRecords and startIndex', async () => {
    // The demo portal has 19 active people: add some so that a share spans two pages.
    const extra: EmployeeTable[] = Array.from({ length: 8 }, (_, i) => {
      const erecno = lectern.app.lectern.ids.next();
      return {
        ...lectern.employees.find((e) => e.erecno === people[4]!.erecno)!,
        erecno,
        employee_id: String(100 + i),
        display_name: `Extra Person ${i}`,
        email_id: `extra${i}@lectern.test`,
        manager_erecno: null,
      };
    });
    await lectern.app.lectern.db.insertInto('employees').values(extra).execute();
    const everyone = [...people.map((p) => p.erecno), ...extra.map((e) => e.erecno)];
    expect(everyone.length).toBeGreaterThan(25);
    const courseId = await createCourse();
    const shared = await inject('PUT', `/api/v1/courses/${courseId}/share`, lectern.adminToken, [
      JSON.stringify({ erecnosList: everyone }),
      json,
    ]);
    expect(shared.json().sharedUsers).toHaveLength(everyone.length);
    const first = await inject('GET', `/api/v1/courses/${courseId}/share`, lectern.adminToken);
    expect(Object.keys(first.json())).toEqual(['sharedUsers', 'code', 'message', 'hasMoreRecords']);
    expect(await sharedErecnos(courseId)).toEqual({ erecnos: everyone.slice(0, 25), hasMoreRecords: true });
    expect(await sharedErecnos(courseId, 25)).toEqual({ erecnos: everyone.slice(25), hasMoreRecords: false });
    expect(await sharedErecnos(courseId, 5)).toEqual({ erecnos: everyone.slice(5, 30), hasMoreRecords: false });
    expect(await sharedErecnos(courseId, 100)).toEqual({ erecnos: [], hasMoreRecords: false });
  });

  it('refuses a bad startIndex', async () => {
    const courseId = await createCourse();
    const response = await inject('GET', `/api/v1/courses/${courseId}/share?startIndex=-1`, lectern.adminToken);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'startIndex' });
  });
});

describe('remove shared user', () => {
  it("reads sharedUserErecno from a form body on DELETE (Zoho's sample) and from the query", async () => {
    const courseId = await createCourse();
    const [a, b, c] = plainPeople();
    await share(courseId, [a!.erecno, b!.erecno, c!.erecno]);
    const path = `/api/v1/courses/${courseId}/share`;
    const byForm = await wire('DELETE', path, `sharedUserErecno=${a!.erecno}`, form);
    expect(byForm.status, byForm.body).toBe(200);
    expect(byForm.body).toBe('{"code":"200","message":"success"}');
    const byQuery = await wire('DELETE', `${path}?sharedUserErecno=${b!.erecno}`);
    expect(byQuery.status, byQuery.body).toBe(200);
    expect((await sharedErecnos(courseId)).erecnos).toEqual([c!.erecno]);
    expect((await inject('GET', `/api/v1/courses/${courseId}`, a!.token)).statusCode).toBe(403);
  });

  it('answers 404 for someone not shared, 400 for a missing or bad sharedUserErecno', async () => {
    const courseId = await createCourse();
    const url = `/api/v1/courses/${courseId}/share`;
    const notShared = await inject('DELETE', `${url}?sharedUserErecno=${people[0]!.erecno}`, lectern.adminToken);
    expect(notShared.statusCode).toBe(404);
    expect(notShared.json()).toMatchObject({ code: '404', parameter: 'sharedUserErecno' });
    const missing = await inject('DELETE', url, lectern.adminToken);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'INPUT_PARAMETER_MISSING', parameter: 'sharedUserErecno' });
    const bad = await inject('DELETE', `${url}?sharedUserErecno=abc`, lectern.adminToken);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'sharedUserErecno' });
    const readOnly = await inject(
      'DELETE',
      `${url}?sharedUserErecno=${people[0]!.erecno}`,
      await lectern.token(['READ']),
    );
    expect(readOnly.statusCode).toBe(403);
  });
});

describe('suggest', () => {
  it('refuses to suggest a course before it is published', async () => {
    const courseId = await createCourse();
    const response = await inject(
      'POST',
      `/api/v1/courses/${courseId}/suggest?erecnosList=[${people[0]!.erecno}]`,
      lectern.adminToken,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('UNABLE_TO_SUGGEST_COURSE_BEFORE_PUBLISH');
  });

  it('suggests a published course; the count, the course and the list show it to that employee only', async () => {
    const courseId = await createCourse(true);
    const [suggester, target, bystander] = plainPeople().slice(-3);
    const count = async (token: string) =>
      (await inject('GET', '/api/v1/stats/courses/counts/suggestedToMe', token)).body;
    expect(await count(target!.token)).toBe('{"code":"200","message":"success","count":0}');
    // Anyone who can see a published course may suggest it.
    const response = await inject('POST', `/api/v1/courses/${courseId}/suggest`, suggester!.token, [
      `erecnosList=%5B${target!.erecno}%5D`,
      form,
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toBe(JSON.stringify({ suggestedUsers: [person(target!)], code: '200', message: 'success' }));
    expect(await count(target!.token)).toBe('{"code":"200","message":"success","count":1}');
    expect(await count(bystander!.token)).toBe('{"code":"200","message":"success","count":0}');
    const view = (token: string) => inject('GET', `/api/v1/courses/${courseId}`, token);
    expect((await view(target!.token)).json().course.isSuggestedCourse).toBe(true);
    expect((await view(bystander!.token)).json().course.isSuggestedCourse).toBe(false);
    const list = (token: string) => inject('GET', '/api/v1/courses?suggestedToMe=true', token);
    expect((await list(target!.token)).json().courses.map((c: { courseId: string }) => c.courseId)).toEqual([courseId]);
    expect((await list(bystander!.token)).json().courses).toEqual([]);
  });
});

describe('course settings', () => {
  it('answers the permission settings and empty activity lists', async () => {
    const courseId = await createCourse();
    const response = await inject('GET', `/api/v1/courses/${courseId}/settings`, lectern.adminToken);
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(
      JSON.stringify({
        code: '200',
        settings: {
          courseId,
          permissionSettings: {
            whoCanEnroll: ['admin', 'courseAdmin', 'learner'],
            whoCanUnenroll: ['admin', 'courseAdmin', 'learner'],
            whenAnEntityIsConsideredAsCompleted: '1',
            whenACourseIsConsideredAsCompleted: '2',
            whenAModuleIsConsideredAsCompleted: '1',
          },
          preCourseActivities: { onlineTests: [] },
          postCourseActivities: { onlineTests: [] },
        },
        message: 'success',
      }),
    );
    expect((await inject('GET', `/api/v1/courses/${courseId}/settings`, plainPeople()[0]!.token)).statusCode).toBe(403);
  });
});
