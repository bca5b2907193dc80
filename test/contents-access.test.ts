/**
 * Content access on every endpoint, Zoho's reads and Lectern's writes: tokens, scopes, roles, unknown and foreign ids,
 * path ids, and the family rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBatch } from './helpers/blended.ts';
import { addContent } from './helpers/content.ts';
import { createCourse, jsonType, type Person, personNamed, publishCourse } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let plain: Person;
let courseAdmin: Person;

interface Fixture {
  courseId: string;
  batchId: string | null;
  moduleId: string;
  contentId: string;
  /** `/courses/{c}[/batches/{b}]`, under /api/v1 for reads and /lectern/v1 for writes. */
  tail: string;
}
const fixtures: Record<string, Fixture> = {};

beforeAll(async () => {
  lectern = await createTestLectern();
  plain = await personNamed(lectern, 'Julia Moreau');
  courseAdmin = await personNamed(lectern, 'Ivan Petrov');
  const selfPaced = (await createCourse(lectern, lectern.adminToken, { courseAdmins: [courseAdmin.erecno] })).courseId;
  await publishCourse(lectern, selfPaced, lectern.adminToken);
  const blended = (await createCourse(lectern, lectern.adminToken, { type: 2, courseAdmins: [courseAdmin.erecno] }))
    .courseId;
  // The course row is marked published (blended courses publish per batch) so that visibility is what is tested.
  await lectern.app.lectern.db.updateTable('courses').set({ status: 1 }).where('id', '=', blended).execute();
  const batchId = await insertBatch(lectern, blended, {
    startDate: '2026-03-01',
    endDate: '2026-03-31',
    publishStatus: 'published',
  });
  for (const [name, courseId, batch] of [
    ['self-paced', selfPaced, null],
    ['blended', blended, batchId],
  ] as const) {
    const { moduleId, contentId } = await addContent(lectern, { courseId, batchId: batch });
    const tail = batch === null ? `/courses/${courseId}` : `/courses/${courseId}/batches/${batch}`;
    fixtures[name] = { courseId, batchId: batch, moduleId, contentId, tail };
  }
});
afterAll(() => lectern.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/** Every content endpoint: `:m` the module, `:l` the content; writes are Lectern's own, reads Zoho's. */
const endpoints: [name: string, method: Method, path: string][] = [
  ['create', 'POST', '/modules/:m/contents'],
  ['update', 'PATCH', '/modules/:m/contents/:l'],
  ['delete', 'DELETE', '/modules/:m/contents/:l'],
  ['fetch one', 'GET', '/modules/:m/contents/:l'],
  ['module list', 'GET', '/modules/:m/contents'],
  ['course or batch list', 'GET', '/contents'],
];
const prefixOf = (method: Method) => (method === 'GET' ? '/api/v1' : '/lectern/v1');
const scopeOf: Record<Method, string> = { GET: 'READ', POST: 'CREATE', PATCH: 'UPDATE', DELETE: 'DELETE' };
const cases = ['self-paced', 'blended'].flatMap((family) =>
  endpoints.map(([name, method, path]) => [family, name, method, path] as const),
);

function call(method: Method, url: string, token: string | null) {
  const writes = method === 'POST' || method === 'PATCH';
  return lectern.app.inject({
    method,
    url,
    headers: { ...(token === null ? {} : lectern.auth(token)), ...(writes ? jsonType : {}) },
    ...(writes ? { payload: '{"name":"Should not land","content":"<p>x</p>"}' } : {}),
  });
}

async function contentNames(fixture: Fixture): Promise<string[]> {
  const response = await call('GET', `/api/v1${fixture.tail}/modules/${fixture.moduleId}/contents`, lectern.adminToken);
  return response.json().contents.map((content: { contentName: string }) => content.contentName);
}

describe.each(cases)('%s %s', (family, _name, method, path) => {
  const fixture = () => fixtures[family]!;
  /** The endpoint's URL; writes act on a fresh content so the fixture survives. */
  const target = async (ids: { m?: string; l?: string; tail?: string } = {}) => {
    let contentId = ids.l ?? fixture().contentId;
    if (ids.l === undefined && (method === 'PATCH' || method === 'DELETE')) {
      contentId = (await addContent(lectern, { ...fixture(), moduleId: fixture().moduleId })).contentId;
    }
    const filled = path.replace(':m', ids.m ?? fixture().moduleId).replace(':l', contentId);
    return `${prefixOf(method)}${ids.tail ?? fixture().tail}${filled}`;
  };

  it('answers 401 without a token, and with an unknown one', async () => {
    const url = await target();
    expect((await call(method, url, null)).json()).toMatchObject({ code: '401' });
    expect((await call(method, url, 'not-a-token')).statusCode).toBe(401);
  });

  it('answers 403 to a token without its scope, and writes nothing', async () => {
    const url = await target();
    const before = await contentNames(fixture());
    const response = await call(method, url, await lectern.token([method === 'GET' ? 'CREATE' : 'READ']));
    expect(response.statusCode, response.body).toBe(403);
    expect(await contentNames(fixture())).toEqual(before);
  });

  it(`accepts a token with just ${scopeOf[method]}, held by a course admin`, async () => {
    const response = await call(method, await target(), await lectern.token([scopeOf[method]!], courseAdmin.erecno));
    expect(response.statusCode, response.body).toBe(200);
  });

  it(
    method === 'GET' ? 'lets a plain employee read a published course' : 'refuses a plain employee (403)',
    async () => {
      const url = await target();
      const before = await contentNames(fixture());
      const response = await call(method, url, plain.token);
      expect(response.statusCode, response.body).toBe(method === 'GET' ? 200 : 403);
      if (method === 'GET') {
        const body = response.json();
        const contents = body.contents ?? [body.content];
        // Only the course's managers may edit or delete.
        expect(contents.length).toBeGreaterThan(0);
        expect(contents.every((item: { canUserEdit: boolean }) => !item.canUserEdit)).toBe(true);
      } else {
        expect(response.json().message).toMatch(/^Sorry! You are not authorized to do this operation/);
        expect(await contentNames(fixture())).toEqual(before);
      }
    },
  );

  it('answers 404 for an unknown course, module and content, and for a content of another module', async () => {
    const unknown = '999999999999999999';
    const tail = fixture().tail.replace(fixture().courseId, unknown);
    expect((await call(method, await target({ tail }), lectern.adminToken)).statusCode).toBe(404);
    if (path.includes(':m')) {
      expect((await call(method, await target({ m: unknown }), lectern.adminToken)).statusCode).toBe(404);
    }
    if (path.includes(':l')) {
      expect((await call(method, await target({ l: unknown }), lectern.adminToken)).statusCode).toBe(404);
      const elsewhere = await addContent(lectern, { ...fixture(), moduleId: undefined });
      const response = await call(method, await target({ l: elsewhere.contentId }), lectern.adminToken);
      expect(response.statusCode, response.body).toBe(404);
      expect(response.json().message).toContain(elsewhere.contentId);
    }
  });

  it('answers 404 to another portal, in both directions', async () => {
    const other = await lectern.otherPortal();
    const response = await call(method, await target(), other.token);
    expect(response.statusCode, response.body).toBe(404);
    const foreignCourse = (await createCourse(lectern, other.token)).courseId;
    const tail = fixture().tail.replace(fixture().courseId, foreignCourse);
    expect((await call(method, await target({ tail }), lectern.adminToken)).statusCode).toBe(404);
  });

  it('answers 400 INVALID_INPUT naming a non-numeric path id', async () => {
    const names = ['courseId', ...(fixture().batchId === null ? [] : ['batchId'])];
    if (path.includes(':m')) names.push('moduleId');
    if (path.includes(':l')) names.push('contentId');
    for (const parameter of names) {
      // A 400 writes nothing, so the fixture's own content serves every method.
      const ids: Record<string, string | null> = { ...fixture() };
      const url = (await target({ l: fixture().contentId })).replace(`/${ids[parameter]}`, '/abc');
      const response = await call(method, url, lectern.adminToken);
      expect(response.statusCode, `${parameter}: ${response.body}`).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter });
    }
  });

  it('answers 400 UNSUPPORTED_OPERATION for the wrong family of the course type', async () => {
    const other = family === 'self-paced' ? fixtures.blended! : fixtures['self-paced']!;
    // A blended course's contents without a batch, or a self-paced course's contents under a batch.
    const tail =
      family === 'self-paced'
        ? `/courses/${other.courseId}`
        : `/courses/${other.courseId}/batches/${fixture().batchId}`;
    const ids = { tail, m: other.moduleId, l: other.contentId };
    const response = await call(method, await target(ids), lectern.adminToken);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toBe('UNSUPPORTED_OPERATION');
  });
});

it('hides a drafted course’s contents from a plain employee', async () => {
  const drafted = (await createCourse(lectern, lectern.adminToken)).courseId;
  const { moduleId, contentId } = await addContent(lectern, { courseId: drafted });
  for (const url of [
    `/api/v1/courses/${drafted}/contents`,
    `/api/v1/courses/${drafted}/modules/${moduleId}/contents`,
    `/api/v1/courses/${drafted}/modules/${moduleId}/contents/${contentId}`,
  ]) {
    expect((await call('GET', url, plain.token)).statusCode, url).toBe(403);
  }
});
