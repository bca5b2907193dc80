/** The scheduler tick's cloning and publishing of new batches, and its automatic cancellation of underfilled ones. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runSchedulerTick } from '../src/features/schedulers/scheduler.runner.ts';
import { addMandatoryLink } from './helpers/content.ts';
import { createCourse, employeeNamed, jsonType } from './helpers/courses.ts';
import { insertSession } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let courseId: string;

const at = (date: string, hour = 9) => Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
const tick = () => runSchedulerTick(lectern.app.lectern);
const db = () => lectern.app.lectern.db;

beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());
beforeEach(async () => {
  lectern.clock.set(at('2026-01-05')); // a Monday
  courseId = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
});
afterEach(async () => {
  await db().deleteFrom('batch_schedulers').execute();
  await db().deleteFrom('class_sessions').execute();
  await db().deleteFrom('course_modules').execute();
  await db().deleteFrom('batches').execute();
});

function request(method: 'GET' | 'POST' | 'PATCH', url: string, data?: Record<string, unknown>) {
  return lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(lectern.adminToken), ...(data ? jsonType : {}) },
    ...(data ? { payload: JSON.stringify(data) } : {}),
  });
}

async function createBatch(data: Record<string, unknown>, course = courseId): Promise<string> {
  const response = await request('POST', `/api/v1/courses/${course}/batches`, {
    name: 'Batch',
    minimumCapacity: 1,
    maximumCapacity: 10,
    ...data,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().batch.batchId;
}

async function getBatch(batchId: string, course = courseId) {
  const response = await request('GET', `/api/v1/courses/${course}/batches/${batchId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().batch as Record<string, any>;
}

/**
 * Adds a module through the Module API with a mandatory link in it (a batch needs one to be published), and sessions
 * on the given dates straight into the store.
 */
async function addModule(batchId: string, name: string, sessionDates: string[], course = courseId) {
  const response = await request('POST', `/api/v1/courses/${course}/batches/${batchId}/modules`, { name });
  expect(response.statusCode, response.body).toBe(200);
  const moduleId = response.json().module.moduleId as string;
  await addMandatoryLink(lectern, { courseId: course, batchId, moduleId }, { name: `${name} reading` });
  const trainer = employeeNamed(lectern, 'Chen Wei').erecno;
  for (const [index, date] of sessionDates.entries()) {
    await insertSession(
      lectern,
      { courseId: course, batchId, moduleId },
      { date, name: `${name} session ${index + 1}`, trainerErecno: trainer, sequence: index, createdAt: 0 },
    );
  }
  return moduleId;
}

async function createScheduler(data: Record<string, unknown>) {
  const response = await request('POST', `/api/v1/courses/${courseId}/batches/schedulers`, {
    batchName: 'Cloned',
    startDate: '12-01-2026',
    endDate: '31-01-2026',
    frequency: 1,
    frequencyUnit: 'week',
    minimumCapacity: 1,
    maximumCapacity: 10,
    ...data,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().batchScheduler as Record<string, any>;
}

async function madeBatches(schedulerId: string) {
  return db().selectFrom('batches').selectAll().where('scheduler_id', '=', schedulerId).orderBy('start_date').execute();
}

describe('cloning', () => {
  let sourceId: string;
  beforeEach(async () => {
    sourceId = await createBatch({ name: 'Source', startDate: '05-01-2026', endDate: '09-01-2026' });
    await addModule(sourceId, 'Basics', ['2026-01-05', '2026-01-06']);
    await addModule(sourceId, 'Practice', ['2026-01-09']);
  });

  it('copies the module tree and the sessions, moved to the new dates, and publishes when asked', async () => {
    const scheduler = await createScheduler({ sourceBatchId: sourceId, publishBatchAutomatically: true, offset: -7 });
    expect(scheduler.cloneType).toBe(2);
    expect((await tick()).batchesCreated).toBe(1); // Monday 12 is a week away
    const [made] = await madeBatches(scheduler.schedulerId);
    // As long as the source: Monday to Friday.
    expect(made).toMatchObject({ name: 'Cloned_1', start_date: '2026-01-12', end_date: '2026-01-16' });
    const modules = await request('GET', `/api/v1/courses/${courseId}/batches/${made!.id}/modules`);
    expect(modules.statusCode, modules.body).toBe(200);
    expect(modules.json().modules.map((item: { moduleName: string }) => item.moduleName)).toEqual([
      'Basics',
      'Practice',
    ]);
    const sessions = await db()
      .selectFrom('class_sessions')
      .select(['name', 'date', 'module_id'])
      .where('batch_id', '=', made!.id)
      .orderBy('date')
      .execute();
    expect(sessions.map((session) => `${session.name} ${session.date}`)).toEqual([
      'Basics session 1 2026-01-12',
      'Basics session 2 2026-01-13',
      'Practice session 1 2026-01-16',
    ]);
    const newModuleIds = modules.json().modules.map((item: { moduleId: string }) => item.moduleId);
    expect(sessions.every((session) => newModuleIds.includes(session.module_id))).toBe(true);
    // The modules' links come along, in the new modules.
    const links = await request('GET', `/api/v1/courses/${courseId}/batches/${made!.id}/links`);
    expect(links.statusCode, links.body).toBe(200);
    expect(links.json().links.map((link: { linkName: string; moduleId: string }) => link.linkName)).toEqual([
      'Basics reading',
      'Practice reading',
    ]);
    expect(links.json().links.every((link: { moduleId: string }) => newModuleIds.includes(link.moduleId))).toBe(true);
    const batch = await getBatch(made!.id);
    expect(batch.publishStatus).toBe('published');
    // A published batch makes its blended course published.
    const course = await request('GET', `/api/v1/courses/${courseId}`);
    expect(course.json().course.status).toBe(1);
    // The source is untouched.
    expect(
      await db().selectFrom('class_sessions').select('id').where('batch_id', '=', sourceId).execute(),
    ).toHaveLength(3);
  });

  it('cloneType 1 copies modules only; without sessions a batch stays unpublished even when asked', async () => {
    const scheduler = await createScheduler({ sourceBatchId: sourceId, cloneType: 1, publishBatchAutomatically: true });
    lectern.clock.set(at('2026-01-12'));
    expect((await tick()).batchesCreated).toBe(1);
    const [made] = await madeBatches(scheduler.schedulerId);
    expect(
      await db().selectFrom('course_modules').select('name').where('batch_id', '=', made!.id).execute(),
    ).toHaveLength(2);
    expect(
      await db().selectFrom('class_sessions').select('id').where('batch_id', '=', made!.id).execute(),
    ).toHaveLength(0);
    expect((await getBatch(made!.id)).publishStatus).toBe('unpublished');
  });

  it('cloneType 0 copies nothing but takes the source batch length', async () => {
    const scheduler = await createScheduler({ sourceBatchId: sourceId, cloneType: 0 });
    lectern.clock.set(at('2026-01-12'));
    await tick();
    const [made] = await madeBatches(scheduler.schedulerId);
    expect(made).toMatchObject({ start_date: '2026-01-12', end_date: '2026-01-16', publish_status: 'unpublished' });
    expect(
      await db().selectFrom('course_modules').select('id').where('batch_id', '=', made!.id).execute(),
    ).toHaveLength(0);
  });

  it('catches up a missed batch that is still running, and makes a one-day batch once its source is deleted', async () => {
    const scheduler = await createScheduler({ sourceBatchId: sourceId });
    lectern.clock.set(at('2026-01-14')); // Monday 12 was missed, but its batch runs to Friday 16
    expect((await tick()).batchesCreated).toBe(1);
    await db().deleteFrom('class_sessions').where('batch_id', '=', sourceId).execute();
    await db().deleteFrom('course_modules').where('batch_id', '=', sourceId).execute();
    await db().deleteFrom('batches').where('id', '=', sourceId).execute();
    lectern.clock.set(at('2026-01-19'));
    expect((await tick()).batchesCreated).toBe(1);
    const made = await madeBatches(scheduler.schedulerId);
    expect(made.map((batch) => `${batch.name} ${batch.start_date}..${batch.end_date}`)).toEqual([
      'Cloned_1 2026-01-12..2026-01-16',
      'Cloned_2 2026-01-19..2026-01-19',
    ]);
  });
});

describe('automatic cancellation', () => {
  async function published(data: Record<string, unknown>, course = courseId): Promise<string> {
    const batchId = await createBatch(data, course);
    await addModule(
      batchId,
      'Day one',
      [data.startDate === undefined ? '2026-01-20' : toIso(String(data.startDate))],
      course,
    );
    const response = await request('POST', `/api/v1/courses/${course}/batches/${batchId}/publish`);
    expect(response.statusCode, response.body).toBe(200);
    return batchId;
  }
  const toIso = (date: string) => date.split('-').reverse().join('-');
  const dates = { startDate: '20-01-2026', endDate: '22-01-2026' };

  it('cancels a published batch below its minimum once today reaches its start date minus the waiting days', async () => {
    const cancelling = { ...dates, minimumCapacity: 5, cancelBatchWhenMinimumCapacityIsNotMet: true };
    const waiting = await published({ ...cancelling, waitingTimeForCancellation: 3 });
    const noWait = await published({ ...cancelling, startDate: '12-01-2026', endDate: '13-01-2026' });
    const noFlag = await published({ ...dates, minimumCapacity: 5, cancelBatchWhenMinimumCapacityIsNotMet: false });
    const noMinimum = await published({ ...cancelling, minimumCapacity: 0 });
    const unpublished = await createBatch(cancelling);
    const ended = await published({ ...cancelling, startDate: '01-01-2026', endDate: '02-01-2026' });

    expect(await tick()).toEqual({ batchesCreated: 0, batchesCancelled: 0 });
    lectern.clock.set(at('2026-01-12'));
    expect((await tick()).batchesCancelled).toBe(1);
    expect((await getBatch(noWait)).publishStatus).toBe('cancelled');
    lectern.clock.set(at('2026-01-16'));
    expect((await tick()).batchesCancelled).toBe(0);
    lectern.clock.set(at('2026-01-17')); // 20 January minus 3 days
    expect((await tick()).batchesCancelled).toBe(1);
    expect((await tick()).batchesCancelled).toBe(0);
    const statuses = await Promise.all([waiting, noFlag, noMinimum, unpublished, ended].map((id) => getBatch(id)));
    expect(statuses.map((batch) => batch.publishStatus)).toEqual([
      'cancelled',
      'published',
      'published',
      'unpublished',
      'published',
    ]);
  });

  it('a course whose only live batch is cancelled goes back to drafted', async () => {
    await published({ ...dates, minimumCapacity: 2, cancelBatchWhenMinimumCapacityIsNotMet: true });
    expect((await request('GET', `/api/v1/courses/${courseId}`)).json().course.status).toBe(1);
    lectern.clock.set(at('2026-01-20'));
    expect((await tick()).batchesCancelled).toBe(1);
    expect((await request('GET', `/api/v1/courses/${courseId}`)).json().course.status).toBe(0);
  });

  it("cancels the scheduler's own published batches by their settings", async () => {
    const source = await createBatch({ name: 'Source', startDate: '05-01-2026', endDate: '06-01-2026' });
    await addModule(source, 'Only', ['2026-01-05']);
    const scheduler = await createScheduler({
      sourceBatchId: source,
      publishBatchAutomatically: true,
      minimumCapacity: 4,
      cancelBatchWhenMinimumCapacityIsNotMet: true,
      waitingTimeForCancellation: 1,
      offset: -5,
      endDate: '12-01-2026',
    });
    lectern.clock.set(at('2026-01-07'));
    expect(await tick()).toEqual({ batchesCreated: 1, batchesCancelled: 0 });
    const [made] = await madeBatches(scheduler.schedulerId);
    expect(made!.publish_status).toBe('published');
    lectern.clock.set(at('2026-01-11'));
    expect(await tick()).toEqual({ batchesCreated: 0, batchesCancelled: 1 });
    expect((await getBatch(made!.id)).publishStatus).toBe('cancelled');
  });
});
