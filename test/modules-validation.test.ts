/** Module API input: moduleData in every documented place, and every validation error (nothing written). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { createCourse, formType, jsonType } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

/** The modules URL of a fresh self-paced course. */
async function selfPacedUrl(): Promise<string> {
  return `/api/v1/courses/${(await createCourse(lectern, lectern.adminToken)).courseId}/modules`;
}

/** The modules URL of a fresh batch of a fresh blended course. */
async function batchUrl(): Promise<string> {
  const courseId = await createBlendedCourse(lectern);
  const batchId = await insertBatch(lectern, courseId, { startDate: '2026-02-01', endDate: '2026-02-28' });
  return `/api/v1/courses/${courseId}/batches/${batchId}/modules`;
}

function send(method: 'POST' | 'PATCH', url: string, data: Record<string, unknown>) {
  return lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify(data),
  });
}

function get(url: string) {
  return lectern.app.inject({ url, headers: lectern.auth(lectern.adminToken) });
}

async function countModules(): Promise<number> {
  const row = await lectern.app.lectern.db
    .selectFrom('course_modules')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

describe('moduleData in every documented place', () => {
  const text = '{"name":"Carried","duration":15,"lockType":0}';
  const forms: [string, (url: string) => { url: string; headers: Record<string, string>; payload?: string }][] = [
    ['the query', (url) => ({ url: `${url}?moduleData=${encodeURIComponent(text)}`, headers: {} })],
    ['a form field', (url) => ({ url, headers: formType, payload: `moduleData=${encodeURIComponent(text)}` })],
    ['a bare JSON body', (url) => ({ url, headers: jsonType, payload: text })],
    ['a wrapped JSON body', (url) => ({ url, headers: jsonType, payload: `{"moduleData":${text}}` })],
    ['curl -d without a content type', (url) => ({ url, headers: formType, payload: text })],
  ];

  it.each(forms)('creates and updates with moduleData in %s', async (_form, carry) => {
    const parentUrl = await batchUrl();
    const post = carry(parentUrl);
    const created = await lectern.app.inject({
      method: 'POST',
      url: post.url,
      headers: { ...lectern.auth(lectern.adminToken), ...post.headers },
      ...(post.payload === undefined ? {} : { payload: post.payload }),
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().module).toMatchObject({ moduleName: 'Carried', duration: '15 Mins', lockType: '0' });
    expect(created.headers['x-lectern-warning']).toBeUndefined();
    const patch = carry(`${parentUrl}/${created.json().module.moduleId}`);
    const updated = await lectern.app.inject({
      method: 'PATCH',
      url: patch.url,
      headers: { ...lectern.auth(lectern.adminToken), ...patch.headers },
      ...(patch.payload === undefined ? {} : { payload: patch.payload }),
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().module).toEqual(created.json().module);
  });
});

describe('validation', () => {
  const parent = { url: '' };
  let moduleId: string;
  beforeAll(async () => {
    parent.url = await selfPacedUrl();
    const created = await send('POST', parent.url, { name: 'Target', lockType: 0 });
    moduleId = created.json().module.moduleId;
  });

  const bad: [what: string, data: Record<string, unknown>, code: string, parameter: string][] = [
    ['a name of only spaces', { name: '   ' }, 'INVALID_INPUT', 'moduleData.name'],
    ['an empty name', { name: '' }, 'INVALID_INPUT', 'moduleData.name'],
    ['a name too long', { name: 'x'.repeat(251) }, 'INVALID_INPUT', 'moduleData.name'],
    ['a name that is not text', { name: { first: 'x' } }, 'INVALID_INPUT', 'moduleData.name'],
    [
      'a description too long',
      { name: 'x', description: 'd'.repeat(10001) },
      'INVALID_INPUT',
      'moduleData.description',
    ],
    ['a duration of 0', { name: 'x', duration: 0 }, 'INVALID_INPUT', 'moduleData.duration'],
    ['a negative duration', { name: 'x', duration: -5 }, 'INVALID_INPUT', 'moduleData.duration'],
    ['a fractional duration', { name: 'x', duration: 1.5 }, 'INVALID_INPUT', 'moduleData.duration'],
    ['a duration in hours', { name: 'x', duration: '2 Hours' }, 'INVALID_INPUT', 'moduleData.duration'],
    ['a huge duration', { name: 'x', duration: 1_000_001 }, 'INVALID_INPUT', 'moduleData.duration'],
    ['lockType 3', { name: 'x', lockType: 3 }, 'INVALID_INPUT', 'moduleData.lockType'],
    ['lockType "one"', { name: 'x', lockType: 'one' }, 'INVALID_INPUT', 'moduleData.lockType'],
    ['lockType 1.5', { name: 'x', lockType: 1.5 }, 'INVALID_INPUT', 'moduleData.lockType'],
    [
      'lockUntil as YYYY-MM-DD',
      { name: 'x', lockType: 1, lockUntil: '2026-12-31' },
      'INVALID_INPUT',
      'moduleData.lockUntil',
    ],
    [
      'lockUntil not a real date',
      { name: 'x', lockType: 1, lockUntil: '31-02-2026' },
      'INVALID_INPUT',
      'moduleData.lockUntil',
    ],
    ['lockUntil as a number', { name: 'x', lockType: 1, lockUntil: 31122026 }, 'INVALID_INPUT', 'moduleData.lockUntil'],
    ['lockType 1 without lockUntil', { name: 'x', lockType: 1 }, 'INPUT_PARAMETER_MISSING', 'moduleData.lockUntil'],
    [
      'a bad lockUntil with lockType 0',
      { name: 'x', lockType: 0, lockUntil: '2026-12-31' },
      'INVALID_INPUT',
      'moduleData.lockUntil',
    ],
    [
      'a bad lockUntil with lockType 2',
      { name: 'x', lockType: 2, lockUntil: '32-12-2026' },
      'INVALID_INPUT',
      'moduleData.lockUntil',
    ],
  ];

  it.each(bad)(
    'create refuses %s with 400 naming the parameter, and writes nothing',
    async (_what, data, code, parameter) => {
      const before = await countModules();
      const response = await send('POST', parent.url, data);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code, parameter });
      expect(response.json().message).toContain(parameter);
      expect(await countModules()).toBe(before);
    },
  );

  it.each(bad.filter(([what]) => !what.includes('without lockType')))(
    'update refuses %s and changes nothing',
    async (_what, data, code, parameter) => {
      const before = (await get(`${parent.url}/${moduleId}`)).body;
      const response = await send('PATCH', `${parent.url}/${moduleId}`, data);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code, parameter });
      expect((await get(`${parent.url}/${moduleId}`)).body).toBe(before);
    },
  );

  it('create needs a name', async () => {
    const response = await send('POST', parent.url, { description: 'nameless' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INPUT_PARAMETER_MISSING', parameter: 'moduleData.name' });
  });

  it('create and update need moduleData', async () => {
    for (const [method, url] of [
      ['POST', parent.url],
      ['PATCH', `${parent.url}/${moduleId}`],
    ] as const) {
      const response = await lectern.app.inject({ method, url, headers: lectern.auth(lectern.adminToken) });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INPUT_PARAMETER_MISSING', parameter: 'moduleData' });
    }
  });

  it('refuses moduleData that is not a JSON object', async () => {
    for (const value of ['[1,2]', '{not json', '"text"']) {
      const response = await lectern.app.inject({
        method: 'POST',
        url: `${parent.url}?moduleData=${encodeURIComponent(value)}`,
        headers: lectern.auth(lectern.adminToken),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'moduleData' });
    }
  });

  it('accepts unknown keys and names them in X-Lectern-Warning', async () => {
    const response = await send('POST', parent.url, { name: 'Extra', colour: 'red', level: 2 });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-lectern-warning']).toBe('unknown keys ignored in moduleData: colour, level');
  });
});
