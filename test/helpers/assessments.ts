/**
 * Fixtures and calls shared by the offline test, online test, assignment and pre/post-course test tests: a published
 * self-paced course and a blended course with a published batch, each with a module and a course admin; data objects
 * sent every documented way; and one access matrix run against any kind's endpoints in both families.
 */
import { describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from './blended.ts';
import { createCourse, formType, insertCourseMember, jsonType, type Person, personNamed } from './courses.ts';
import { seatLearners } from './enrolments.ts';
import type { TestLectern } from './test-app.ts';

/** One family's parent with a module in it. */
export interface Family {
  name: 'self-paced' | 'blended';
  courseId: string;
  batchId: string | null;
  moduleId: string;
  /** `/api/v1/courses/{c}[/batches/{b}]` */
  parentUrl: string;
  /** `<parentUrl>/modules/{m}` */
  moduleUrl: string;
}

/** What every assessment test file starts from. */
export interface AssessmentWorld {
  families: Family[];
  /** A plain employee (no role on the courses). */
  plain: Person;
  /** A course admin of both courses. */
  courseAdmin: Person;
  /** The portal's grade categories by name (Assessment, Quiz, Project). */
  grades: Record<string, string>;
  /** A course category id (not a grade category). */
  courseCategory: string;
}

async function addModule(lectern: TestLectern, parentUrl: string): Promise<string> {
  const response = await lectern.app.inject({
    method: 'POST',
    url: `${parentUrl}/modules`,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: '{"name":"Assessment module"}',
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().module.moduleId;
}

/** Adds another module to a family's parent (for tests that must not disturb the shared one). */
export async function addFamilyModule(lectern: TestLectern, family: Family): Promise<Family> {
  const moduleId = await addModule(lectern, family.parentUrl);
  return { ...family, moduleId, moduleUrl: `${family.parentUrl}/modules/${moduleId}` };
}

/** Two published courses (self-paced; blended with a published batch), a module in each, and the people. */
export async function setUpWorld(lectern: TestLectern): Promise<AssessmentWorld> {
  const plain = await personNamed(lectern, 'Julia Moreau');
  const courseAdmin = await personNamed(lectern, 'Ivan Petrov');
  const selfPaced = (await createCourse(lectern, lectern.adminToken, { courseAdmins: [courseAdmin.erecno] })).courseId;
  const blended = await createBlendedCourse(lectern);
  const db = lectern.app.lectern.db;
  // Published straight in the table, so that visibility, not the publish rules, is what these tests exercise.
  await db.updateTable('courses').set({ status: 1 }).where('id', 'in', [selfPaced, blended]).execute();
  await insertCourseMember(lectern, blended, courseAdmin.erecno);
  const batchId = await insertBatch(lectern, blended, {
    startDate: '2026-03-01',
    endDate: '2026-03-31',
    publishStatus: 'published',
  });
  const families: Family[] = [];
  for (const [name, courseId, batch] of [
    ['self-paced', selfPaced, null],
    ['blended', blended, batchId],
  ] as const) {
    const parentUrl = batch === null ? `/api/v1/courses/${courseId}` : `/api/v1/courses/${courseId}/batches/${batch}`;
    const moduleId = await addModule(lectern, parentUrl);
    families.push({
      name,
      courseId,
      batchId: batch,
      moduleId,
      parentUrl,
      moduleUrl: `${parentUrl}/modules/${moduleId}`,
    });
  }
  const categories = await db
    .selectFrom('categories')
    .select(['id', 'name', 'kind'])
    .where('portal_id', '=', lectern.portalId)
    .execute();
  const grades = Object.fromEntries(categories.filter((row) => row.kind === 'grade').map((row) => [row.name, row.id]));
  const courseCategory = categories.find((row) => row.kind === 'course')!.id;
  return { families, plain, courseAdmin, grades, courseCategory };
}

/** The ways a data object can travel (see docs/compatibility.md, Requests). */
export type DataForm = 'query' | 'form field' | 'bare JSON body' | 'wrapped JSON body';

/** Sends a data object (as JSON text, so bare 18-digit numbers stay exact) in one form; the raw response. */
export function sendData(
  lectern: TestLectern,
  request: {
    method: 'POST' | 'PATCH';
    url: string;
    dataName: string;
    data: Record<string, unknown> | string;
    token?: string;
    form?: DataForm;
  },
) {
  const text = typeof request.data === 'string' ? request.data : JSON.stringify(request.data);
  const auth = lectern.auth(request.token ?? lectern.adminToken);
  const form = request.form ?? 'bare JSON body';
  if (form === 'query') {
    return lectern.app.inject({
      method: request.method,
      url: `${request.url}?${request.dataName}=${encodeURIComponent(text)}`,
      headers: auth,
    });
  }
  const payload =
    form === 'form field'
      ? `${request.dataName}=${encodeURIComponent(text)}`
      : form === 'wrapped JSON body'
        ? `{"${request.dataName}":${text}}`
        : text;
  return lectern.app.inject({
    method: request.method,
    url: request.url,
    headers: { ...auth, ...(form === 'form field' ? formType : jsonType) },
    payload,
  });
}

/** Creates an item through the API and answers its object (`key` is the response key: offlineTest, ...). */
export async function createItem(
  lectern: TestLectern,
  url: string,
  dataName: string,
  key: string,
  data: Record<string, unknown>,
): Promise<Record<string, any>> {
  const response = await sendData(lectern, { method: 'POST', url, dataName, data });
  expect(response.statusCode, response.body).toBe(200);
  return response.json()[key];
}

/** GET with the admin's token (or another); the raw response. */
export function fetch(lectern: TestLectern, url: string, token = lectern.adminToken) {
  return lectern.app.inject({ url, headers: lectern.auth(token) });
}

/** How many module entities of a type the whole store holds, to show that a refused write wrote nothing. */
export async function countEntities(lectern: TestLectern, entityType: number): Promise<number> {
  const row = await lectern.app.lectern.db
    .selectFrom('module_entities')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('entity_type', '=', entityType)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Expects a 400 with a code and the parameter it names. */
export function expectRefusal(
  response: { statusCode: number; body: string; json(): any },
  parameter: string,
  code = 'INVALID_INPUT',
) {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.json(), response.body).toMatchObject({ code, parameter });
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const scopeOf: Record<Method, string> = { GET: 'READ', POST: 'CREATE', PATCH: 'UPDATE', DELETE: 'DELETE' };

/** What the access matrix needs to know about a kind. */
export interface AccessKind {
  plural: string;
  dataName: string;
  /** A valid create body for a family. */
  validData(family: Family): Record<string, unknown>;
  /** The item's id key in its object: offlineTestId, ... */
  idKey: string;
  singular: string;
  /** Whether the kind has updateMarks. */
  marks: boolean;
  /** Extra endpoints of the kind ([name, method, path under the module with :id]). */
  extra?: [string, Method, string][];
}

/**
 * The access matrix for every endpoint of a kind, in both families: 401 without a token, 403 for a token without
 * the scope and for a plain employee's writes, 200 for a course admin, 404 for unknown or foreign ids, 400 naming a
 * non-numeric id. `world` is read lazily (beforeAll fills it).
 */
export function describeAccess(getLectern: () => TestLectern, getWorld: () => AssessmentWorld, kind: AccessKind) {
  const endpoints: [string, Method, string][] = [
    ['create', 'POST', ''],
    ['module list', 'GET', ''],
    ['fetch one', 'GET', '/:id'],
    ['update', 'PATCH', '/:id'],
    ['delete', 'DELETE', '/:id'],
    ['course or batch list', 'GET', '^'],
    ...(kind.marks ? ([['update marks', 'POST', '/:id/updateMarks']] as [string, Method, string][]) : []),
    ...(kind.extra ?? []),
  ];
  const cases = (['self-paced', 'blended'] as const).flatMap((family) =>
    endpoints.map(([name, method, path]) => [family, name, method, path] as const),
  );
  describe.each(cases)('%s %s', (familyName, name, method, path) => {
    /** A fresh module and item per test, so one test's delete or update does not change another's. */
    const target = async () => {
      const lectern = getLectern();
      const base = getWorld().families.find((family) => family.name === familyName)!;
      const family = await addFamilyModule(lectern, base);
      const listUrl = `${family.moduleUrl}/${kind.plural}`;
      const item = await createItem(lectern, listUrl, kind.dataName, kind.singular, kind.validData(family));
      const id = item[kind.idKey] as string;
      // Only enrolled learners may be marked: the plain employee is the learner the marks calls name.
      if (name === 'update marks') await seatLearners(lectern, family, [getWorld().plain.erecno]);
      // Zoho documents a course-wide list of offline tests only; the others are Lectern's, under /lectern/v1.
      const listPrefix =
        kind.plural === 'offlineTests' ? family.parentUrl : family.parentUrl.replace('/api/v1/', '/lectern/v1/');
      const url = path === '^' ? `${listPrefix}/${kind.plural}` : `${listUrl}${path.replace(':id', id)}`;
      return { family, id, url };
    };
    const call = (url: string, token: string | null, family: Family) => {
      const lectern = getLectern();
      const headers = token === null ? {} : lectern.auth(token);
      if (method === 'GET' || method === 'DELETE') return lectern.app.inject({ method, url, headers });
      const data =
        name === 'update marks' ? { learnerErecno: getWorld().plain.erecno, marks: 1 } : kind.validData(family);
      return lectern.app.inject({ method, url, headers: { ...headers, ...jsonType }, payload: JSON.stringify(data) });
    };

    it('answers 401 without a token', async () => {
      const { url, family } = await target();
      const response = await call(url, null, family);
      expect(response.statusCode).toBe(401);
    });

    it('answers 403 to a token without its scope, and 200 to one with just its scope', async () => {
      const lectern = getLectern();
      const { url, family } = await target();
      const wrong = await call(url, await lectern.token([method === 'GET' ? 'CREATE' : 'READ']), family);
      expect(wrong.statusCode).toBe(403);
      const scope = name === 'update marks' ? 'CREATE' : scopeOf[method];
      expect(wrong.json().message).toContain(`ZOHOPEOPLE.training.${scope}`);
      const right = await call(url, await lectern.token([scope]), family);
      expect(right.statusCode, right.body).toBe(200);
    });

    it('lets a course admin in, and a plain employee only read', async () => {
      const { url, family } = await target();
      const world = getWorld();
      const plain = await call(url, world.plain.token, family);
      if (method === 'GET') expect(plain.statusCode, plain.body).toBe(200);
      else expect(plain.statusCode, plain.body).toBe(403);
      const admin = await call(url, world.courseAdmin.token, family);
      expect(admin.statusCode, admin.body).toBe(200);
    });

    it('answers 404 for unknown ids and for another portal', async () => {
      const lectern = getLectern();
      const { url, id, family } = await target();
      const unknown = '123456789012345678';
      const wrongs = [url.replace(family.courseId, unknown)];
      if (family.batchId !== null) wrongs.push(url.replace(family.batchId, unknown));
      if (path !== '^') wrongs.push(url.replace(family.moduleId, unknown));
      if (path.includes(':id')) wrongs.push(url.replace(id, unknown));
      for (const wrong of wrongs) {
        const response = await call(wrong, lectern.adminToken, family);
        expect(response.statusCode, wrong).toBe(404);
      }
      const other = await lectern.otherPortal();
      expect((await call(url, other.token, family)).statusCode).toBe(404);
    });

    it('answers 400 naming a non-numeric id', async () => {
      const lectern = getLectern();
      const { url, id, family } = await target();
      const names: [string, string][] = [['courseId', family.courseId]];
      if (family.batchId !== null) names.push(['batchId', family.batchId]);
      if (path !== '^') names.push(['moduleId', family.moduleId]);
      if (path.includes(':id')) names.push([kind.idKey, id]);
      for (const [parameter, value] of names) {
        const response = await call(url.replace(value, 'abc'), lectern.adminToken, family);
        expect(response.statusCode, `${parameter}: ${response.body}`).toBe(400);
        expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter });
      }
    });
  });
}
