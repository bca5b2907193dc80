/** Module API in both families: create, fetch, list, update and delete, with the exact response shapes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { createCourse, jsonType } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

/** A fresh parent of one family: its modules URL and the ids the module object names. */
interface Parent {
  url: string;
  courseId: string;
  batchId: string | null;
}

const families: [name: string, make: () => Promise<Parent>][] = [
  [
    'self-paced course',
    async () => {
      const courseId = (await createCourse(lectern, lectern.adminToken, { type: 1 })).courseId;
      return { url: `/api/v1/courses/${courseId}/modules`, courseId, batchId: null };
    },
  ],
  [
    'e-material course',
    async () => {
      const courseId = (await createCourse(lectern, lectern.adminToken, { type: 3 })).courseId;
      return { url: `/api/v1/courses/${courseId}/modules`, courseId, batchId: null };
    },
  ],
  [
    'blended batch',
    async () => {
      const courseId = await createBlendedCourse(lectern);
      const batchId = await insertBatch(lectern, courseId, { startDate: '2026-02-01', endDate: '2026-02-28' });
      return { url: `/api/v1/courses/${courseId}/batches/${batchId}/modules`, courseId, batchId };
    },
  ],
];

function send(method: 'POST' | 'PATCH', url: string, data: Record<string, unknown>, token = lectern.adminToken) {
  return lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(token), ...jsonType },
    payload: JSON.stringify(data),
  });
}

async function create(parent: Parent, data: Record<string, unknown>) {
  const response = await send('POST', parent.url, data);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().module as Record<string, any>;
}

function get(url: string, token = lectern.adminToken) {
  return lectern.app.inject({ url, headers: lectern.auth(token) });
}

describe.each(families)('%s', (_name, make) => {
  let parent: Parent;
  beforeAll(async () => {
    parent = await make();
  });

  it('creates a module and answers the exact body, code a number, keys in the sample order', async () => {
    const response = await send('POST', parent.url, {
      name: 'Module One',
      description: 'Description for module',
      duration: 100,
      lockType: 1,
      lockUntil: '27-12-2026',
    });
    expect(response.statusCode, response.body).toBe(200);
    const moduleId = response.json().module.moduleId;
    expect(moduleId).toMatch(/^\d{18}$/);
    const batchId = parent.batchId === null ? 'null' : `"${parent.batchId}"`;
    expect(response.body).toBe(
      `{"code":200,"module":{"duration":"100 Mins","lockUntil":"27-12-2026","isLocked":true,` +
        `"moduleName":"Module One","description":"Description for module","lockType":"1","moduleId":"${moduleId}",` +
        `"courseId":"${parent.courseId}","batchId":${batchId}},"message":"success"}`,
    );
    const fetched = await get(`${parent.url}/${moduleId}`);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.body).toBe(response.body);
  });

  it('creates with the name alone: no duration, unlocked, empty texts', async () => {
    const created = await create(parent, { name: '  Bare module  ' });
    expect(created).toEqual({
      duration: '',
      lockUntil: '',
      isLocked: false,
      moduleName: 'Bare module',
      description: '',
      lockType: '0',
      moduleId: expect.any(String),
      courseId: parent.courseId,
      batchId: parent.batchId,
    });
  });

  it('answers "1 Min" for one minute and accepts the duration as text, or as Lectern writes it', async () => {
    expect((await create(parent, { name: 'One minute', duration: 1 })).duration).toBe('1 Min');
    expect((await create(parent, { name: 'Text', duration: '45' })).duration).toBe('45 Mins');
    expect((await create(parent, { name: 'Display', duration: '100 Mins' })).duration).toBe('100 Mins');
  });

  it('accepts lockType as a string and lockUntil as DD_MM_YYYY', async () => {
    const created = await create(parent, { name: 'Underscores', lockType: '1', lockUntil: '31_12_2030' });
    expect(created).toMatchObject({ lockType: '1', lockUntil: '31-12-2030', isLocked: true });
  });

  it('updates only the keys sent', async () => {
    const created = await create(parent, { name: 'Before', description: 'Kept', duration: 30 });
    const response = await send('PATCH', `${parent.url}/${created.moduleId}`, { name: 'After' });
    expect(response.statusCode, response.body).toBe(200);
    expect(Object.keys(response.json())).toEqual(['code', 'module', 'message']);
    expect(response.json().module).toEqual({ ...created, moduleName: 'After' });
    const again = await send('PATCH', `${parent.url}/${created.moduleId}`, { description: '', duration: null });
    expect(again.json().module).toEqual({ ...created, moduleName: 'After', description: '', duration: '' });
    expect((await get(`${parent.url}/${created.moduleId}`)).json().module).toEqual(again.json().module);
  });

  it('takes back its own module object (round trip), ignoring the answer-only keys with a warning', async () => {
    const created = await create(parent, { name: 'Round trip', duration: 20, lockType: 1, lockUntil: '01-03-2031' });
    const response = await send('PATCH', `${parent.url}/${created.moduleId}`, { ...created, name: 'Round trip 2' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().module).toEqual({ ...created, moduleName: 'Round trip 2' });
    expect(response.headers['x-lectern-warning']).toBe(
      'unknown keys ignored in moduleData: isLocked, moduleName, moduleId, courseId, batchId',
    );
  });

  it('deletes a module: 200 with the short body, then 404, and the others stay', async () => {
    const kept = await create(parent, { name: 'Kept' });
    const doomed = await create(parent, { name: 'Doomed' });
    const response = await lectern.app.inject({
      method: 'DELETE',
      url: `${parent.url}/${doomed.moduleId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toBe('{"code":200,"message":"success"}');
    expect((await get(`${parent.url}/${doomed.moduleId}`)).statusCode).toBe(404);
    expect((await get(`${parent.url}/${kept.moduleId}`)).statusCode).toBe(200);
    const again = await lectern.app.inject({
      method: 'DELETE',
      url: `${parent.url}/${doomed.moduleId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(again.statusCode).toBe(404);
  });
});

describe.each(families)('%s: the list', (_name, make) => {
  it('lists in creation order, new modules last, 25 a page with hasMoreRecords', async () => {
    const parent = await make();
    const empty = await get(parent.url);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toBe('{"modules":[],"code":200,"message":"success","hasMoreRecords":false}');
    const names = Array.from({ length: 27 }, (_, index) => `Module ${String(index + 1).padStart(2, '0')}`);
    // Names that sort otherwise than their creation order show that the order is the modules' own.
    for (const name of [...names].reverse()) await create(parent, { name });
    const first = await get(parent.url);
    expect(Object.keys(first.json())).toEqual(['modules', 'code', 'message', 'hasMoreRecords']);
    expect(first.json()).toMatchObject({ code: 200, message: 'success', hasMoreRecords: true });
    const second = await get(`${parent.url}?startIndex=25`);
    expect(second.json().hasMoreRecords).toBe(false);
    const listed = [...first.json().modules, ...second.json().modules].map((item: any) => item.moduleName);
    expect(listed).toEqual([...names].reverse());
    expect((await get(`${parent.url}?startIndex=27`)).json()).toMatchObject({ modules: [], hasMoreRecords: false });
    const one = first.json().modules[3];
    expect((await get(`${parent.url}/${one.moduleId}`)).json().module).toEqual(one);
  });

  it('keeps the order after a delete, and puts the next module after the last one', async () => {
    const parent = await make();
    const a = await create(parent, { name: 'A' });
    const b = await create(parent, { name: 'B' });
    const c = await create(parent, { name: 'C' });
    const deleted = await lectern.app.inject({
      method: 'DELETE',
      url: `${parent.url}/${b.moduleId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(deleted.statusCode).toBe(200);
    const d = await create(parent, { name: 'D' });
    const listed = (await get(parent.url)).json().modules.map((item: any) => item.moduleId);
    expect(listed).toEqual([a.moduleId, c.moduleId, d.moduleId]);
  });

  it('refuses a bad startIndex', async () => {
    const parent = await make();
    for (const startIndex of ['-1', 'abc', '1.5']) {
      const response = await get(`${parent.url}?startIndex=${startIndex}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'startIndex' });
    }
  });
});
