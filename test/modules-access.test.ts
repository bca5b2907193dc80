/** Module API: authentication, scopes, roles, unknown and foreign ids, path ids, and the family rule. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import {
  createCourse,
  insertCourseMember,
  jsonType,
  type Person,
  personNamed,
  publishCourse,
} from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let plain: Person;
let courseAdmin: Person;
let trainer: Person;

/** One family's parent with a module in it. */
interface Fixture {
  courseId: string;
  batchId: string | null;
  moduleId: string;
  /** The modules URL of the parent. */
  url: string;
}
const fixtures: Record<string, Fixture> = {};

async function addModule(url: string, token = lectern.adminToken): Promise<string> {
  const response = await lectern.app.inject({
    method: 'POST',
    url,
    headers: { ...lectern.auth(token), ...jsonType },
    payload: '{"name":"Access module"}',
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().module.moduleId;
}

beforeAll(async () => {
  lectern = await createTestLectern();
  plain = await personNamed(lectern, 'Julia Moreau');
  courseAdmin = await personNamed(lectern, 'Ivan Petrov');
  trainer = await personNamed(lectern, 'Beatriz Santos');
  const selfPaced = (await createCourse(lectern, lectern.adminToken, { courseAdmins: [courseAdmin.erecno] })).courseId;
  await publishCourse(lectern, selfPaced, lectern.adminToken);
  const blended = await createBlendedCourse(lectern);
  // Blended courses are published per batch; the course row is marked published here so that visibility, not the
  // Batch API, is what these tests exercise.
  await lectern.app.lectern.db.updateTable('courses').set({ status: 1 }).where('id', '=', blended).execute();
  await insertCourseMember(lectern, blended, courseAdmin.erecno);
  const batchId = await insertBatch(lectern, blended, {
    startDate: '2026-03-01',
    endDate: '2026-03-31',
    publishStatus: 'published',
  });
  for (const [name, courseId, batch] of [
    ['self-paced', selfPaced, null],
    ['blended', blended, batchId],
  ] as const) {
    const url =
      batch === null ? `/api/v1/courses/${courseId}/modules` : `/api/v1/courses/${courseId}/batches/${batch}/modules`;
    fixtures[name] = { courseId, batchId: batch, url, moduleId: await addModule(url) };
  }
});
afterAll(() => lectern.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/** Every module endpoint, `:m` standing for the module id. */
const endpoints: [name: string, method: Method, path: string][] = [
  ['create', 'POST', ''],
  ['list', 'GET', ''],
  ['fetch one', 'GET', '/:m'],
  ['update', 'PATCH', '/:m'],
  ['delete', 'DELETE', '/:m'],
];
const cases = ['self-paced', 'blended'].flatMap((family) =>
  endpoints.map(([name, method, path]) => [family, name, method, path] as const),
);
const scopeOf: Record<Method, string> = { GET: 'READ', POST: 'CREATE', PATCH: 'UPDATE', DELETE: 'DELETE' };

/** Calls an endpoint; by default on a throwaway module for deletes so fixtures survive. */
function call(method: Method, url: string, token: string | null) {
  const writes = method === 'POST' || method === 'PATCH';
  return lectern.app.inject({
    method,
    url,
    headers: { ...(token === null ? {} : lectern.auth(token)), ...(writes ? jsonType : {}) },
    ...(writes ? { payload: '{"name":"Should not land"}' } : {}),
  });
}

async function moduleNames(url: string): Promise<string[]> {
  const response = await lectern.app.inject({ url, headers: lectern.auth(lectern.adminToken) });
  return response.json().modules.map((item: { moduleName: string }) => item.moduleName);
}

describe.each(cases)('%s %s', (family, _name, method, path) => {
  const target = async () => {
    const fixture = fixtures[family]!;
    // Deletes and updates act on a fresh module, so that one test's success does not change another's fixture.
    const moduleId = method === 'GET' ? fixture.moduleId : await addModule(fixture.url);
    return { fixture, url: `${fixture.url}${path.replace(':m', moduleId)}` };
  };

  it('answers 401 without a token', async () => {
    const { url } = await target();
    const response = await call(method, url, null);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: '7202' });
  });

  it('answers 403 to a token without its scope and writes nothing', async () => {
    const { fixture, url } = await target();
    const before = await moduleNames(fixture.url);
    const response = await call(method, url, await lectern.token([method === 'GET' ? 'CREATE' : 'READ']));
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toContain(`ZOHOPEOPLE.training.${scopeOf[method]}`);
    expect(await moduleNames(fixture.url)).toEqual(before);
  });

  it('works with a token of just its own scope, and with ALL for a course admin', async () => {
    const { url } = await target();
    expect((await call(method, url, await lectern.token([scopeOf[method]]))).statusCode).toBe(200);
    const { url: again } = await target();
    const response = await call(method, again, courseAdmin.token);
    expect(response.statusCode, response.body).toBe(200);
  });

  it('lets a plain employee or a trainer of another course read a published course but not write', async () => {
    const { fixture, url } = await target();
    const before = await moduleNames(fixture.url);
    for (const person of [plain, trainer]) {
      const response = await call(method, url, person.token);
      if (method === 'GET') expect(response.statusCode, response.body).toBe(200);
      else {
        expect(response.statusCode).toBe(403);
        expect(response.json().message).toMatch(/^Sorry! You are not authorized to do this operation/);
      }
    }
    expect(await moduleNames(fixture.url)).toEqual(before);
  });

  it('answers 404 for an unknown course, an unknown batch, an unknown module, and another portal', async () => {
    const { fixture, url } = await target();
    const unknown = '123456789012345678';
    const urls = [url.replace(fixture.courseId, unknown)];
    if (fixture.batchId !== null) urls.push(url.replace(fixture.batchId, unknown));
    if (path !== '') urls.push(`${fixture.url}/${unknown}`);
    for (const wrong of urls) {
      const response = await call(method, wrong, lectern.adminToken);
      expect(response.statusCode, wrong).toBe(404);
    }
    const other = await lectern.otherPortal();
    expect((await call(method, url, other.token)).statusCode).toBe(404);
  });

  it('answers 400 naming a non-numeric id', async () => {
    const { fixture, url } = await target();
    const names: [string, string][] = [['courseId', fixture.courseId]];
    if (fixture.batchId !== null) names.push(['batchId', fixture.batchId]);
    if (path !== '') names.push(['moduleId', url.split('/').pop()!]);
    for (const [parameter, id] of names) {
      const response = await call(method, url.replace(id, 'abc'), lectern.adminToken);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter });
    }
  });

  it('refuses the other family for this course type with 400 UNSUPPORTED_OPERATION naming the rule', async () => {
    const { fixture } = await target();
    const suffix = path.replace(':m', fixture.moduleId);
    const wrong =
      fixture.batchId === null
        ? `/api/v1/courses/${fixture.courseId}/batches/123456789012345678/modules${suffix}`
        : `/api/v1/courses/${fixture.courseId}/modules${suffix}`;
    const response = await call(method, wrong, lectern.adminToken);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('UNSUPPORTED_OPERATION');
    expect(response.json().message).toMatch(fixture.batchId === null ? /not a blended learning course/ : /blended/);
    expect(response.json().message).toContain(
      fixture.batchId === null ? `/api/v1/courses/${fixture.courseId}/modules` : '/batches/{batchId}/modules',
    );
  });
});

describe('modules are found only under their own parent', () => {
  it('answers 404 for a module addressed through another course or another batch', async () => {
    const blended = fixtures.blended!;
    const otherBatch = await insertBatch(lectern, blended.courseId, { startDate: '2026-04-01', endDate: '2026-04-30' });
    const viaOtherBatch = `/api/v1/courses/${blended.courseId}/batches/${otherBatch}/modules/${blended.moduleId}`;
    const otherCourse = (await createCourse(lectern, lectern.adminToken)).courseId;
    const viaOtherCourse = `/api/v1/courses/${otherCourse}/modules/${fixtures['self-paced']!.moduleId}`;
    const otherBlended = await createBlendedCourse(lectern);
    const batchOfOther = `/api/v1/courses/${otherBlended}/batches/${blended.batchId}/modules/${blended.moduleId}`;
    for (const url of [viaOtherBatch, viaOtherCourse, batchOfOther]) {
      for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
        expect((await call(method, url, lectern.adminToken)).statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect(
      (
        await lectern.app.inject({
          url: `${blended.url}/${blended.moduleId}`,
          headers: lectern.auth(lectern.adminToken),
        })
      ).statusCode,
    ).toBe(200);
  });

  it("answers 404 for another portal's module through our course", async () => {
    const other = await lectern.otherPortal();
    const theirs = await lectern.app.inject({
      method: 'POST',
      url: '/api/v1/courses',
      headers: { ...lectern.auth(other.token), ...jsonType },
      payload: '{"name":"Theirs","type":1}',
    });
    const theirCourse = theirs.json().course.courseId;
    const theirModule = await addModule(`/api/v1/courses/${theirCourse}/modules`, other.token);
    const ours = fixtures['self-paced']!;
    expect((await call('GET', `${ours.url}/${theirModule}`, lectern.adminToken)).statusCode).toBe(404);
    expect(
      (await call('GET', `/api/v1/courses/${theirCourse}/modules/${theirModule}`, lectern.adminToken)).statusCode,
    ).toBe(404);
  });
});

describe('an unpublished batch', () => {
  it('hides its modules from a plain employee (403), as the batch itself is hidden, and shows them to managers', async () => {
    const blended = fixtures.blended!;
    const draft = await insertBatch(lectern, blended.courseId, { startDate: '2026-05-01', endDate: '2026-05-31' });
    const url = `/api/v1/courses/${blended.courseId}/batches/${draft}/modules`;
    const moduleId = await addModule(url);
    for (const target of [url, `${url}/${moduleId}`]) {
      expect((await call('GET', target, plain.token)).statusCode).toBe(403);
      expect((await call('GET', target, courseAdmin.token)).statusCode).toBe(200);
    }
  });
});

describe('a drafted course', () => {
  it('hides its modules from a plain employee (403) and shows them to its managers', async () => {
    const drafted = (await createCourse(lectern, lectern.adminToken, { courseAdmins: [courseAdmin.erecno] })).courseId;
    const url = `/api/v1/courses/${drafted}/modules`;
    const moduleId = await addModule(url);
    for (const target of [url, `${url}/${moduleId}`]) {
      expect((await call('GET', target, plain.token)).statusCode).toBe(403);
      expect((await call('GET', target, courseAdmin.token)).statusCode).toBe(200);
    }
  });
});
