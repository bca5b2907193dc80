/** Batch Action API: publish, unpublish, markAsComplete, markAsIncomplete; the lifecycle and its named errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchTable } from '../src/db/database.ts';
import { addMandatoryLink } from './helpers/content.ts';
import { createCourse, formType, jsonType } from './helpers/courses.ts';
import { insertSession } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let plain: { erecno: string; token: string };

beforeAll(async () => {
  lectern = await createTestLectern();
  const employee = lectern.employees.find(
    (e) => e.status === 'active' && !e.is_admin && !e.is_trainer && !e.is_settings_admin && !e.is_data_admin,
  )!;
  plain = { erecno: employee.erecno, token: await lectern.token(['ALL'], employee.erecno) };
});
afterAll(() => lectern.close());

const batchData = {
  name: 'Batch',
  startDate: '10-01-2026',
  endDate: '20-02-2026',
  minimumCapacity: 1,
  maximumCapacity: 9,
};
let sessionNumber = 0;

async function blendedCourse(): Promise<string> {
  return (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
}

/**
 * A new batch in the course; with a session and a mandatory link unless told otherwise (a batch needs both to be
 * published).
 */
async function newBatch(courseId: string, withSession = true): Promise<string> {
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/batches?batchData=${encodeURIComponent(JSON.stringify(batchData))}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(response.statusCode, response.body).toBe(200);
  const batchId = response.json().batch.batchId as string;
  if (withSession) {
    await addSession(courseId, batchId);
    await addMandatoryLink(lectern, { courseId, batchId });
  }
  return batchId;
}

/** A session row, written directly: the Session API belongs to another feature. */
async function addSession(courseId: string, batchId: string): Promise<void> {
  sessionNumber += 1;
  await insertSession(
    lectern,
    { courseId, batchId, moduleId: '800000000000000001' },
    { id: String(800000000000000000n + BigInt(sessionNumber)), date: '2026-01-15' },
  );
}

interface ActOptions {
  token?: string | null;
  query?: string;
  payload?: string;
  headers?: Record<string, string>;
}

function act(courseId: string, batchId: string, action: string, options: ActOptions = {}) {
  const token = options.token === undefined ? lectern.adminToken : options.token;
  return lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/batches/${batchId}/${action}${options.query ?? ''}`,
    headers: { ...(token === null ? {} : lectern.auth(token)), ...options.headers },
    ...(options.payload === undefined ? {} : { payload: options.payload }),
  });
}

/** The Publish Batch page's sample response text, for this batch and status. */
const statusBody = (batchId: string, status: string) =>
  `{"code":"200","batch":{"batchId":"${batchId}","status":"${status}"},"message":"success"}`;

async function expectStatus(courseId: string, batchId: string, action: string, status: string) {
  const response = await act(courseId, batchId, action);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.body).toBe(statusBody(batchId, status));
}

async function expectRefused(courseId: string, batchId: string, action: string, code: string) {
  const before = await publishStatus(courseId, batchId);
  const response = await act(courseId, batchId, action);
  expect(response.statusCode, response.body).toBe(400);
  expect(response.json().code).toBe(code);
  expect(await publishStatus(courseId, batchId)).toBe(before);
  return response;
}

async function publishStatus(courseId: string, batchId: string, token = lectern.adminToken) {
  const response = await lectern.app.inject({
    url: `/api/v1/courses/${courseId}/batches/${batchId}`,
    headers: lectern.auth(token),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().batch.publishStatus as string;
}

async function courseStatus(courseId: string): Promise<number> {
  const response = await lectern.app.inject({
    url: `/api/v1/courses/${courseId}`,
    headers: lectern.auth(lectern.adminToken),
  });
  return response.json().course.status;
}

describe('publish', () => {
  it.each([
    ['query True (as the page writes it)', { query: '?notifyApplicableUsers=True' }],
    ['query false', { query: '?notifyApplicableUsers=false' }],
    ['no parameter and no body', {}],
    ['a form body', { payload: 'notifyApplicableUsers=TRUE', headers: formType }],
    ['a JSON body', { payload: '{"notifyApplicableUsers":false}', headers: jsonType }],
  ])('publishes with %s and answers the sample body exactly', async (_name, options: ActOptions) => {
    const courseId = await blendedCourse();
    const batchId = await newBatch(courseId);
    const response = await act(courseId, batchId, 'publish', options);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toBe(statusBody(batchId, 'published'));
    expect(await publishStatus(courseId, batchId)).toBe('published');
  });

  it.each([
    ['query', { query: '?notifyApplicableUsers=maybe' }],
    ['JSON body', { payload: '{"notifyApplicableUsers":"yes"}', headers: jsonType }],
  ])('refuses a bad notifyApplicableUsers in the %s and stays unpublished', async (_name, options) => {
    const courseId = await blendedCourse();
    const batchId = await newBatch(courseId);
    const response = await act(courseId, batchId, 'publish', options);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'notifyApplicableUsers' });
    expect(await publishStatus(courseId, batchId)).toBe('unpublished');
  });

  it('refuses a batch without sessions with NO_SESSION_FOUND_TO_PUBLISH', async () => {
    const courseId = await blendedCourse();
    const batchId = await newBatch(courseId, false);
    const response = await expectRefused(courseId, batchId, 'publish', 'NO_SESSION_FOUND_TO_PUBLISH');
    expect(response.json().message).toMatch(/session/);
    expect(await courseStatus(courseId)).toBe(0);
  });

  it('publishing a published batch succeeds again and changes nothing', async () => {
    const courseId = await blendedCourse();
    const batchId = await newBatch(courseId);
    await expectStatus(courseId, batchId, 'publish', 'published');
    await expectStatus(courseId, batchId, 'publish', 'published');
  });
});

describe('the lifecycle', () => {
  it('unpublished -> published -> completed -> published -> unpublished, with each answer the sample shape', async () => {
    const courseId = await blendedCourse();
    const batchId = await newBatch(courseId);
    await expectStatus(courseId, batchId, 'publish', 'published');
    await expectStatus(courseId, batchId, 'markAsComplete', 'completed');
    expect(await publishStatus(courseId, batchId)).toBe('completed');
    await expectStatus(courseId, batchId, 'markAsIncomplete', 'published');
    expect(await publishStatus(courseId, batchId)).toBe('published');
    await expectStatus(courseId, batchId, 'unpublish', 'unpublished');
    expect(await publishStatus(courseId, batchId)).toBe('unpublished');
  });

  it('refuses to unpublish an unpublished batch', async () => {
    const courseId = await blendedCourse();
    const response = await expectRefused(courseId, await newBatch(courseId), 'unpublish', 'UNSUPPORTED_OPERATION');
    expect(response.json().message).toBe('The batch is not published');
  });

  it('refuses to complete an unpublished batch, and to complete twice (COURSE_ALREADY_COMPLETED)', async () => {
    const courseId = await blendedCourse();
    const batchId = await newBatch(courseId);
    const early = await expectRefused(courseId, batchId, 'markAsComplete', 'UNSUPPORTED_OPERATION');
    expect(early.json().message).toMatch(/publish it first/);
    await expectStatus(courseId, batchId, 'publish', 'published');
    await expectStatus(courseId, batchId, 'markAsComplete', 'completed');
    await expectRefused(courseId, batchId, 'markAsComplete', 'COURSE_ALREADY_COMPLETED');
  });

  it('refuses markAsIncomplete on a batch that is not completed', async () => {
    const courseId = await blendedCourse();
    const batchId = await newBatch(courseId);
    await expectRefused(courseId, batchId, 'markAsIncomplete', 'UNSUPPORTED_OPERATION');
    await expectStatus(courseId, batchId, 'publish', 'published');
    await expectRefused(courseId, batchId, 'markAsIncomplete', 'UNSUPPORTED_OPERATION');
  });

  it('refuses to publish or unpublish a completed batch', async () => {
    const courseId = await blendedCourse();
    const batchId = await newBatch(courseId);
    await expectStatus(courseId, batchId, 'publish', 'published');
    await expectStatus(courseId, batchId, 'markAsComplete', 'completed');
    await expectRefused(courseId, batchId, 'publish', 'UNSUPPORTED_OPERATION');
    await expectRefused(courseId, batchId, 'unpublish', 'UNSUPPORTED_OPERATION');
  });

  it.each(['publish', 'unpublish', 'markAsComplete', 'markAsIncomplete'])(
    'a cancelled batch refuses %s',
    async (action) => {
      const courseId = await blendedCourse();
      const batchId = await newBatch(courseId);
      const cancelled: Partial<BatchTable> = { publish_status: 'cancelled' };
      await lectern.app.lectern.db.updateTable('batches').set(cancelled).where('id', '=', batchId).execute();
      const response = await expectRefused(courseId, batchId, action, 'UNSUPPORTED_OPERATION');
      expect(response.json().message).toMatch(/cancelled/);
    },
  );
});

describe("the course's status follows its batches", () => {
  it('publishing the first batch publishes the course; unpublishing the last returns it to drafted', async () => {
    const courseId = await blendedCourse();
    const first = await newBatch(courseId);
    const second = await newBatch(courseId);
    const list = () =>
      lectern.app.inject({ url: `/api/v1/courses/${courseId}/batches`, headers: lectern.auth(plain.token) });
    expect((await list()).statusCode).toBe(403);

    await expectStatus(courseId, first, 'publish', 'published');
    expect(await courseStatus(courseId)).toBe(1);
    // A plain employee now sees the course and its published batch, but not the unpublished one.
    const names = (await list()).json().batches.map((batch: { batchId: string }) => batch.batchId);
    expect(names).toEqual([first]);
    expect(await publishStatus(courseId, first, plain.token)).toBe('published');
    const hidden = await lectern.app.inject({
      url: `/api/v1/courses/${courseId}/batches/${second}`,
      headers: lectern.auth(plain.token),
    });
    expect(hidden.statusCode).toBe(403);
    expect(hidden.json().message).toMatch(/the batch is unpublished$/);
    // The course's managers see every batch.
    const all = await lectern.app.inject({
      url: `/api/v1/courses/${courseId}/batches`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(all.json().batches).toHaveLength(2);

    await expectStatus(courseId, second, 'publish', 'published');
    await expectStatus(courseId, first, 'unpublish', 'unpublished');
    expect(await courseStatus(courseId)).toBe(1);
    await expectStatus(courseId, second, 'markAsComplete', 'completed');
    expect(await courseStatus(courseId)).toBe(1);
    expect(await publishStatus(courseId, second, plain.token)).toBe('completed');
    await expectStatus(courseId, second, 'markAsIncomplete', 'published');
    await expectStatus(courseId, second, 'unpublish', 'unpublished');
    expect(await courseStatus(courseId)).toBe(0);
    expect((await list()).statusCode).toBe(403);
  });

  it('deleting the last published batch returns the course to drafted', async () => {
    const courseId = await blendedCourse();
    const batchId = await newBatch(courseId);
    await expectStatus(courseId, batchId, 'publish', 'published');
    expect(await courseStatus(courseId)).toBe(1);
    const response = await lectern.app.inject({
      method: 'DELETE',
      url: `/api/v1/courses/${courseId}/batches/${batchId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await courseStatus(courseId)).toBe(0);
  });

  it('a disabled course stays disabled when its batches are unpublished', async () => {
    const courseId = await blendedCourse();
    const batchId = await newBatch(courseId);
    await expectStatus(courseId, batchId, 'publish', 'published');
    const disable = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${courseId}/disable`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(disable.statusCode, disable.body).toBe(200);
    await expectStatus(courseId, batchId, 'unpublish', 'unpublished');
    expect(await courseStatus(courseId)).toBe(2);
  });
});

describe('access', () => {
  const actions = ['publish', 'unpublish', 'markAsComplete', 'markAsIncomplete'];
  let courseId: string;
  let batchId: string;
  beforeAll(async () => {
    courseId = await blendedCourse();
    batchId = await newBatch(courseId);
  });

  it.each(actions)('%s: 401 without a token, 403 with READ, UPDATE or DELETE (actions need CREATE)', async (action) => {
    expect((await act(courseId, batchId, action, { token: null })).statusCode).toBe(401);
    for (const scope of ['READ', 'UPDATE', 'DELETE']) {
      const response = await act(courseId, batchId, action, { token: await lectern.token([scope]) });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('7218');
    }
    expect(await publishStatus(courseId, batchId)).toBe('unpublished');
  });

  it('a CREATE-only token may publish', async () => {
    const course = await blendedCourse();
    const batch = await newBatch(course);
    const response = await act(course, batch, 'publish', { token: await lectern.token(['CREATE']) });
    expect(response.body).toBe(statusBody(batch, 'published'));
  });

  it.each(actions)('%s: 403 for a plain employee, even on a published course', async (action) => {
    const course = await blendedCourse();
    const batch = await newBatch(course);
    await expectStatus(course, batch, 'publish', 'published');
    const response = await act(course, batch, action, { token: plain.token });
    expect(response.statusCode).toBe(403);
    expect(await publishStatus(course, batch)).toBe('published');
  });

  it.each(actions)('%s: 404 for unknown, foreign and other-course ids; 400 for non-numeric ids', async (action) => {
    const unknown = await act(courseId, '123456789012345678', action);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe('Not found: no batch with id 123456789012345678');
    expect((await act('123456789012345678', batchId, action)).statusCode).toBe(404);
    const other = await lectern.otherPortal();
    expect((await act(courseId, batchId, action, { token: other.token })).statusCode).toBe(404);
    expect((await act(await blendedCourse(), batchId, action)).statusCode).toBe(404);
    const badBatch = await act(courseId, 'x1', action);
    expect(badBatch.statusCode).toBe(400);
    expect(badBatch.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'batchId' });
    const badCourse = await act('x1', batchId, action);
    expect(badCourse.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'courseId' });
  });

  it.each(actions)('%s: UNSUPPORTED_OPERATION on a self-paced course', async (action) => {
    const selfPaced = (await createCourse(lectern, lectern.adminToken, { type: 1 })).courseId;
    const response = await act(selfPaced, batchId, action);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('UNSUPPORTED_OPERATION');
  });
});
