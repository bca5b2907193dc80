/** Batch API input rules: every bad batchData answers 400 naming the parameter and writes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse, jsonType } from './helpers/courses.ts';
import { insertSession } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let locationId: string;

beforeAll(async () => {
  lectern = await createTestLectern();
  const location = await lectern.app.lectern.db
    .selectFrom('locations')
    .select('id')
    .where('portal_id', '=', lectern.portalId)
    .executeTakeFirstOrThrow();
  locationId = location.id;
});
afterAll(() => lectern.close());

const valid = { name: 'Batch', startDate: '10-01-2026', endDate: '20-02-2026', minimumCapacity: 2, maximumCapacity: 9 };

const blendedCourse = async () => (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId as string;

function send(method: 'POST' | 'PATCH', url: string, payload: string) {
  return lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload,
  });
}

async function countBatches(): Promise<number> {
  const row = await lectern.app.lectern.db
    .selectFrom('batches')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function expectRefused(
  response: Awaited<ReturnType<typeof send>>,
  code: string,
  parameter?: string,
): Promise<void> {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.json().code).toBe(code);
  if (parameter !== undefined) expect(response.json().parameter).toBe(parameter);
}

describe('create refuses', () => {
  let courseId: string;
  beforeAll(async () => {
    courseId = await blendedCourse();
  });

  it('a request without batchData', async () => {
    const response = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${courseId}/batches`,
      headers: lectern.auth(lectern.adminToken),
    });
    await expectRefused(response, 'INPUT_PARAMETER_MISSING', 'batchData');
  });

  it.each([
    ['not JSON', 'batchData=%7Bname'],
    ['a JSON array', `batchData=${encodeURIComponent('[1]')}`],
  ])('batchData that is %s', async (_name, query) => {
    const response = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${courseId}/batches?${query}`,
      headers: lectern.auth(lectern.adminToken),
    });
    await expectRefused(response, 'INVALID_INPUT', 'batchData');
  });

  it.each(['name', 'startDate', 'endDate', 'minimumCapacity', 'maximumCapacity'])('a missing %s', async (key) => {
    const before = await countBatches();
    const data: Record<string, unknown> = { ...valid };
    delete data[key];
    const response = await send('POST', `/api/v1/courses/${courseId}/batches`, JSON.stringify(data));
    await expectRefused(response, 'INPUT_PARAMETER_MISSING', `batchData.${key}`);
    expect(await countBatches()).toBe(before);
  });

  it.each([
    ['name', '   '],
    ['name', 'x'.repeat(251)],
    ['startDate', '2026-01-10'],
    ['startDate', '10/01/2026'],
    ['startDate', '31-02-2026'],
    ['endDate', '32-01-2026'],
    ['endDate', 20260220],
    ['minimumCapacity', -1],
    ['minimumCapacity', 1.5],
    ['minimumCapacity', 'two'],
    ['maximumCapacity', '1e3'],
    ['maximumCapacity', 1_000_001],
    ['locations', 'everywhere'],
    ['locations', ['abc']],
    ['allowWaitlisting', 'maybe'],
    ['waitingTimeForCancellation', -2],
    ['waitingTimeForCancellation', 2.5],
    ['waitingTimeUnitForCancellation', 'week'],
    ['waitingTimeUnitForCancellation', 'days'],
  ])('%s = %j', async (key, value) => {
    const before = await countBatches();
    const response = await send(
      'POST',
      `/api/v1/courses/${courseId}/batches`,
      JSON.stringify({ ...valid, [key]: value }),
    );
    await expectRefused(response, 'INVALID_INPUT');
    // A bad list item is named by its position (batchData.locations.0).
    expect(response.json().parameter).toMatch(new RegExp(`^batchData\\.${key}(\\.\\d+)?$`));
    expect(response.json().message).toContain(`batchData.${key}`);
    expect(await countBatches()).toBe(before);
  });

  it('an end date before the start date (the same day is fine)', async () => {
    const url = `/api/v1/courses/${courseId}/batches`;
    const refused = await send('POST', url, JSON.stringify({ ...valid, endDate: '09-01-2026' }));
    await expectRefused(refused, 'INVALID_INPUT', 'batchData.endDate');
    const sameDay = await send('POST', url, JSON.stringify({ ...valid, endDate: '10_01_2026' }));
    expect(sameDay.statusCode, sameDay.body).toBe(200);
  });

  it('a minimum capacity above the maximum (equal is fine)', async () => {
    const url = `/api/v1/courses/${courseId}/batches`;
    const refused = await send('POST', url, JSON.stringify({ ...valid, minimumCapacity: 10 }));
    await expectRefused(refused, 'INVALID_INPUT', 'batchData.minimumCapacity');
    const equal = await send('POST', url, JSON.stringify({ ...valid, minimumCapacity: 9 }));
    expect(equal.statusCode, equal.body).toBe(200);
    const zero = await send('POST', url, JSON.stringify({ ...valid, minimumCapacity: 0, maximumCapacity: 0 }));
    expect(zero.statusCode, zero.body).toBe(200);
  });

  it("an unknown location and another portal's location", async () => {
    const other = await lectern.otherPortal();
    const foreign = await lectern.app.lectern.db
      .selectFrom('locations')
      .select('id')
      .where('portal_id', '=', other.portalId)
      .executeTakeFirstOrThrow();
    for (const id of ['123456789012345678', foreign.id]) {
      const before = await countBatches();
      const data = JSON.stringify({ ...valid, locations: [locationId, id] });
      const response = await send('POST', `/api/v1/courses/${courseId}/batches`, data);
      await expectRefused(response, 'INVALID_INPUT', 'batchData.locations');
      expect(response.json().message).toContain(id);
      expect(await countBatches()).toBe(before);
    }
  });

  it.each([1, 3])('a course of type %i (not blended learning)', async (type) => {
    const course = await createCourse(lectern, lectern.adminToken, { type });
    const response = await send('POST', `/api/v1/courses/${course.courseId}/batches`, JSON.stringify(valid));
    await expectRefused(response, 'UNSUPPORTED_OPERATION');
    expect(response.json().message).toMatch(/blended learning/);
  });
});

describe('update refuses', () => {
  let courseId: string;
  let batchUrl: string;
  let original: Record<string, unknown>;
  beforeAll(async () => {
    courseId = await blendedCourse();
    const created = await send('POST', `/api/v1/courses/${courseId}/batches`, JSON.stringify(valid));
    original = created.json().batch;
    batchUrl = `/api/v1/courses/${courseId}/batches/${original.batchId}`;
  });

  const unchanged = async () => {
    const response = await lectern.app.inject({ url: batchUrl, headers: lectern.auth(lectern.adminToken) });
    expect(response.json().batch).toEqual(original);
  };

  it.each([
    ['name', ''],
    ['startDate', '1-1-2026'],
    ['maximumCapacity', -5],
    ['locations', [123]],
    ['waitingTimeUnitForCancellation', 'month'],
  ])('%s = %j', async (key, value) => {
    await expectRefused(
      await send('PATCH', batchUrl, JSON.stringify({ [key]: value })),
      'INVALID_INPUT',
      `batchData.${key}`,
    );
    await unchanged();
  });

  it('a new end date before the stored start date, naming endDate', async () => {
    await expectRefused(
      await send('PATCH', batchUrl, '{"endDate":"01-01-2026"}'),
      'INVALID_INPUT',
      'batchData.endDate',
    );
    await unchanged();
  });

  it('a new start date after the stored end date, naming startDate', async () => {
    const response = await send('PATCH', batchUrl, '{"startDate":"01-03-2026"}');
    await expectRefused(response, 'INVALID_INPUT', 'batchData.startDate');
    await unchanged();
  });

  it('a new maximum below the stored minimum, naming maximumCapacity', async () => {
    const response = await send('PATCH', batchUrl, '{"maximumCapacity":1}');
    await expectRefused(response, 'INVALID_INPUT', 'batchData.maximumCapacity');
    await unchanged();
  });

  it('dates that would leave a session outside the batch (BATCH_DATE_AND_SESSION_DATE_MISMATCH)', async () => {
    await insertSession(
      lectern,
      { courseId, batchId: String(original.batchId), moduleId: '900000000000009000' },
      { id: '900000000000009001', date: '2026-02-01' },
    );
    const response = await send('PATCH', batchUrl, '{"endDate":"31-01-2026"}');
    await expectRefused(response, 'BATCH_DATE_AND_SESSION_DATE_MISMATCH');
    await expectRefused(
      await send('PATCH', batchUrl, '{"startDate":"02-02-2026"}'),
      'BATCH_DATE_AND_SESSION_DATE_MISMATCH',
    );
    await unchanged();
    // Dates that still hold the session are fine.
    const kept = await send('PATCH', batchUrl, '{"startDate":"01-02-2026","endDate":"01-02-2026"}');
    expect(kept.statusCode, kept.body).toBe(200);
    const restored = await send(
      'PATCH',
      batchUrl,
      JSON.stringify({ startDate: valid.startDate, endDate: valid.endDate }),
    );
    expect(restored.json().batch).toEqual(original);
  });
});
