/** Module locks: lockType 1 by the clock in the portal's time zone, lockType 2 by order, and the lockUntil rules. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { createCourse, jsonType, type Person, personNamed, publishCourse } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let plain: Person;
const start = Date.UTC(2026, 0, 5, 9, 0, 0);
const hour = 3_600_000;

beforeAll(async () => {
  lectern = await createTestLectern();
  plain = await personNamed(lectern, 'Julia Moreau');
});
afterAll(() => lectern.close());
beforeEach(async () => {
  lectern.clock.set(start);
  await setTimeZone('UTC');
});

async function setTimeZone(timeZone: string) {
  await lectern.app.lectern.db
    .updateTable('portals')
    .set({ time_zone: timeZone })
    .where('id', '=', lectern.portalId)
    .execute();
}

function send(method: 'POST' | 'PATCH', url: string, data: Record<string, unknown>) {
  return lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify(data),
  });
}

async function create(url: string, data: Record<string, unknown>) {
  const response = await send('POST', url, data);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().module as Record<string, any>;
}

async function fetchModule(url: string, moduleId: string, token = lectern.adminToken) {
  const response = await lectern.app.inject({ url: `${url}/${moduleId}`, headers: lectern.auth(token) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().module as Record<string, any>;
}

async function listLocks(url: string, query = '') {
  const response = await lectern.app.inject({ url: `${url}${query}`, headers: lectern.auth(lectern.adminToken) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().modules.map((item: any) => [item.moduleName, item.isLocked]);
}

const families: [string, () => Promise<string>][] = [
  ['self-paced', async () => `/api/v1/courses/${(await createCourse(lectern, lectern.adminToken)).courseId}/modules`],
  [
    'blended',
    async () => {
      const courseId = await createBlendedCourse(lectern);
      const batchId = await insertBatch(lectern, courseId, { startDate: '2026-01-01', endDate: '2026-03-31' });
      return `/api/v1/courses/${courseId}/batches/${batchId}/modules`;
    },
  ],
];

describe.each(families)('%s: lockType 1 (locked until a date)', (_family, makeUrl) => {
  it('reads locked before lockUntil and unlocked from that day on, as the clock moves', async () => {
    const url = await makeUrl();
    const created = await create(url, { name: 'Dated', lockType: 1, lockUntil: '10-01-2026' });
    expect(created).toMatchObject({ lockType: '1', lockUntil: '10-01-2026', isLocked: true });
    lectern.clock.set(Date.UTC(2026, 0, 9, 23, 59, 59));
    expect((await fetchModule(url, created.moduleId)).isLocked).toBe(true);
    lectern.clock.set(Date.UTC(2026, 0, 10, 0, 0, 0));
    expect((await fetchModule(url, created.moduleId)).isLocked).toBe(false);
    expect(await listLocks(url)).toEqual([['Dated', false]]);
    lectern.clock.advance(400 * 24 * hour);
    expect((await fetchModule(url, created.moduleId)).isLocked).toBe(false);
  });

  it("counts the days in the portal's time zone", async () => {
    const url = await makeUrl();
    const created = await create(url, { name: 'Zoned', lockType: 1, lockUntil: '10-01-2026' });
    // 12:00 UTC on the 9th is already 01:00 on the 10th in Auckland (UTC+13 in January).
    lectern.clock.set(Date.UTC(2026, 0, 9, 12, 0, 0));
    expect((await fetchModule(url, created.moduleId)).isLocked).toBe(true);
    await setTimeZone('Pacific/Auckland');
    expect((await fetchModule(url, created.moduleId)).isLocked).toBe(false);
    // And 09:00 UTC on the 10th is still 23:00 on the 9th in Honolulu (UTC-10).
    await setTimeZone('Pacific/Honolulu');
    lectern.clock.set(Date.UTC(2026, 0, 10, 9, 0, 0));
    expect((await fetchModule(url, created.moduleId)).isLocked).toBe(true);
  });

  it('accepts a lockUntil already past: the module is simply unlocked', async () => {
    const url = await makeUrl();
    expect(await create(url, { name: 'Past', lockType: 1, lockUntil: '31-12-2022' })).toMatchObject({
      lockUntil: '31-12-2022',
      isLocked: false,
    });
  });

  it('moves the date with an update, keeps it when only other keys change or the type changes', async () => {
    const url = await makeUrl();
    const created = await create(url, { name: 'Moving', lockType: 1, lockUntil: '01-02-2026' });
    const moved = await send('PATCH', `${url}/${created.moduleId}`, { lockUntil: '03-01-2026' });
    expect(moved.json().module).toMatchObject({ lockUntil: '03-01-2026', isLocked: false, lockType: '1' });
    const renamed = await send('PATCH', `${url}/${created.moduleId}`, { name: 'Renamed' });
    expect(renamed.json().module).toMatchObject({ lockUntil: '03-01-2026', lockType: '1' });
    // The date stays (and is shown) under another type; only lockType 1 locks by it.
    const later = await send('PATCH', `${url}/${created.moduleId}`, { lockUntil: '01-06-2026' });
    expect(later.json().module).toMatchObject({ lockUntil: '01-06-2026', isLocked: true });
    const unlocked = await send('PATCH', `${url}/${created.moduleId}`, { lockType: 0 });
    expect(unlocked.json().module).toMatchObject({ lockType: '0', lockUntil: '01-06-2026', isLocked: false });
    const relock = await send('PATCH', `${url}/${created.moduleId}`, { lockType: 1 });
    expect(relock.statusCode, relock.body).toBe(200);
    expect(relock.json().module).toMatchObject({ lockType: '1', lockUntil: '01-06-2026', isLocked: true });
    const cleared = await send('PATCH', `${url}/${created.moduleId}`, { lockType: 0, lockUntil: '' });
    expect(cleared.json().module).toMatchObject({ lockType: '0', lockUntil: '' });
    const bare = await send('PATCH', `${url}/${created.moduleId}`, { lockType: 1 });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ code: 'INPUT_PARAMETER_MISSING', parameter: 'moduleData.lockUntil' });
    expect(bare.json().message).toContain('lockType is 1');
  });

  it('refuses to clear the date of a lockType 1 module, and accepts an empty date with another type', async () => {
    const url = await makeUrl();
    const created = await create(url, { name: 'Clear', lockType: 1, lockUntil: '01-02-2026' });
    for (const lockUntil of [null, '']) {
      const response = await send('PATCH', `${url}/${created.moduleId}`, { lockUntil });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INPUT_PARAMETER_MISSING', parameter: 'moduleData.lockUntil' });
    }
    const response = await send('PATCH', `${url}/${created.moduleId}`, { lockType: 2, lockUntil: '' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().module).toMatchObject({ lockType: '2', lockUntil: '' });
  });

  it.each([0, 1, 2])(
    "accepts lockUntil with lockType %i, as Zoho's template sends both keys; only lockType 1 locks by it",
    async (lockType) => {
      const url = await makeUrl();
      // The clock stands on 5 January 2026: 01-02-2026 is still to come.
      const created = await create(url, { name: `Type ${lockType}`, lockType, lockUntil: '01-02-2026' });
      expect(created).toMatchObject({ lockType: String(lockType), lockUntil: '01-02-2026' });
      if (lockType === 1) expect(created.isLocked).toBe(true);
      if (lockType === 0) expect(created.isLocked).toBe(false);
      const again = await send('PATCH', `${url}/${created.moduleId}`, { lockType, lockUntil: '02_02_2026' });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().module).toMatchObject({ lockType: String(lockType), lockUntil: '02-02-2026' });
      expect((await fetchModule(url, created.moduleId)).lockUntil).toBe('02-02-2026');
    },
  );

  it.each([0, 1, 2])(
    'accepts an entity lockUntil in a module of lockType %i (links and offline tests)',
    async (lockType) => {
      const url = await makeUrl();
      const dated = lockType === 1 ? { lockUntil: '20-01-2026' } : {};
      const created = await create(url, { name: `Holder ${lockType}`, lockType, ...dated });
      const entities = `${url}/${created.moduleId}`;
      const link = await send('POST', `${entities}/links`, {
        name: 'Read me',
        embedURL: 'https://example.com',
        lockUntil: '01-02-2026',
      });
      expect(link.statusCode, link.body).toBe(200);
      expect(link.json().link).toMatchObject({ lockUntil: '01-02-2026', isLocked: true });
      const test = await send('POST', `${entities}/offlineTests`, {
        name: 'Quiz',
        marks: 10,
        duration: 20,
        lockUntil: '01_02_2026',
      });
      expect(test.statusCode, test.body).toBe(200);
      expect(test.json().offlineTest).toMatchObject({ lockUntil: '01-02-2026', isLocked: true });
    },
  );

  it('accepts a date sent alone to a module of another lockType, which stays unlocked by it', async () => {
    const url = await makeUrl();
    const created = await create(url, { name: 'Open' });
    const response = await send('PATCH', `${url}/${created.moduleId}`, { lockUntil: '01-02-2026' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().module).toMatchObject({ lockType: '0', lockUntil: '01-02-2026', isLocked: false });
  });
});

describe.each(families)('%s: lockType 2 (locked until the previous module is completed)', (_family, makeUrl) => {
  it('reads unlocked for the first module only, for every caller, on every page', async () => {
    const url = await makeUrl();
    const first = await create(url, { name: 'First', lockType: 2 });
    expect(first.isLocked).toBe(false);
    const second = await create(url, { name: 'Second', lockType: 2 });
    expect(second.isLocked).toBe(true);
    await create(url, { name: 'Open', lockType: 0 });
    expect(await listLocks(url)).toEqual([
      ['First', false],
      ['Second', true],
      ['Open', false],
    ]);
    // On a later page the first row is not the first module.
    expect(await listLocks(url, '?startIndex=1')).toEqual([
      ['Second', true],
      ['Open', false],
    ]);
    expect((await fetchModule(url, second.moduleId)).isLocked).toBe(true);
    // Deleting the first module makes the next one first.
    await lectern.app.inject({
      method: 'DELETE',
      url: `${url}/${first.moduleId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect((await fetchModule(url, second.moduleId)).isLocked).toBe(false);
  });
});

it('shows a plain employee the same locks as the admin (no learner progress exists yet)', async () => {
  const courseId = (await createCourse(lectern, lectern.adminToken)).courseId;
  await publishCourse(lectern, courseId, lectern.adminToken);
  const url = `/api/v1/courses/${courseId}/modules`;
  const first = await create(url, { name: 'First' });
  const chained = await create(url, { name: 'Chained', lockType: 2 });
  const dated = await create(url, { name: 'Dated', lockType: 1, lockUntil: '06-01-2026' });
  expect((await fetchModule(url, first.moduleId, plain.token)).isLocked).toBe(false);
  expect((await fetchModule(url, chained.moduleId, plain.token)).isLocked).toBe(true);
  expect((await fetchModule(url, dated.moduleId, plain.token)).isLocked).toBe(true);
  lectern.clock.advance(24 * hour);
  expect((await fetchModule(url, dated.moduleId, plain.token)).isLocked).toBe(false);
});
