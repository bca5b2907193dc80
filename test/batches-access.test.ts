/** Batch API access: tokens, scopes, roles on the course, visibility, unknown and foreign ids. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse, jsonType, patchCourse } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
/** A plain employee (no LMS role) with a full-scope token. */
let plain: { erecno: string; token: string };
let courseId: string;
let batchId: string;

const data = { name: 'Batch', startDate: '10-01-2026', endDate: '20-02-2026', minimumCapacity: 2, maximumCapacity: 9 };
const payload = JSON.stringify(data);

beforeAll(async () => {
  lectern = await createTestLectern();
  const employee = lectern.employees.find(
    (e) => e.status === 'active' && !e.is_admin && !e.is_trainer && !e.is_settings_admin && !e.is_data_admin,
  )!;
  plain = { erecno: employee.erecno, token: await lectern.token(['ALL'], employee.erecno) };
  courseId = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
  const created = await call('POST', `/api/v1/courses/${courseId}/batches`, lectern.adminToken, payload);
  batchId = created.json().batch.batchId;
});
afterAll(() => lectern.close());

function call(method: string, url: string, token: string | null, body?: string) {
  return lectern.app.inject({
    method: method as 'GET',
    url,
    headers: { ...(token === null ? {} : lectern.auth(token)), ...(body === undefined ? {} : jsonType) },
    ...(body === undefined ? {} : { payload: body }),
  });
}

/** Every Batch API endpoint: method, URL for (course, batch), the scope it needs, and a body. */
const endpoints = [
  {
    name: 'create',
    method: 'POST',
    url: (c: string) => `/api/v1/courses/${c}/batches`,
    scope: 'CREATE',
    body: payload,
  },
  { name: 'list', method: 'GET', url: (c: string) => `/api/v1/courses/${c}/batches`, scope: 'READ' },
  {
    name: 'fetch',
    method: 'GET',
    url: (c: string, b: string) => `/api/v1/courses/${c}/batches/${b}`,
    scope: 'READ',
  },
  {
    name: 'update',
    method: 'PATCH',
    url: (c: string, b: string) => `/api/v1/courses/${c}/batches/${b}`,
    scope: 'UPDATE',
    body: '{"name":"Changed"}',
  },
  {
    name: 'delete',
    method: 'DELETE',
    url: (c: string, b: string) => `/api/v1/courses/${c}/batches/${b}`,
    scope: 'DELETE',
  },
] as const;
const withBatch = endpoints.filter((endpoint) => endpoint.url.length === 2);

async function batchUnchanged(): Promise<void> {
  const response = await call('GET', `/api/v1/courses/${courseId}/batches/${batchId}`, lectern.adminToken);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json().batch).toMatchObject({ name: 'Batch', publishStatus: 'unpublished' });
}

describe.each(endpoints)('$name', (endpoint) => {
  const send = (token: string | null, course = courseId, batch = batchId) =>
    call(endpoint.method, endpoint.url(course, batch), token, 'body' in endpoint ? endpoint.body : undefined);

  it('401 without a token or with an unknown one', async () => {
    for (const token of [null, 'not-a-token']) {
      const response = await send(token);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('7202');
    }
    await batchUnchanged();
  });

  it(`403 with a token that lacks ${endpoint.scope}, and passes with exactly ${endpoint.scope}`, async () => {
    const other = endpoint.scope === 'READ' ? 'CREATE' : 'READ';
    const refused = await send(await lectern.token([other]));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('7218');
    await batchUnchanged();
    // The delete is tried on a batch of its own, so that the shared one stays.
    const target =
      endpoint.method === 'DELETE'
        ? (await call('POST', `/api/v1/courses/${courseId}/batches`, lectern.adminToken, payload)).json().batch.batchId
        : batchId;
    const allowed = await send(await lectern.token([endpoint.scope]), courseId, target);
    expect(allowed.statusCode, allowed.body).toBe(200);
    if (endpoint.method === 'PATCH') await restoreName();
  });

  it('403 for a plain employee on a drafted course', async () => {
    const response = await send(plain.token);
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toMatch(/^Sorry! You are not authorized to do this operation/);
    await batchUnchanged();
  });

  it("404 for an unknown course and another portal's course", async () => {
    const other = await lectern.otherPortal();
    const unknown = await send(lectern.adminToken, '123456789012345678');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ code: '404', message: 'Not found: no course with id 123456789012345678' });
    const foreign = await send(other.token);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().message).toBe(`Not found: no course with id ${courseId}`);
    await batchUnchanged();
  });

  it('400 naming courseId when it is not numeric', async () => {
    const response = await send(lectern.adminToken, 'abc');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'courseId' });
  });

  it('400 UNSUPPORTED_OPERATION on a self-paced course', async () => {
    const selfPaced = (await createCourse(lectern, lectern.adminToken, { type: 1 })).courseId;
    const response = await send(lectern.adminToken, selfPaced);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('UNSUPPORTED_OPERATION');
  });
});

async function restoreName(): Promise<void> {
  await call('PATCH', `/api/v1/courses/${courseId}/batches/${batchId}`, lectern.adminToken, '{"name":"Batch"}');
}

describe.each(withBatch)('$name with a batch id', (endpoint) => {
  const send = (course: string, batch: string, token = lectern.adminToken) =>
    call(endpoint.method, endpoint.url(course, batch), token, 'body' in endpoint ? endpoint.body : undefined);

  it('404 for an unknown batch and for a batch of another course', async () => {
    const unknown = await send(courseId, '123456789012345678');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ code: '404', message: 'Not found: no batch with id 123456789012345678' });
    const otherCourse = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
    const elsewhere = await send(otherCourse, batchId);
    expect(elsewhere.statusCode).toBe(404);
    await batchUnchanged();
  });

  it("404 for another portal's batch in its own course", async () => {
    const other = await lectern.otherPortal();
    const otherCourse = await createCourse(lectern, other.token, { type: 2 });
    const created = await call('POST', `/api/v1/courses/${otherCourse.courseId}/batches`, other.token, payload);
    expect(created.statusCode, created.body).toBe(200);
    const response = await send(otherCourse.courseId, created.json().batch.batchId);
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe(`Not found: no course with id ${otherCourse.courseId}`);
  });

  it('400 naming batchId when it is not numeric', async () => {
    const response = await send(courseId, '12x');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'batchId' });
  });
});

describe('roles', () => {
  it('a course admin may create, update and delete batches; a plain employee may not even after being shared', async () => {
    const admin = lectern.employees.find((e) => e.status === 'active' && !e.is_admin && e.erecno !== plain.erecno)!;
    const adminToken = await lectern.token(['ALL'], admin.erecno);
    const course = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
    expect((await patchCourse(lectern, course, lectern.adminToken, { courseAdmins: [admin.erecno] })).statusCode).toBe(
      200,
    );
    const created = await call('POST', `/api/v1/courses/${course}/batches`, adminToken, payload);
    expect(created.statusCode, created.body).toBe(200);
    const url = `/api/v1/courses/${course}/batches/${created.json().batch.batchId}`;
    expect((await call('PATCH', url, adminToken, '{"name":"By admin"}')).json().batch.name).toBe('By admin');

    const share = await lectern.app.inject({
      method: 'PUT',
      url: `/api/v1/courses/${course}/share?erecnosList=[${plain.erecno}]`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(share.statusCode, share.body).toBe(200);
    // A shared user sees the drafted course and its batches, but changes nothing.
    expect((await call('GET', url, plain.token)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/courses/${course}/batches`, plain.token)).json().batches).toHaveLength(1);
    expect((await call('POST', `/api/v1/courses/${course}/batches`, plain.token, payload)).statusCode).toBe(403);
    expect((await call('PATCH', url, plain.token, '{"name":"By plain"}')).statusCode).toBe(403);
    expect((await call('DELETE', url, plain.token)).statusCode).toBe(403);

    expect((await call('DELETE', url, adminToken)).statusCode).toBe(200);
  });
});
