/**
 * The publish rule for content: a course (Publish Course), a batch (Publish Batch) and the scheduler's automatic publish
 * need a mandatory file, link or content: 400 NO_MANDATORY_FILES_OR_LINK_FOUND_TO_PUBLISH otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSchedulerTick } from '../src/features/schedulers/scheduler.runner.ts';
import { addContent, addMandatoryLink, addModule } from './helpers/content.ts';
import { createCourse, jsonType } from './helpers/courses.ts';
import { insertSession } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

const rule = 'NO_MANDATORY_FILES_OR_LINK_FOUND_TO_PUBLISH';

function post(url: string, data?: object) {
  return lectern.app.inject({
    method: 'POST',
    url,
    headers: { ...lectern.auth(lectern.adminToken), ...(data ? jsonType : {}) },
    ...(data ? { payload: JSON.stringify(data) } : {}),
  });
}

const get = (url: string) => lectern.app.inject({ url, headers: lectern.auth(lectern.adminToken) });

describe('Publish Course', () => {
  async function publish(courseId: string) {
    return post(`/api/v1/courses/${courseId}/publish`);
  }
  async function status(courseId: string): Promise<number> {
    return (await get(`/api/v1/courses/${courseId}`)).json().course.status;
  }
  async function expectRefused(courseId: string) {
    const response = await publish(courseId);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toEqual({
      code: rule,
      message: 'The course has no mandatory file, link or content: add one to a module before publishing it',
    });
    expect(await status(courseId)).toBe(0);
  }

  it('refuses an empty course, and a course whose modules are empty; publishes it once it has a mandatory link', async () => {
    const courseId = (await createCourse(lectern, lectern.adminToken)).courseId;
    await expectRefused(courseId);
    const moduleId = await addModule(lectern, { courseId });
    await expectRefused(courseId);
    await addMandatoryLink(lectern, { courseId, moduleId });
    const response = await publish(courseId);
    expect(response.statusCode, response.body).toBe(200);
    expect(await status(courseId)).toBe(1);
  });

  it('does not count a link that is not mandatory, nor one made mandatory and then not', async () => {
    const courseId = (await createCourse(lectern, lectern.adminToken, { type: 3 })).courseId;
    const { moduleId, linkId } = await addMandatoryLink(lectern, { courseId }, { isMandatory: false });
    await expectRefused(courseId);
    const url = `/api/v1/courses/${courseId}/modules/${moduleId}/links/${linkId}`;
    const patch = (isMandatory: boolean) =>
      lectern.app.inject({
        method: 'PATCH',
        url,
        headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
        payload: JSON.stringify({ isMandatory }),
      });
    expect((await patch(true)).statusCode).toBe(200);
    expect((await patch(false)).statusCode).toBe(200);
    await expectRefused(courseId);
    expect((await patch(true)).statusCode).toBe(200);
    expect((await publish(courseId)).statusCode).toBe(200);
  });

  it('publishes with a mandatory content, not with a content that is not mandatory', async () => {
    const courseId = (await createCourse(lectern, lectern.adminToken)).courseId;
    const { moduleId } = await addContent(lectern, { courseId }, { isMandatory: false });
    await expectRefused(courseId);
    await addContent(lectern, { courseId, moduleId });
    expect((await publish(courseId)).statusCode).toBe(200);
    expect(await status(courseId)).toBe(1);
  });

  it('does not count another course’s link, nor a link deleted with its module', async () => {
    const courseId = (await createCourse(lectern, lectern.adminToken)).courseId;
    const other = (await createCourse(lectern, lectern.adminToken)).courseId;
    await addMandatoryLink(lectern, { courseId: other });
    await expectRefused(courseId);
    const { moduleId } = await addMandatoryLink(lectern, { courseId });
    const removed = await lectern.app.inject({
      method: 'DELETE',
      url: `/api/v1/courses/${courseId}/modules/${moduleId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(removed.statusCode, removed.body).toBe(200);
    await expectRefused(courseId);
  });

  it('lets a published course be published again, and unpublished, without checking content again', async () => {
    const courseId = (await createCourse(lectern, lectern.adminToken)).courseId;
    const { moduleId, linkId } = await addMandatoryLink(lectern, { courseId });
    expect((await publish(courseId)).statusCode).toBe(200);
    const removed = await lectern.app.inject({
      method: 'DELETE',
      url: `/api/v1/courses/${courseId}/modules/${moduleId}/links/${linkId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(removed.statusCode).toBe(200);
    expect((await publish(courseId)).statusCode).toBe(200);
    expect((await post(`/api/v1/courses/${courseId}/unpublish`)).statusCode).toBe(200);
    await expectRefused(courseId);
  });
});

let sessionNumber = 0;

/** A batch through the Batch API (unpublished). */
async function createBatch(courseId: string, data: Record<string, unknown> = {}): Promise<string> {
  const response = await post(`/api/v1/courses/${courseId}/batches`, {
    name: 'Batch',
    startDate: '10-01-2026',
    endDate: '20-02-2026',
    minimumCapacity: 1,
    maximumCapacity: 9,
    ...data,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().batch.batchId;
}

/** A session row in a module of the batch, written directly: the Session API belongs to another feature. */
async function addSession(courseId: string, batchId: string, moduleId: string, date = '2026-01-15') {
  await insertSession(
    lectern,
    { courseId, batchId, moduleId },
    {
      id: String(810000000000000000n + BigInt(++sessionNumber)),
      date,
      startMinute: 600 + sessionNumber,
      endMinute: 660 + sessionNumber,
    },
  );
}

describe('Publish Batch', () => {
  const publish = (courseId: string, batchId: string) => post(`/api/v1/courses/${courseId}/batches/${batchId}/publish`);
  async function batchStatus(courseId: string, batchId: string): Promise<string> {
    return (await get(`/api/v1/courses/${courseId}/batches/${batchId}`)).json().batch.publishStatus;
  }
  async function expectRefused(courseId: string, batchId: string, code: string) {
    const response = await publish(courseId, batchId);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toBe(code);
    expect(await batchStatus(courseId, batchId)).toBe('unpublished');
  }

  it('checks sessions first, then content; publishes once the batch has both', async () => {
    const courseId = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
    const batchId = await createBatch(courseId);
    await expectRefused(courseId, batchId, 'NO_SESSION_FOUND_TO_PUBLISH');
    const moduleId = await addModule(lectern, { courseId, batchId });
    await addMandatoryLink(lectern, { courseId, batchId, moduleId });
    // Content alone is not enough: a session is still missing.
    await expectRefused(courseId, batchId, 'NO_SESSION_FOUND_TO_PUBLISH');

    const bare = await createBatch(courseId);
    const bareModule = await addModule(lectern, { courseId, batchId: bare });
    await addSession(courseId, bare, bareModule);
    const refused = await publish(courseId, bare);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({
      code: rule,
      message: 'The batch has no mandatory file, link or content: add one to a module before publishing it',
    });
    expect(await batchStatus(courseId, bare)).toBe('unpublished');
    // The other batch's link does not count for this one.
    await addSession(courseId, batchId, moduleId);
    expect((await publish(courseId, batchId)).statusCode).toBe(200);
    await expectRefused(courseId, bare, rule);
    await addMandatoryLink(lectern, { courseId, batchId: bare, moduleId: bareModule });
    expect((await publish(courseId, bare)).statusCode).toBe(200);
    expect(await batchStatus(courseId, bare)).toBe('published');
  });

  it('does not count a link that is not mandatory; a mandatory content is enough', async () => {
    const courseId = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
    const batchId = await createBatch(courseId);
    const moduleId = await addModule(lectern, { courseId, batchId });
    await addSession(courseId, batchId, moduleId);
    await addMandatoryLink(lectern, { courseId, batchId, moduleId }, { isMandatory: false });
    await addContent(lectern, { courseId, batchId, moduleId }, { isMandatory: false });
    await expectRefused(courseId, batchId, rule);
    await addContent(lectern, { courseId, batchId, moduleId });
    expect((await publish(courseId, batchId)).statusCode).toBe(200);
    // A published batch publishes its blended course.
    expect((await get(`/api/v1/courses/${courseId}`)).json().course.status).toBe(1);
  });
});

describe('the scheduler’s automatic publish', () => {
  it('leaves a cloned batch unpublished when its source has sessions but no mandatory content', async () => {
    lectern.clock.set(Date.UTC(2026, 0, 5, 9));
    const courseId = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
    const plain = await createBatch(courseId, { name: 'Plain', startDate: '05-01-2026', endDate: '06-01-2026' });
    const plainModule = await addModule(lectern, { courseId, batchId: plain });
    await addSession(courseId, plain, plainModule, '2026-01-05');
    await addMandatoryLink(lectern, { courseId, batchId: plain, moduleId: plainModule }, { isMandatory: false });
    const rich = await createBatch(courseId, { name: 'Rich', startDate: '05-01-2026', endDate: '06-01-2026' });
    const richModule = await addModule(lectern, { courseId, batchId: rich });
    await addSession(courseId, rich, richModule, '2026-01-06');
    await addContent(lectern, { courseId, batchId: rich, moduleId: richModule });
    const made: Record<string, string> = {};
    for (const [name, source] of [
      ['plain', plain],
      ['rich', rich],
    ] as const) {
      const response = await post(`/api/v1/courses/${courseId}/batches/schedulers`, {
        batchName: name,
        startDate: '12-01-2026',
        endDate: '12-01-2026',
        frequency: 1,
        frequencyUnit: 'week',
        minimumCapacity: 1,
        maximumCapacity: 10,
        sourceBatchId: source,
        publishBatchAutomatically: true,
        offset: -7,
      });
      expect(response.statusCode, response.body).toBe(200);
      made[name] = response.json().batchScheduler.schedulerId;
    }
    expect((await runSchedulerTick(lectern.app.lectern)).batchesCreated).toBe(2);
    const batches = await lectern.app.lectern.db
      .selectFrom('batches')
      .select(['scheduler_id', 'publish_status', 'id'])
      .where('course_id', '=', courseId)
      .where('scheduler_id', 'is not', null)
      .execute();
    const statusOf = (name: string) => batches.find((batch) => batch.scheduler_id === made[name])!.publish_status;
    expect(statusOf('plain')).toBe('unpublished');
    expect(statusOf('rich')).toBe('published');
    // The copied content is the new batch's own.
    const richBatch = batches.find((batch) => batch.scheduler_id === made.rich)!.id;
    const contents = (await get(`/api/v1/courses/${courseId}/batches/${richBatch}/contents`)).json().contents;
    expect(contents.map((item: { contentName: string }) => item.contentName)).toEqual(['Reading']);
  });
});
