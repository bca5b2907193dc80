/** Every bad batchSchedulerData is a 400 naming the parameter, and writes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse, jsonType } from './helpers/courses.ts';
import { validSchedulerData as validData } from './helpers/schedulers.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let courseId: string;
let otherCourseBatchId: string;
let schedulerId: string;

function send(method: 'POST' | 'PATCH', payload: string, url?: string) {
  return lectern.app.inject({
    method,
    url: url ?? `/api/v1/courses/${courseId}/batches/schedulers${method === 'PATCH' ? `/${schedulerId}` : ''}`,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload,
  });
}

async function countSchedulers(): Promise<number> {
  const row = await lectern.app.lectern.db
    .selectFrom('batch_schedulers')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

beforeAll(async () => {
  lectern = await createTestLectern();
  courseId = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
  const otherCourse = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
  const batch = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${otherCourse}/batches`,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify({
      name: 'B',
      startDate: '05-01-2026',
      endDate: '06-01-2026',
      minimumCapacity: 0,
      maximumCapacity: 5,
    }),
  });
  expect(batch.statusCode, batch.body).toBe(200);
  otherCourseBatchId = batch.json().batch.batchId;
  const created = await send('POST', JSON.stringify(validData()));
  expect(created.statusCode, created.body).toBe(200);
  schedulerId = created.json().batchScheduler.schedulerId;
});
afterAll(() => lectern.close());

const missing = 'INPUT_PARAMETER_MISSING';
const invalid = 'INVALID_INPUT';
const without = (key: string) => {
  const data: Record<string, unknown> = validData();
  delete data[key];
  return data;
};

/** [what, batchSchedulerData, code, parameter] */
const cases: [string, Record<string, unknown>, string, string][] = [
  ['no batchName', without('batchName'), missing, 'batchName'],
  ['a blank batchName', validData({ batchName: '   ' }), invalid, 'batchName'],
  ['a batchName of 241 characters', validData({ batchName: 'x'.repeat(241) }), invalid, 'batchName'],
  ['no startDate', without('startDate'), missing, 'startDate'],
  ['no endDate', without('endDate'), missing, 'endDate'],
  ['no frequency', without('frequency'), missing, 'frequency'],
  ['no frequencyUnit', without('frequencyUnit'), missing, 'frequencyUnit'],
  ['no minimumCapacity', without('minimumCapacity'), missing, 'minimumCapacity'],
  ['no maximumCapacity', without('maximumCapacity'), missing, 'maximumCapacity'],
  ['a startDate as YYYY-MM-DD', validData({ startDate: '2026-01-05' }), invalid, 'startDate'],
  ['a startDate that is no date', validData({ startDate: '31-02-2026' }), invalid, 'startDate'],
  ['a startDate before today', validData({ startDate: '04-01-2026' }), invalid, 'startDate'],
  ['an endDate before the startDate', validData({ endDate: '04-01-2026' }), invalid, 'endDate'],
  ['an endDate more than ten years on', validData({ endDate: '06-01-2036' }), invalid, 'endDate'],
  ['a rule that makes no batch', validData({ endDate: '06-01-2026', daysOfTheWeek: ['6'] }), invalid, 'endDate'],
  [
    'a rule of over 1000 batches',
    validData({ endDate: '01-01-2030', daysOfTheWeek: [1, 2, 3, 4, 5, 6, 7] }),
    invalid,
    'endDate',
  ],
  ['frequency 0', validData({ frequency: 0 }), invalid, 'frequency'],
  ['frequency 1.5', validData({ frequency: 1.5 }), invalid, 'frequency'],
  ['frequency "1.5"', validData({ frequency: '1.5' }), invalid, 'frequency'],
  ['frequency 101', validData({ frequency: 101 }), invalid, 'frequency'],
  ['frequencyUnit day', validData({ frequencyUnit: 'day' }), invalid, 'frequencyUnit'],
  ['daysOfTheWeek [8]', validData({ daysOfTheWeek: [8] }), invalid, 'daysOfTheWeek'],
  ['daysOfTheWeek [0]', validData({ daysOfTheWeek: ['0'] }), invalid, 'daysOfTheWeek'],
  ['daysOfTheWeek [2.5]', validData({ daysOfTheWeek: [2.5] }), invalid, 'daysOfTheWeek'],
  ['daysOfTheWeek [true]', validData({ daysOfTheWeek: [true] }), invalid, 'daysOfTheWeek'],
  ['daysOfTheWeek as an object', validData({ daysOfTheWeek: { a: 1 } }), invalid, 'daysOfTheWeek'],
  [
    'datesOfTheMonth [32]',
    validData({ frequencyUnit: 'month', daysOfTheWeek: [], datesOfTheMonth: [32] }),
    invalid,
    'datesOfTheMonth',
  ],
  ['weeksOfTheMonth [6]', validData({ frequencyUnit: 'month', weeksOfTheMonth: [6] }), invalid, 'weeksOfTheMonth'],
  ['monthsOfTheYear [13]', validData({ frequencyUnit: 'year', monthsOfTheYear: [13] }), invalid, 'monthsOfTheYear'],
  ['datesOfTheMonth on a weekly rule', validData({ datesOfTheMonth: [1] }), invalid, 'datesOfTheMonth'],
  ['weeksOfTheMonth on a weekly rule', validData({ weeksOfTheMonth: [1] }), invalid, 'weeksOfTheMonth'],
  [
    'monthsOfTheYear on a monthly rule',
    validData({ frequencyUnit: 'month', monthsOfTheYear: [1] }),
    invalid,
    'monthsOfTheYear',
  ],
  [
    'datesOfTheMonth with daysOfTheWeek',
    validData({ frequencyUnit: 'month', datesOfTheMonth: [1] }),
    invalid,
    'datesOfTheMonth',
  ],
  ['offset 1', validData({ offset: 1 }), invalid, 'offset'],
  ['offset -366', validData({ offset: -366 }), invalid, 'offset'],
  ['offsetUnit week', validData({ offsetUnit: 'week' }), invalid, 'offsetUnit'],
  ['batchNameSuffix date', validData({ batchNameSuffix: 'date' }), invalid, 'batchNameSuffix'],
  ['batchNameSuffixSeparator .', validData({ batchNameSuffixSeparator: '.' }), invalid, 'batchNameSuffixSeparator'],
  ['batchNameSuffixSeparator 2', validData({ batchNameSuffixSeparator: 2 }), invalid, 'batchNameSuffixSeparator'],
  ['minimumCapacity -1', validData({ minimumCapacity: -1 }), invalid, 'minimumCapacity'],
  [
    'maximumCapacity below minimumCapacity',
    validData({ minimumCapacity: 5, maximumCapacity: 4 }),
    invalid,
    'maximumCapacity',
  ],
  ['locations that are not ids', validData({ locations: ['abc'] }), invalid, 'locations.0'],
  ['a location of no one', validData({ locations: ['123456789012345678'] }), invalid, 'locations'],
  ['allowWaitlisting maybe', validData({ allowWaitlisting: 'maybe' }), invalid, 'allowWaitlisting'],
  [
    'cancelBatchWhenMinimumCapacityIsNotMet 2',
    validData({ cancelBatchWhenMinimumCapacityIsNotMet: 2 }),
    invalid,
    'cancelBatchWhenMinimumCapacityIsNotMet',
  ],
  [
    'waitingTimeForCancellation -1',
    validData({ waitingTimeForCancellation: -1 }),
    invalid,
    'waitingTimeForCancellation',
  ],
  [
    'waitingTimeUnitForCancellation hour',
    validData({ waitingTimeUnitForCancellation: 'hour' }),
    invalid,
    'waitingTimeUnitForCancellation',
  ],
  ['sourceBatchId abc', validData({ sourceBatchId: 'abc' }), invalid, 'sourceBatchId'],
  ['an unknown sourceBatchId', validData({ sourceBatchId: '123456789012345678' }), invalid, 'sourceBatchId'],
  ['cloneType 3', validData({ cloneType: 3 }), invalid, 'cloneType'],
  ['cloneType 1 without a source batch', validData({ cloneType: 1 }), missing, 'sourceBatchId'],
  [
    'publishBatchAutomatically yes',
    validData({ publishBatchAutomatically: 'yes' }),
    invalid,
    'publishBatchAutomatically',
  ],
  ['notifyApplicableUsers yes', validData({ notifyApplicableUsers: 'yes' }), invalid, 'notifyApplicableUsers'],
  ['notifyClonedMembers null', validData({ notifyClonedMembers: null }), invalid, 'notifyClonedMembers'],
];

describe('create', () => {
  it.each(cases)(
    'refuses %s with 400 naming the parameter, and writes nothing',
    async (_name, data, code, parameter) => {
      const before = await countSchedulers();
      const response = await send('POST', JSON.stringify(data));
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code, parameter: `batchSchedulerData.${parameter}` });
      expect(response.json().message).toContain(`batchSchedulerData.${parameter}`);
      expect(await countSchedulers()).toBe(before);
    },
  );

  it('refuses a batch of another course as source', async () => {
    const response = await send('POST', JSON.stringify(validData({ sourceBatchId: otherCourseBatchId })));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: invalid, parameter: 'batchSchedulerData.sourceBatchId' });
  });

  it.each([
    ['no data at all', ''],
    ['a JSON list', '[1,2]'],
    ['data that is not an object', '{"batchSchedulerData":"x"}'],
    ['broken JSON in the query', null],
  ])('refuses %s', async (_name, payload) => {
    const response =
      payload === null
        ? await lectern.app.inject({
            method: 'POST',
            url: `/api/v1/courses/${courseId}/batches/schedulers?batchSchedulerData=%7Bnope`,
            headers: lectern.auth(lectern.adminToken),
          })
        : await send('POST', payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toMatch(/^(INVALID_INPUT|INPUT_PARAMETER_MISSING)$/);
  });
});

describe('update', () => {
  // On update every key is optional, so the cases of a key left out do not apply.
  it.each(cases.filter(([name]) => !name.startsWith('no ')))(
    'refuses %s with 400 naming the parameter, and changes nothing',
    async (_name, data, code, parameter) => {
      const url = `/api/v1/courses/${courseId}/batches/schedulers/${schedulerId}`;
      const before = (await lectern.app.inject({ url, headers: lectern.auth(lectern.adminToken) })).body;
      const response = await send('PATCH', JSON.stringify(data));
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code, parameter: `batchSchedulerData.${parameter}` });
      const after = (await lectern.app.inject({ url, headers: lectern.auth(lectern.adminToken) })).body;
      expect(after).toBe(before);
    },
  );

  it('checks the merged rule: an update that leaves stored lists unused by the new unit is refused', async () => {
    const response = await send('PATCH', JSON.stringify({ frequencyUnit: 'month', datesOfTheMonth: [1] }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ parameter: 'batchSchedulerData.datesOfTheMonth' });
    const fixed = await send(
      'PATCH',
      JSON.stringify({ frequencyUnit: 'month', datesOfTheMonth: [1], daysOfTheWeek: [] }),
    );
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().batchScheduler).toMatchObject({
      frequencyUnit: 'month',
      daysOfTheMonth: ['1'],
      daysOfTheWeek: [],
    });
  });

  it('accepts an empty object and changes nothing', async () => {
    const response = await send('PATCH', '{}');
    expect(response.statusCode, response.body).toBe(200);
  });
});
