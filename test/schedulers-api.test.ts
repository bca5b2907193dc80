/** The Batch Scheduler API over HTTP: shapes, input forms, partial updates, delete, list. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse, formType, jsonType } from './helpers/courses.ts';
import { validSchedulerData as validData } from './helpers/schedulers.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let courseId: string;

beforeAll(async () => {
  lectern = await createTestLectern();
  courseId = (await createCourse(lectern, lectern.adminToken, { name: 'Scheduled course', type: 2 })).courseId;
});
afterAll(() => lectern.close());

const base = (course = courseId) => `/api/v1/courses/${course}/batches/schedulers`;

function post(payload: string, options: { url?: string; headers?: Record<string, string>; token?: string } = {}) {
  return lectern.app.inject({
    method: 'POST',
    url: options.url ?? base(),
    headers: { ...lectern.auth(options.token ?? lectern.adminToken), ...(options.headers ?? jsonType) },
    payload,
  });
}

async function createScheduler(data: Record<string, unknown> = validData()) {
  const response = await post(JSON.stringify(data));
  expect(response.statusCode, response.body).toBe(200);
  return response.json().batchScheduler;
}

function patch(schedulerId: string, data: Record<string, unknown>) {
  return lectern.app.inject({
    method: 'PATCH',
    url: `${base()}/${schedulerId}`,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify(data),
  });
}

function get(url: string) {
  return lectern.app.inject({ url, headers: lectern.auth(lectern.adminToken) });
}

/** The Fetch Batch Scheduler sample's object, with this run's ids and dates. */
const sampleLike = (schedulerId: string) => ({
  batchName: 'Batch Scheduler One',
  frequencyUnit: 'week',
  cloneType: 0,
  schedulerId,
  publishBatchAutomatically: false,
  batchNameSuffixSeparator: 0,
  waitingTimeUnitForCancellation: 'day',
  sourceBatch: null,
  frequency: 1,
  offsetUnit: 'day',
  minimumCapacity: 1,
  maximumCapacity: 100,
  notifyClonedMembers: false,
  notifyApplicaleUsers: false,
  courseId,
  monthsOfTheYear: [],
  batchNameSuffix: 'number',
  daysOfTheMonth: [],
  startDateAsDisplayString: '12-Jan-2026',
  offset: -1,
  endDateAsDisplayString: '28-Feb-2026',
  cancelBatchWhenMinimumCapacityIsNotMet: true,
  waitingTimeForCancellation: 3,
  allowWaitlisting: true,
  daysOfTheWeek: ['2', '6'],
  totalNumberOfBatchesCreated: 0,
  weeksOfTheMonth: [],
  locations: [],
});

const sampleInput = {
  batchName: 'Batch Scheduler One',
  startDate: '12-01-2026',
  endDate: '28-02-2026',
  frequency: 1,
  frequencyUnit: 'week',
  batchNameSuffixSeparator: '_',
  batchNameSuffix: 'number',
  minimumCapacity: 1,
  maximumCapacity: 100,
  offset: -1,
  offsetUnit: 'day',
  daysOfTheWeek: ['2', '6'],
  allowWaitlisting: true,
  cancelBatchWhenMinimumCapacityIsNotMet: true,
  waitingTimeForCancellation: 3,
  waitingTimeUnitForCancellation: 'day',
  cloneType: 0,
  notifyApplicableUsers: false,
  publishBatchAutomatically: false,
  notifyClonedMembers: false,
};

describe('create', () => {
  it("answers the sample's object exactly: keys, order and types, Zoho's output names", async () => {
    const response = await post(JSON.stringify(sampleInput));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['batchScheduler', 'code', 'message']);
    expect(body.code).toBe('200');
    expect(body.message).toBe('success');
    const scheduler = body.batchScheduler;
    expect(scheduler.schedulerId).toMatch(/^\d{18}$/);
    const expected = sampleLike(scheduler.schedulerId);
    expect(Object.keys(scheduler)).toEqual(Object.keys(expected));
    expect(scheduler).toEqual(expected);
    // Fetch answers the same object.
    const fetched = await get(`${base()}/${scheduler.schedulerId}`);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.body).toBe(response.body);
  });

  const text = JSON.stringify(validData({ batchName: 'Form test' }));
  it.each([
    ['the query (batchSchedulerData)', `?batchSchedulerData=${encodeURIComponent(text)}`, undefined, {}],
    ["the table's spelling batchShedulerData", `?batchShedulerData=${encodeURIComponent(text)}`, undefined, {}],
    [
      "the template's stray space (batchSchedulerData =)",
      `?batchSchedulerData%20=${encodeURIComponent(text)}`,
      undefined,
      {},
    ],
    ['a form field', '', `batchSchedulerData=${encodeURIComponent(text)}`, formType],
    ['a form field, misspelled', '', `batchShedulerData=${encodeURIComponent(text)}`, formType],
    ['a bare JSON body', '', text, jsonType],
    ['a wrapped JSON body', '', `{"batchSchedulerData":${text}}`, jsonType],
    ['a wrapped JSON body, misspelled', '', `{"batchShedulerData":${text}}`, jsonType],
    ['curl -d without a content type', '', text, formType],
  ])('reads batchSchedulerData from %s', async (_name, query, payload, headers) => {
    const response = await lectern.app.inject({
      method: 'POST',
      url: `${base()}${query}`,
      headers: { ...lectern.auth(lectern.adminToken), ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().batchScheduler).toMatchObject({ batchName: 'Form test', daysOfTheWeek: ['2', '6'] });
    expect(response.headers['x-lectern-warning']).toBeUndefined();
  });

  it('accepts numbers for day lists and ids, "-" as separator (1 out), and sorts and dedupes the lists', async () => {
    const scheduler = await createScheduler(
      validData({ daysOfTheWeek: [6, '2', 6], batchNameSuffixSeparator: '-', frequency: '2' }),
    );
    expect(scheduler).toMatchObject({ daysOfTheWeek: ['2', '6'], batchNameSuffixSeparator: 1, frequency: 2 });
  });

  it("reads the output's own key names and the catalog's typos as input, and names unknown keys in a header", async () => {
    const response = await post(
      JSON.stringify(
        validData({
          frequencyUnit: 'month',
          daysOfTheWeek: [],
          daysOfTheMonth: ['1', '15'],
          notifyApplicaleUsers: true,
          waitingtTimeForCancellation: 4,
          colour: 'blue',
        }),
      ),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().batchScheduler).toMatchObject({
      daysOfTheMonth: ['1', '15'],
      notifyApplicaleUsers: true,
      waitingTimeForCancellation: 4,
    });
    expect(response.headers['x-lectern-warning']).toBe('unknown keys ignored in batchSchedulerData: colour');
  });

  it('takes locations of the portal', async () => {
    const locations = await lectern.app.lectern.db
      .selectFrom('locations')
      .select('id')
      .where('portal_id', '=', lectern.portalId)
      .execute();
    const ids = locations.map((row) => row.id).slice(0, 2);
    const scheduler = await createScheduler(validData({ locations: ids }));
    expect(scheduler.locations).toEqual(ids);
  });

  it('takes a batch of the course as source and clones it whole unless told otherwise', async () => {
    const batch = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${courseId}/batches`,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: JSON.stringify({
        name: 'Source',
        startDate: '05-01-2026',
        endDate: '09-01-2026',
        minimumCapacity: 1,
        maximumCapacity: 10,
      }),
    });
    expect(batch.statusCode, batch.body).toBe(200);
    const batchId = batch.json().batch.batchId;
    // The id as a bare 18-digit JSON number, as Zoho's samples write ids.
    const response = await post(JSON.stringify(validData()).replace(/}$/, `,"sourceBatchId":${batchId}}`));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().batchScheduler).toMatchObject({ sourceBatch: batchId, cloneType: 2 });
    const modulesOnly = await createScheduler(validData({ sourceBatchId: batchId, cloneType: 1 }));
    expect(modulesOnly).toMatchObject({ sourceBatch: batchId, cloneType: 1 });
  });

  it('refuses a self-paced course with UNSUPPORTED_OPERATION', async () => {
    const selfPaced = (await createCourse(lectern, lectern.adminToken, { type: 1 })).courseId;
    const response = await post(JSON.stringify(validData()), { url: base(selfPaced) });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('UNSUPPORTED_OPERATION');
  });
});

describe('update', () => {
  it('is partial: keys not sent keep their values', async () => {
    const created = await createScheduler(validData({ allowWaitlisting: true, offset: -2 }));
    const response = await patch(created.schedulerId, { batchName: 'Renamed', maximumCapacity: 30 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().batchScheduler).toEqual({ ...created, batchName: 'Renamed', maximumCapacity: 30 });
    expect((await get(`${base()}/${created.schedulerId}`)).json().batchScheduler.batchName).toBe('Renamed');
  });

  it('takes back the object that fetch answered (output keys read as input; the rest named in the header)', async () => {
    const created = await createScheduler(
      validData({ frequencyUnit: 'month', daysOfTheWeek: [], datesOfTheMonth: [5] }),
    );
    const response = await patch(created.schedulerId, { ...created, notifyApplicaleUsers: true });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().batchScheduler).toEqual({ ...created, notifyApplicaleUsers: true });
    expect(response.headers['x-lectern-warning']).toMatch(/schedulerId/);
  });

  it('keeps a start date now in the past when it is sent unchanged, and refuses moving it into the past', async () => {
    const created = await createScheduler();
    lectern.clock.advance(3 * 86_400_000);
    try {
      const same = await patch(created.schedulerId, { startDate: '05-01-2026', batchName: 'Still fine' });
      expect(same.statusCode, same.body).toBe(200);
      const earlier = await patch(created.schedulerId, { startDate: '06-01-2026' });
      expect(earlier.statusCode).toBe(400);
      expect(earlier.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'batchSchedulerData.startDate' });
    } finally {
      lectern.clock.advance(-3 * 86_400_000);
    }
  });

  it('clearing the source batch stops cloning', async () => {
    const batchId = (
      await lectern.app.lectern.db
        .selectFrom('batches')
        .select('id')
        .where('course_id', '=', courseId)
        .executeTakeFirst()
    )?.id;
    expect(batchId).toBeDefined();
    const created = await createScheduler(validData({ sourceBatchId: batchId }));
    const response = await patch(created.schedulerId, { sourceBatchId: null });
    expect(response.json().batchScheduler).toMatchObject({ sourceBatch: null, cloneType: 0 });
  });
});

describe('delete', () => {
  it('answers {code, message} and the scheduler is gone; the batches it made stay', async () => {
    const created = await createScheduler();
    await lectern.app.lectern.db
      .insertInto('batches')
      .values({
        id: lectern.app.lectern.ids.next(),
        portal_id: lectern.portalId,
        course_id: courseId,
        name: 'Made by it',
        start_date: '2026-01-05',
        end_date: '2026-01-05',
        minimum_capacity: 1,
        maximum_capacity: 2,
        locations: '[]',
        allow_waitlisting: 0,
        cancel_when_below_minimum: 0,
        waiting_time_for_cancellation: 0,
        waiting_time_unit: 'day',
        publish_status: 'unpublished',
        scheduler_id: created.schedulerId,
        created_at: 0,
        updated_at: 0,
        published_at: null,
      })
      .execute();
    const response = await lectern.app.inject({
      method: 'DELETE',
      url: `${base()}/${created.schedulerId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('{"code":"200","message":"success"}');
    expect((await get(`${base()}/${created.schedulerId}`)).statusCode).toBe(404);
    const kept = await lectern.app.lectern.db
      .selectFrom('batches')
      .select('name')
      .where('scheduler_id', '=', created.schedulerId)
      .execute();
    expect(kept).toEqual([{ name: 'Made by it' }]);
  });
});

describe('list', () => {
  it('answers {batchSchedulers, code, message, hasMoreRecords}, 25 a page, oldest first', async () => {
    const course = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
    const empty = await get(base(course));
    expect(empty.body).toBe('{"batchSchedulers":[],"code":"200","message":"success","hasMoreRecords":false}');
    const made: string[] = [];
    for (let index = 0; index < 26; index++) {
      const response = await post(JSON.stringify(validData({ batchName: `Rule ${index}` })), { url: base(course) });
      made.push(response.json().batchScheduler.schedulerId);
    }
    const first = await get(base(course));
    expect(first.statusCode).toBe(200);
    expect(Object.keys(first.json())).toEqual(['batchSchedulers', 'code', 'message', 'hasMoreRecords']);
    expect(first.json().batchSchedulers.map((item: { schedulerId: string }) => item.schedulerId)).toEqual(
      made.slice(0, 25),
    );
    expect(first.json().hasMoreRecords).toBe(true);
    const second = await get(`${base(course)}?startIndex=25`);
    expect(second.json().batchSchedulers.map((item: { batchName: string }) => item.batchName)).toEqual(['Rule 25']);
    expect(second.json().hasMoreRecords).toBe(false);
    const bad = await get(`${base(course)}?startIndex=-1`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'startIndex' });
  });

  it('does not clash with the batch routes: /batches/schedulers lists rules, /batches/:batchId is a batch', async () => {
    const list = await get(base());
    expect(list.statusCode).toBe(200);
    expect(list.json().batchSchedulers.length).toBeGreaterThan(0);
    const batchId = (await lectern.app.lectern.db
      .selectFrom('batches')
      .select('id')
      .where('course_id', '=', courseId)
      .executeTakeFirst())!.id;
    const batch = await get(`/api/v1/courses/${courseId}/batches/${batchId}`);
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json().batch.batchId).toBe(batchId);
  });
});
