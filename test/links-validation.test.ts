/** Link API input: each key's rules, URL schemes, lockUntil forms, and isLocked moving with Lectern's clock. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBatch } from './helpers/blended.ts';
import { addModule } from './helpers/content.ts';
import { createCourse, jsonType } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let modulesUrl: Record<string, string>;
const day = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  lectern = await createTestLectern();
  const selfPaced = (await createCourse(lectern, lectern.adminToken)).courseId;
  const blended = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
  const batchId = await insertBatch(lectern, blended, { startDate: '2026-02-01', endDate: '2026-02-28' });
  const selfModule = await addModule(lectern, { courseId: selfPaced });
  const batchModule = await addModule(lectern, { courseId: blended, batchId });
  modulesUrl = {
    'self-paced': `/api/v1/courses/${selfPaced}/modules/${selfModule}/links`,
    blended: `/api/v1/courses/${blended}/batches/${batchId}/modules/${batchModule}/links`,
  };
});
afterAll(() => lectern.close());

function post(url: string, data: unknown) {
  return lectern.app.inject({
    method: 'POST',
    url,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify(data),
  });
}

async function linkCount(): Promise<number> {
  const row = await lectern.app.lectern.db
    .selectFrom('module_entities')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

const valid = { name: 'Valid', embedURL: 'https://example.org' };

describe.each(['self-paced', 'blended'])('%s', (family) => {
  const url = () => modulesUrl[family]!;

  it.each([
    ['name missing', { embedURL: 'https://example.org' }, 'INPUT_PARAMETER_MISSING', 'linkData.name'],
    ['embedURL missing', { name: 'No URL' }, 'INPUT_PARAMETER_MISSING', 'linkData.embedURL'],
    ['an empty name', { ...valid, name: '' }, 'INVALID_INPUT', 'linkData.name'],
    ['a name of spaces', { ...valid, name: '   ' }, 'INVALID_INPUT', 'linkData.name'],
    ['a name of 251 characters', { ...valid, name: 'x'.repeat(251) }, 'INVALID_INPUT', 'linkData.name'],
    ['a name that is an object', { ...valid, name: { text: 'x' } }, 'INVALID_INPUT', 'linkData.name'],
    ['a javascript: URL', { ...valid, embedURL: 'javascript:alert(1)' }, 'INVALID_INPUT', 'linkData.embedURL'],
    ['an ftp URL', { ...valid, embedURL: 'ftp://example.org/file' }, 'INVALID_INPUT', 'linkData.embedURL'],
    ['a data: URL', { ...valid, embedURL: 'data:text/html,<b>x</b>' }, 'INVALID_INPUT', 'linkData.embedURL'],
    ['a relative URL', { ...valid, embedURL: '/people' }, 'INVALID_INPUT', 'linkData.embedURL'],
    ['an empty URL', { ...valid, embedURL: '' }, 'INVALID_INPUT', 'linkData.embedURL'],
    [
      'a URL of 2001 characters',
      { ...valid, embedURL: `https://e.org/${'a'.repeat(1987)}` },
      'INVALID_INPUT',
      'linkData.embedURL',
    ],
    ['isMandatory yes', { ...valid, isMandatory: 'yes' }, 'INVALID_INPUT', 'linkData.isMandatory'],
    [
      'a description of 10001 characters',
      { ...valid, description: 'd'.repeat(10001) },
      'INVALID_INPUT',
      'linkData.description',
    ],
    ['lockUntil as YYYY-MM-DD', { ...valid, lockUntil: '2026-01-10' }, 'INVALID_INPUT', 'linkData.lockUntil'],
    ['lockUntil 31-02-2026', { ...valid, lockUntil: '31-02-2026' }, 'INVALID_INPUT', 'linkData.lockUntil'],
    ['lockUntil a number', { ...valid, lockUntil: 10012026 }, 'INVALID_INPUT', 'linkData.lockUntil'],
  ])('refuses %s with 400 naming the parameter, and writes nothing', async (_name, data, code, parameter) => {
    const before = await linkCount();
    const response = await post(url(), data);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code, parameter });
    expect(response.json().message).toContain(parameter);
    expect(await linkCount()).toBe(before);
  });

  it('refuses a request without linkData (400 INPUT_PARAMETER_MISSING) and linkData that is not an object', async () => {
    const none = await lectern.app.inject({ method: 'POST', url: url(), headers: lectern.auth(lectern.adminToken) });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'INPUT_PARAMETER_MISSING', parameter: 'linkData' });
    const list = await lectern.app.inject({
      method: 'POST',
      url: `${url()}?linkData=${encodeURIComponent('[1,2]')}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(list.statusCode).toBe(400);
    expect(list.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'linkData' });
    const broken = await lectern.app.inject({
      method: 'POST',
      url: `${url()}?linkData=${encodeURIComponent('{"name":')}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().parameter).toBe('linkData');
  });

  it('refuses a bad value on update too, and keeps the link as it was', async () => {
    const created = (await post(url(), valid)).json().link;
    const itemUrl = `${url()}/${created.linkId}`;
    for (const data of [{ embedURL: 'javascript:void(0)' }, { name: ' ' }, { lockUntil: '1-1-2026' }]) {
      const response = await lectern.app.inject({
        method: 'PATCH',
        url: itemUrl,
        headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
        payload: JSON.stringify(data),
      });
      expect(response.statusCode, JSON.stringify(data)).toBe(400);
      expect(response.json().parameter).toBe(`linkData.${Object.keys(data)[0]}`);
    }
    const fetched = await lectern.app.inject({ url: itemUrl, headers: lectern.auth(lectern.adminToken) });
    expect(fetched.json().link).toEqual(created);
  });

  it('accepts http and https in any case, trims the URL and the name, and reads True as a boolean', async () => {
    const response = await post(url(), {
      name: '  Spaced  ',
      embedURL: '  HTTPS://Example.org/Path  ',
      isMandatory: 'False',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().link).toMatchObject({
      linkName: 'Spaced',
      link: 'HTTPS://Example.org/Path',
      isMandatoryLink: false,
    });
  });

  it.each([
    ['DD-MM-YYYY', '10-01-2026'],
    ['DD_MM_YYYY', '10_01_2026'],
  ])(
    'reads lockUntil as %s, answers DD-MM-YYYY, and unlocks on that day in the portal’s time zone',
    async (_f, date) => {
      lectern.clock.set(Date.UTC(2026, 0, 5, 9));
      const created = (await post(url(), { ...valid, lockUntil: date })).json().link;
      expect(created).toMatchObject({ lockUntil: '10-01-2026', isLocked: true });
      const fetch = async () =>
        (
          await lectern.app.inject({ url: `${url()}/${created.linkId}`, headers: lectern.auth(lectern.adminToken) })
        ).json().link;
      lectern.clock.set(Date.UTC(2026, 0, 9, 23, 59));
      expect((await fetch()).isLocked).toBe(true);
      lectern.clock.set(Date.UTC(2026, 0, 10, 0, 0));
      expect((await fetch()).isLocked).toBe(false);
      // In a portal east of UTC the day starts earlier.
      await lectern.app.lectern.db
        .updateTable('portals')
        .set({ time_zone: 'Asia/Kolkata' })
        .where('id', '=', lectern.portalId)
        .execute();
      lectern.clock.set(Date.UTC(2026, 0, 9, 19, 0)); // 00:30 on 10 January in India
      expect((await fetch()).isLocked).toBe(false);
      await lectern.app.lectern.db
        .updateTable('portals')
        .set({ time_zone: 'UTC' })
        .where('id', '=', lectern.portalId)
        .execute();
      lectern.clock.set(Date.UTC(2026, 0, 5, 9));
    },
  );

  it('takes lockUntil null or "" as no lock, and a past date as unlocked', async () => {
    for (const lockUntil of [null, '']) {
      expect((await post(url(), { ...valid, lockUntil })).json().link).toMatchObject({
        lockUntil: '',
        isLocked: false,
      });
    }
    const past = (await post(url(), { ...valid, lockUntil: '01-01-2020' })).json().link;
    expect(past).toMatchObject({ lockUntil: '01-01-2020', isLocked: false });
    lectern.clock.advance(-10 * 365 * day);
    const fetched = await lectern.app.inject({
      url: `${url()}/${past.linkId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(fetched.json().link.isLocked).toBe(true);
    lectern.clock.set(Date.UTC(2026, 0, 5, 9));
  });
});
