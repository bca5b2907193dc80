/** Batch API: create (every documented input form), fetch one, fetch the list, update, delete; exact shapes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse, formType, type InputForm, inputForms, jsonType } from './helpers/courses.ts';
import { insertAttendance, insertModule, insertSession } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let locations: { id: string; name: string }[];

beforeAll(async () => {
  lectern = await createTestLectern();
  locations = await lectern.app.lectern.db
    .selectFrom('locations')
    .select(['id', 'name'])
    .where('portal_id', '=', lectern.portalId)
    .orderBy('id')
    .execute();
});
afterAll(() => lectern.close());

/** The Fetch Single Batch page's sample keys, in its order (Zoho's Fetch Single Batch page). */
const singleSampleKeys = [
  'learnersCount',
  'startDateAsDisplayString',
  'endDateAsDisplayString',
  'name',
  'minimumCapacity',
  'cancelBatchWhenMinimumCapacityIsNotMet',
  'maximumCapacity',
  'batchId',
  'courseId',
  'publishStatus',
];
/** The Fetch Course Batch List page's item keys, in its order (#5). */
const listSampleKeys = [
  'learnersCount',
  'startDateAsDisplayString',
  'endDateAsDisplayString',
  'name',
  'schedulerId',
  'minimumCapacity',
  'cancelBatchWhenMinimumCapacityIsNotMet',
  'maximumCapacity',
  'batchId',
  'courseId',
  'publishStatus',
  'allowWaitlisting',
];
const extraKeys = [
  'startDate',
  'endDate',
  'locations',
  'waitingTimeForCancellation',
  'waitingTimeUnitForCancellation',
  'isUserEnrolled',
  'isUserWaitlisted',
  'waitlistedCount',
  'hasUserStarted',
  'hasUserCompleted',
  'percentageOfProgress',
  'progressAsDisplayString',
];

const blendedCourse = async () => (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId as string;

const sampleData = {
  name: 'Add Batch API Testing',
  startDate: '25-12-2021',
  endDate: '01-02-2022',
  minimumCapacity: 10,
  maximumCapacity: 40,
};

/** Sends batchData in one of the documented forms (see docs/compatibility.md, Requests). */
function send(method: 'POST' | 'PATCH', url: string, data: unknown, form: InputForm = 'query') {
  const text = JSON.stringify(data);
  const carried: { suffix: string; headers: Record<string, string>; payload?: string } =
    form === 'query'
      ? { suffix: `?batchData=${encodeURIComponent(text)}`, headers: {} }
      : form === 'form field'
        ? { suffix: '', headers: formType, payload: `batchData=${encodeURIComponent(text)}` }
        : form === 'bare JSON body'
          ? { suffix: '', headers: jsonType, payload: text }
          : form === 'wrapped JSON body'
            ? { suffix: '', headers: jsonType, payload: `{"batchData":${text}}` }
            : { suffix: '', headers: formType, payload: text };
  return lectern.app.inject({
    method,
    url: `${url}${carried.suffix}`,
    headers: { ...lectern.auth(lectern.adminToken), ...carried.headers },
    ...(carried.payload === undefined ? {} : { payload: carried.payload }),
  });
}

async function createBatch(courseId: string, data: Record<string, unknown> = {}) {
  const response = await send('POST', `/api/v1/courses/${courseId}/batches`, { ...sampleData, ...data });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().batch;
}

const getBatch = (courseId: string, batchId: string) =>
  lectern.app.inject({
    url: `/api/v1/courses/${courseId}/batches/${batchId}`,
    headers: lectern.auth(lectern.adminToken),
  });

describe('create', () => {
  it('answers the sample shape, in order, with Lectern extras after it', async () => {
    const courseId = await blendedCourse();
    const response = await send('POST', `/api/v1/courses/${courseId}/batches`, sampleData);
    expect(response.statusCode, response.body).toBe(200);
    expect(Object.keys(response.json())).toEqual(['code', 'batch', 'message']);
    const batch = response.json().batch;
    expect(Object.keys(batch)).toEqual([...singleSampleKeys, 'allowWaitlisting', 'schedulerId', ...extraKeys]);
    expect(batch).toEqual({
      learnersCount: 0,
      startDateAsDisplayString: '25-Dec-2021',
      endDateAsDisplayString: '01-Feb-2022',
      name: 'Add Batch API Testing',
      minimumCapacity: 10,
      cancelBatchWhenMinimumCapacityIsNotMet: false,
      maximumCapacity: 40,
      batchId: batch.batchId,
      courseId,
      publishStatus: 'unpublished',
      allowWaitlisting: false,
      schedulerId: 0,
      startDate: '25-12-2021',
      endDate: '01-02-2022',
      locations: [],
      waitingTimeForCancellation: 0,
      waitingTimeUnitForCancellation: 'day',
      isUserEnrolled: false,
      isUserWaitlisted: false,
      waitlistedCount: 0,
      hasUserStarted: false,
      hasUserCompleted: false,
      percentageOfProgress: 0,
      progressAsDisplayString: '0 of 0 Completed',
    });
    expect(batch.batchId).toMatch(/^\d{18}$/);
    expect((await getBatch(courseId, batch.batchId)).json()).toEqual(response.json());
  });

  it.each(inputForms)('reads batchData sent as %s', async (form) => {
    const courseId = await blendedCourse();
    const response = await send('POST', `/api/v1/courses/${courseId}/batches`, { ...sampleData, name: form }, form);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().batch).toMatchObject({ name: form, minimumCapacity: 10, courseId });
  });

  it('stores every documented field, DD_MM_YYYY dates, bare numeric location ids and True', async () => {
    const courseId = await blendedCourse();
    const [first, second] = locations;
    const text = `{"name":"  Evening batch ","startDate":"05_01_2026","endDate":"05_03_2026","minimumCapacity":"2",
      "maximumCapacity":20,"locations":[${second!.id},"${first!.id}",${second!.id}],"allowWaitlisting":"True",
      "cancelBatchWhenMinimumCapacityIsNotMet":true,"waitingTimeForCancellation":3,"waitingTimeUnitForCancellation":"day"}`;
    const response = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${courseId}/batches?batchData=${encodeURIComponent(text)}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().batch).toMatchObject({
      name: 'Evening batch',
      startDateAsDisplayString: '05-Jan-2026',
      endDateAsDisplayString: '05-Mar-2026',
      startDate: '05-01-2026',
      endDate: '05-03-2026',
      minimumCapacity: 2,
      maximumCapacity: 20,
      allowWaitlisting: true,
      cancelBatchWhenMinimumCapacityIsNotMet: true,
      waitingTimeForCancellation: 3,
      waitingTimeUnitForCancellation: 'day',
      locations: [
        { locationId: second!.id, name: second!.name },
        { locationId: first!.id, name: first!.name },
      ],
    });
  });

  it('names unknown keys in X-Lectern-Warning and ignores them', async () => {
    const courseId = await blendedCourse();
    const response = await send('POST', `/api/v1/courses/${courseId}/batches`, { ...sampleData, colour: 'red' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['x-lectern-warning']).toBe('unknown keys ignored in batchData: colour');
    expect(response.json().batch).not.toHaveProperty('colour');
  });
});

describe('fetch course batch list', () => {
  it('lists items in the list sample order, 25 a page, by start date, with hasMoreRecords', async () => {
    const courseId = await blendedCourse();
    for (let day = 30; day >= 1; day--) {
      const date = `${String(day).padStart(2, '0')}-03-2026`;
      await createBatch(courseId, { name: `Batch ${day}`, startDate: date, endDate: '30-04-2026' });
    }
    const list = (query: string) =>
      lectern.app.inject({
        url: `/api/v1/courses/${courseId}/batches${query}`,
        headers: lectern.auth(lectern.adminToken),
      });
    const first = await list('');
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(Object.keys(body)).toEqual(['batches', 'code', 'message', 'hasMoreRecords']);
    expect(body).toMatchObject({ code: '200', message: 'success', hasMoreRecords: true });
    expect(body.batches).toHaveLength(25);
    expect(Object.keys(body.batches[0])).toEqual([...listSampleKeys, ...extraKeys]);
    expect(body.batches[0]).toMatchObject({ name: 'Batch 1', schedulerId: 0, allowWaitlisting: false, courseId });
    expect(typeof body.batches[0].schedulerId).toBe('number');
    expect(body.batches.map((batch: { name: string }) => batch.name)).toEqual(
      Array.from({ length: 25 }, (_, index) => `Batch ${index + 1}`),
    );
    const second = (await list('?startIndex=25')).json();
    expect(second.batches.map((batch: { name: string }) => batch.name)).toEqual([
      'Batch 26',
      'Batch 27',
      'Batch 28',
      'Batch 29',
      'Batch 30',
    ]);
    expect(second.hasMoreRecords).toBe(false);
    expect((await list('?startIndex=30')).json()).toEqual({
      batches: [],
      code: '200',
      message: 'success',
      hasMoreRecords: false,
    });
    const bad = await list('?startIndex=-1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'startIndex' });
  });

  it('shows a scheduler-made batch with its scheduler id as a string', async () => {
    const courseId = await blendedCourse();
    const batch = await createBatch(courseId);
    await lectern.app.lectern.db
      .updateTable('batches')
      .set({ scheduler_id: '123456789012345678' })
      .where('id', '=', batch.batchId)
      .execute();
    const response = await lectern.app.inject({
      url: `/api/v1/courses/${courseId}/batches`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.json().batches[0].schedulerId).toBe('123456789012345678');
    expect((await getBatch(courseId, batch.batchId)).json().batch.schedulerId).toBe('123456789012345678');
  });
});

describe('update', () => {
  it('changes only the keys sent and answers the batch', async () => {
    const courseId = await blendedCourse();
    const batch = await createBatch(courseId, { locations: [locations[0]!.id] });
    const response = await send('PATCH', `/api/v1/courses/${courseId}/batches/${batch.batchId}`, {
      name: 'Renamed',
      maximumCapacity: 50,
      allowWaitlisting: true,
    });
    expect(response.statusCode, response.body).toBe(200);
    const expected = { ...batch, name: 'Renamed', maximumCapacity: 50, allowWaitlisting: true };
    expect(response.json()).toEqual({ code: '200', batch: expected, message: 'success' });
    expect((await getBatch(courseId, batch.batchId)).json().batch).toEqual(expected);
  });

  it.each(inputForms)('reads batchData sent as %s', async (form) => {
    const courseId = await blendedCourse();
    const batch = await createBatch(courseId);
    const url = `/api/v1/courses/${courseId}/batches/${batch.batchId}`;
    const response = await send('PATCH', url, { endDate: '02_02_2022', locations: [locations[1]!.id] }, form);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().batch).toMatchObject({
      name: batch.name,
      endDate: '02-02-2022',
      endDateAsDisplayString: '02-Feb-2022',
      locations: [{ locationId: locations[1]!.id, name: locations[1]!.name }],
    });
  });

  it('replaces the locations, and an empty list clears them', async () => {
    const courseId = await blendedCourse();
    const batch = await createBatch(courseId, { locations: [locations[0]!.id, locations[1]!.id] });
    const url = `/api/v1/courses/${courseId}/batches/${batch.batchId}`;
    const replaced = await send('PATCH', url, { locations: [locations[2]!.id] });
    expect(replaced.json().batch.locations).toEqual([{ locationId: locations[2]!.id, name: locations[2]!.name }]);
    const cleared = await send('PATCH', url, { locations: [] });
    expect(cleared.json().batch.locations).toEqual([]);
  });
});

describe('delete', () => {
  it('deletes the batch with its modules, sessions and attendance, and nothing of other batches', async () => {
    const courseId = await blendedCourse();
    const doomed = await createBatch(courseId, { name: 'Doomed' });
    const kept = await createBatch(courseId, { name: 'Kept' });
    const db = lectern.app.lectern.db;
    for (const [index, batchId] of [doomed.batchId, kept.batchId].entries()) {
      const moduleId = await insertModule(lectern, courseId, batchId);
      const sessionId = `90000000000000${index}002`;
      await insertSession(lectern, { courseId, batchId, moduleId }, { id: sessionId, date: '2022-01-10' });
      await insertAttendance(lectern, sessionId);
    }
    const response = await lectern.app.inject({
      method: 'DELETE',
      url: `/api/v1/courses/${courseId}/batches/${doomed.batchId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toBe('{"code":"200","message":"success"}');
    expect((await getBatch(courseId, doomed.batchId)).statusCode).toBe(404);
    expect((await getBatch(courseId, kept.batchId)).statusCode).toBe(200);
    const modules = await db
      .selectFrom('course_modules')
      .select('batch_id')
      .where('course_id', '=', courseId)
      .execute();
    expect(modules).toEqual([{ batch_id: kept.batchId }]);
    const sessions = await db
      .selectFrom('class_sessions')
      .select('batch_id')
      .where('course_id', '=', courseId)
      .execute();
    expect(sessions).toEqual([{ batch_id: kept.batchId }]);
    const attendance = await db
      .selectFrom('session_attendance')
      .select('session_id')
      .where('session_id', 'in', ['900000000000000002', '900000000000001002'])
      .execute();
    expect(attendance).toEqual([{ session_id: '900000000000001002' }]);
    const again = await lectern.app.inject({
      method: 'DELETE',
      url: `/api/v1/courses/${courseId}/batches/${doomed.batchId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(again.statusCode).toBe(404);
  });
});
