/**
 * The access matrix every module-entity API shares (links, contents): tokens, scopes, roles, unknown and foreign ids,
 * path ids and the family rule, on every endpoint, in both families. A test file names its kind and adds its own.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBatch } from './blended.ts';
import { createCourse, jsonType, type Person, personNamed, publishCourse } from './courses.ts';
import { createTestLectern, type TestLectern } from './test-app.ts';

/** Where one family's fixture entity lives. */
export interface EntityFixture {
  courseId: string;
  batchId: string | null;
  moduleId: string;
  entityId: string;
  /** `/courses/{c}[/batches/{b}]`, without the API prefix. */
  tail: string;
}

/** What the matrix needs to know of a kind. */
export interface EntityKindSpec {
  /** The path segment and list key (`links`). */
  plural: string;
  /** The single object's key (`link`). */
  singular: string;
  /** The path parameter of one entity (`linkId`). */
  idParameter: string;
  /** The name key of the object (`linkName`). */
  nameKey: string;
  /** A body a create or update accepts. */
  writePayload: Record<string, unknown>;
  /** Where writes live: Zoho's /api/v1, or Lectern's /lectern/v1 (contents). */
  writePrefix: '/api/v1' | '/lectern/v1';
  /** Adds an entity (in a new module when moduleId is absent) as the portal's admin. */
  add(
    lectern: TestLectern,
    target: { courseId: string; batchId: string | null; moduleId?: string },
  ): Promise<{ moduleId: string; entityId: string }>;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const scopeOf: Record<Method, string> = { GET: 'READ', POST: 'CREATE', PATCH: 'UPDATE', DELETE: 'DELETE' };

/** The world a matrix runs in, for the file's own tests. */
export interface EntityAccessWorld {
  lectern: TestLectern;
  plain: Person;
  courseAdmin: Person;
  fixtures: Record<'self-paced' | 'blended', EntityFixture>;
  call(method: Method, url: string, token: string | null): Promise<LightMyRequestResponse>;
}

/** Starts a Lectern with a self-paced and a blended fixture and runs the whole matrix for the kind. */
export function describeEntityAccess(spec: EntityKindSpec): () => EntityAccessWorld {
  const world = {} as EntityAccessWorld;
  beforeAll(async () => {
    const lectern = await createTestLectern();
    world.lectern = lectern;
    world.plain = await personNamed(lectern, 'Julia Moreau');
    world.courseAdmin = await personNamed(lectern, 'Ivan Petrov');
    world.call = (method, url, token) => {
      const writes = method === 'POST' || method === 'PATCH';
      return lectern.app.inject({
        method,
        url,
        headers: { ...(token === null ? {} : lectern.auth(token)), ...(writes ? jsonType : {}) },
        ...(writes ? { payload: JSON.stringify(spec.writePayload) } : {}),
      });
    };
    const admins = { courseAdmins: [world.courseAdmin.erecno] };
    const selfPaced = (await createCourse(lectern, lectern.adminToken, admins)).courseId as string;
    await publishCourse(lectern, selfPaced, lectern.adminToken);
    const blended = (await createCourse(lectern, lectern.adminToken, { type: 2, ...admins })).courseId as string;
    // The course row is marked published (blended courses publish per batch) so that visibility is what is tested.
    await lectern.app.lectern.db.updateTable('courses').set({ status: 1 }).where('id', '=', blended).execute();
    const batchId = await insertBatch(lectern, blended, {
      startDate: '2026-03-01',
      endDate: '2026-03-31',
      publishStatus: 'published',
    });
    world.fixtures = {} as EntityAccessWorld['fixtures'];
    for (const [name, courseId, batch] of [
      ['self-paced', selfPaced, null],
      ['blended', blended, batchId],
    ] as const) {
      const { moduleId, entityId } = await spec.add(lectern, { courseId, batchId: batch });
      const tail = batch === null ? `/courses/${courseId}` : `/courses/${courseId}/batches/${batch}`;
      world.fixtures[name] = { courseId, batchId: batch, moduleId, entityId, tail };
    }
  });
  afterAll(() => world.lectern.close());
  describeMatrix(spec, () => world);
  return () => world;
}

function describeMatrix(spec: EntityKindSpec, state: () => EntityAccessWorld): void {
  const { plural } = spec;
  const endpoints: [name: string, method: Method, path: string][] = [
    ['create', 'POST', `/modules/:m/${plural}`],
    ['update', 'PATCH', `/modules/:m/${plural}/:e`],
    ['delete', 'DELETE', `/modules/:m/${plural}/:e`],
    ['fetch one', 'GET', `/modules/:m/${plural}/:e`],
    ['module list', 'GET', `/modules/:m/${plural}`],
    ['course or batch list', 'GET', `/${plural}`],
  ];
  const cases = (['self-paced', 'blended'] as const).flatMap((family) =>
    endpoints.map(([name, method, path]) => [family, name, method, path] as const),
  );
  const prefixOf = (method: Method) => (method === 'GET' ? '/api/v1' : spec.writePrefix);

  async function names(fixture: EntityFixture): Promise<string[]> {
    const url = `/api/v1${fixture.tail}/modules/${fixture.moduleId}/${plural}`;
    const response = await state().call('GET', url, state().lectern.adminToken);
    return response.json()[plural].map((item: Record<string, string>) => item[spec.nameKey]);
  }

  describe.each(cases)('%s %s', (family, _name, method, path) => {
    const fixture = () => state().fixtures[family];
    const admin = () => state().lectern.adminToken;
    /** The endpoint's URL; writes act on a fresh entity so the fixture survives. */
    const target = async (ids: { m?: string; e?: string; tail?: string } = {}) => {
      let entityId = ids.e ?? fixture().entityId;
      if (ids.e === undefined && (method === 'PATCH' || method === 'DELETE')) {
        entityId = (await spec.add(state().lectern, { ...fixture(), moduleId: fixture().moduleId })).entityId;
      }
      const filled = path.replace(':m', ids.m ?? fixture().moduleId).replace(':e', entityId);
      return `${prefixOf(method)}${ids.tail ?? fixture().tail}${filled}`;
    };

    it('answers 401 without a token, and with an unknown one', async () => {
      const url = await target();
      expect((await state().call(method, url, null)).json()).toMatchObject({ code: '7202' });
      expect((await state().call(method, url, 'not-a-token')).statusCode).toBe(401);
    });

    it('answers 403 to a token without its scope, and writes nothing', async () => {
      const url = await target();
      const before = await names(fixture());
      const token = await state().lectern.token([method === 'GET' ? 'CREATE' : 'READ']);
      const response = await state().call(method, url, token);
      expect(response.statusCode, response.body).toBe(403);
      expect(await names(fixture())).toEqual(before);
    });

    it(`accepts a token with just ${scopeOf[method]}, held by a course admin`, async () => {
      const token = await state().lectern.token([scopeOf[method]!], state().courseAdmin.erecno);
      const response = await state().call(method, await target(), token);
      expect(response.statusCode, response.body).toBe(200);
    });

    it(
      method === 'GET' ? 'lets a plain employee read a published course' : 'refuses a plain employee (403)',
      async () => {
        const url = await target();
        const before = await names(fixture());
        const response = await state().call(method, url, state().plain.token);
        expect(response.statusCode, response.body).toBe(method === 'GET' ? 200 : 403);
        if (method === 'GET') {
          const body = response.json();
          const items = body[plural] ?? [body[spec.singular]];
          // Only the course's managers may edit or delete.
          expect(items.length).toBeGreaterThan(0);
          expect(items.every((item: { canUserEdit: boolean }) => item.canUserEdit === false)).toBe(true);
        } else {
          expect(response.json().message).toMatch(/^Sorry! You are not authorized to do this operation/);
          expect(await names(fixture())).toEqual(before);
        }
      },
    );

    it('answers 404 for an unknown course, module and entity, and for an entity of another module', async () => {
      const unknown = '999999999999999999';
      const tail = fixture().tail.replace(fixture().courseId, unknown);
      expect((await state().call(method, await target({ tail }), admin())).statusCode).toBe(404);
      if (path.includes(':m')) {
        expect((await state().call(method, await target({ m: unknown }), admin())).statusCode).toBe(404);
      }
      if (path.includes(':e')) {
        expect((await state().call(method, await target({ e: unknown }), admin())).statusCode).toBe(404);
        const elsewhere = await spec.add(state().lectern, { courseId: fixture().courseId, batchId: fixture().batchId });
        const response = await state().call(method, await target({ e: elsewhere.entityId }), admin());
        expect(response.statusCode, response.body).toBe(404);
        expect(response.json().message).toContain(elsewhere.entityId);
      }
    });

    it('answers 404 to another portal, in both directions', async () => {
      const other = await state().lectern.otherPortal();
      const response = await state().call(method, await target(), other.token);
      expect(response.statusCode, response.body).toBe(404);
      const foreignCourse = (await createCourse(state().lectern, other.token)).courseId;
      const tail = fixture().tail.replace(fixture().courseId, foreignCourse);
      expect((await state().call(method, await target({ tail }), admin())).statusCode).toBe(404);
    });

    it('answers 400 INVALID_INPUT naming a non-numeric path id', async () => {
      const ids: Record<string, string | null> = {
        courseId: fixture().courseId,
        batchId: fixture().batchId,
        moduleId: fixture().moduleId,
        [spec.idParameter]: fixture().entityId,
      };
      const parameters = ['courseId', ...(fixture().batchId === null ? [] : ['batchId'])];
      if (path.includes(':m')) parameters.push('moduleId');
      if (path.includes(':e')) parameters.push(spec.idParameter);
      for (const parameter of parameters) {
        // A 400 writes nothing, so the fixture's own entity serves every method.
        const url = (await target({ e: fixture().entityId })).replace(`/${ids[parameter]}`, '/abc');
        const response = await state().call(method, url, admin());
        expect(response.statusCode, `${parameter}: ${response.body}`).toBe(400);
        expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter });
      }
    });

    it('answers 400 UNSUPPORTED_OPERATION for the wrong family of the course type', async () => {
      const other = state().fixtures[family === 'self-paced' ? 'blended' : 'self-paced'];
      // A blended course's entities without a batch, or a self-paced course's entities under a batch.
      const tail =
        family === 'self-paced'
          ? `/courses/${other.courseId}`
          : `/courses/${other.courseId}/batches/${fixture().batchId}`;
      const response = await state().call(
        method,
        await target({ tail, m: other.moduleId, e: other.entityId }),
        admin(),
      );
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().code).toBe('UNSUPPORTED_OPERATION');
    });
  });
}
