/** Who may use the Session API, and how unknown, foreign and malformed ids are answered. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBatch } from './helpers/blended.ts';
import { jsonType } from './helpers/courses.ts';
import {
  createBatchModule,
  createSession,
  erecnoOf,
  type ForeignPortal,
  foreignPortalWithModule,
  insertModule,
  type ModulePath,
  patchSession,
  postSession,
  sessionData,
  sessionsUrl,
} from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let path: ModulePath;
let other: ForeignPortal;

beforeAll(async () => {
  lectern = await createTestLectern();
  path = await createBatchModule(lectern);
  other = await foreignPortalWithModule(lectern);
});
afterAll(() => lectern.close());

describe('who may', () => {
  const send = (method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, token: string | null, payload?: object) =>
    lectern.app.inject({
      method,
      url,
      headers: { ...(token === null ? {} : lectern.auth(token)), ...jsonType },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });

  it('answers 401 without a token or with an unknown one', async () => {
    for (const token of [null, 'not-a-token']) {
      const response = await send('GET', sessionsUrl(path), token);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('7202');
    }
  });

  it('needs CREATE to create, UPDATE to update, DELETE to delete, READ to read', async () => {
    const created = await createSession(lectern, path);
    const url = sessionsUrl(path, created.sessionId);
    const cases: [string, 'POST' | 'PATCH' | 'DELETE' | 'GET', string][] = [
      ['UPDATE', 'POST', sessionsUrl(path)],
      ['CREATE', 'PATCH', url],
      ['UPDATE', 'DELETE', url],
      ['CREATE', 'GET', url],
      ['CREATE', 'GET', `/api/v1/courses/${path.courseId}/batches/${path.batchId}/sessions`],
    ];
    for (const [scope, method, target] of cases) {
      const token = await lectern.token([scope]);
      const response = await send(method, target, token, method === 'GET' ? undefined : { name: 'x' });
      expect(response.statusCode, `${method} with ${scope}`).toBe(403);
      expect(response.json().message).toContain('ZOHOPEOPLE.training');
    }
    const reader = await lectern.token(['READ']);
    expect((await send('GET', url, reader)).statusCode).toBe(200);
  });

  it('refuses a plain employee (not a course admin) every write, and the drafted course is hidden from them', async () => {
    const plain = await lectern.token(['ALL'], erecnoOf(lectern, 'Fatima Zahra'));
    const created = await createSession(lectern, path);
    const url = sessionsUrl(path, created.sessionId);
    expect((await postSession(lectern, path, await sessionData(lectern), plain)).statusCode).toBe(403);
    expect((await patchSession(lectern, path, created.sessionId, { name: 'x' }, plain)).statusCode).toBe(403);
    expect((await send('DELETE', url, plain)).statusCode).toBe(403);
    expect((await send('GET', url, plain)).statusCode).toBe(403);
  });

  it("lets the session's trainer read (not edit) the course's sessions", async () => {
    const divya = erecnoOf(lectern, 'Divya Raman');
    const created = await createSession(lectern, path, { trainerErecno: divya, roomId: '' });
    const token = await lectern.token(['ALL'], divya);
    const response = await send('GET', sessionsUrl(path, created.sessionId), token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().session).toMatchObject({ canUserEdit: false, canUserDelete: false });
    expect((await patchSession(lectern, path, created.sessionId, { name: 'x' }, token)).statusCode).toBe(403);
  });
});

describe('ids', () => {
  it('answers 404 for unknown ids and for ids of another portal, on every path', async () => {
    const created = await createSession(lectern, path);
    const unknown = '123456789012345678';
    const variants: ModulePath[] = [
      { ...path, courseId: unknown },
      { ...path, batchId: unknown },
      { ...path, moduleId: unknown },
      { ...path, courseId: other.path.courseId },
      { ...path, batchId: other.path.batchId },
      { ...path, moduleId: other.path.moduleId },
    ];
    for (const variant of variants) {
      for (const [method, url] of [
        ['GET', sessionsUrl(variant)],
        ['POST', sessionsUrl(variant)],
        ['GET', sessionsUrl(variant, created.sessionId)],
        ['PATCH', sessionsUrl(variant, created.sessionId)],
        ['DELETE', sessionsUrl(variant, created.sessionId)],
      ] as const) {
        const response = await send(method, url, await sessionData(lectern));
        expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(404);
      }
    }
    for (const sessionId of [unknown]) {
      expect((await send('GET', sessionsUrl(path, sessionId))).statusCode).toBe(404);
      expect((await send('PATCH', sessionsUrl(path, sessionId), { name: 'x' })).statusCode).toBe(404);
      expect((await send('DELETE', sessionsUrl(path, sessionId))).statusCode).toBe(404);
    }
    // The session exists, but in another module of the batch.
    const sibling = { ...path, moduleId: await insertModule(lectern, path.courseId, path.batchId) };
    expect((await send('GET', sessionsUrl(sibling, created.sessionId))).statusCode).toBe(404);
    const otherBatch = `/api/v1/courses/${other.path.courseId}/batches/${other.path.batchId}/sessions`;
    expect((await send('GET', otherBatch)).statusCode).toBe(404);
  });

  it('answers 400 naming a non-numeric id', async () => {
    const created = await createSession(lectern, path);
    for (const key of ['courseId', 'batchId', 'moduleId', 'sessionId'] as const) {
      const variant = { ...path, sessionId: created.sessionId, [key]: 'abc' };
      const response = await send('GET', sessionsUrl(variant, variant.sessionId));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: key });
    }
  });

  it('refuses sessions on a self-paced course with UNSUPPORTED_OPERATION', async () => {
    const response = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses?courseData=${encodeURIComponent('{"name":"Self paced","type":1}')}`,
      headers: lectern.auth(lectern.adminToken),
    });
    const courseId = response.json().course.courseId;
    const batchId = await insertBatch(lectern, courseId, { startDate: '2026-01-01', endDate: '2026-03-31' });
    const moduleId = await insertModule(lectern, courseId, batchId);
    const refused = await postSession(lectern, { courseId, batchId, moduleId }, await sessionData(lectern));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('UNSUPPORTED_OPERATION');
    const list = await send('GET', `/api/v1/courses/${courseId}/batches/${batchId}/sessions`);
    expect(list.statusCode).toBe(400);
    expect(list.json().code).toBe('UNSUPPORTED_OPERATION');
  });

  function send(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
    return lectern.app.inject({
      method,
      url,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      ...(payload === undefined || method === 'GET' || method === 'DELETE' ? {} : { payload: JSON.stringify(payload) }),
    });
  }
});
