/**
 * Contents in both families: Lectern's own write API (`/lectern/v1/...`: create in every input form, partial update,
 * delete, sanitised HTML) and Zoho's read endpoints (fetch one, module list, course and batch lists with paging).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBatch } from './helpers/blended.ts';
import { addContent, addModule } from './helpers/content.ts';
import { createCourse, formType, jsonType } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;

/** The content object's keys, in Lectern's (provisional) order. */
const contentKeys = [
  'contentId',
  'contentName',
  'isMandatoryContent',
  'canMarkAsComplete',
  'isLocked',
  'lockUntil',
  'description',
  'content',
  'canUserEdit',
  'canUserDelete',
  'moduleId',
  'resources',
];

interface Parent {
  courseId: string;
  batchId: string | null;
  /** Zoho's read base and Lectern's write base. */
  read: string;
  write: string;
}

async function newParent(family: string): Promise<Parent> {
  if (family === 'self-paced') {
    const courseId = (await createCourse(lectern, lectern.adminToken)).courseId;
    return { courseId, batchId: null, read: `/api/v1/courses/${courseId}`, write: `/lectern/v1/courses/${courseId}` };
  }
  const courseId = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
  const batchId = await insertBatch(lectern, courseId, { startDate: '2026-02-01', endDate: '2026-02-28' });
  const tail = `courses/${courseId}/batches/${batchId}`;
  return { courseId, batchId, read: `/api/v1/${tail}`, write: `/lectern/v1/${tail}` };
}

beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

function send(method: 'POST' | 'PATCH', url: string, data: object) {
  return lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify(data),
  });
}

const get = (url: string) => lectern.app.inject({ url, headers: lectern.auth(lectern.adminToken) });

describe.each(['self-paced', 'blended'])('%s', (family) => {
  let parent: Parent;
  let moduleId: string;
  beforeAll(async () => {
    parent = await newParent(family);
    moduleId = await addModule(lectern, parent);
  });

  it('creates a content with contentData in the query and answers {"code":200,"content":{...},"message":"success"}', async () => {
    const data = {
      name: 'Welcome',
      content:
        '<h2>Hello</h2><p onclick="steal()">Read <a href="https://example.org">this</a>.</p><script>x()</script>',
      description: 'First page',
      isMandatory: false,
      lockUntil: '10-01-2026',
    };
    const response = await lectern.app.inject({
      method: 'POST',
      url: `${parent.write}/modules/${moduleId}/contents?contentData=${encodeURIComponent(JSON.stringify(data))}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['code', 'content', 'message']);
    expect(Object.keys(body.content)).toEqual(contentKeys);
    expect(body).toEqual({
      code: 200,
      content: {
        contentId: expect.stringMatching(/^\d{18}$/),
        contentName: 'Welcome',
        isMandatoryContent: false,
        canMarkAsComplete: 0,
        isLocked: true, // the clock reads 5 January 2026
        lockUntil: '10-01-2026',
        description: 'First page',
        content: '<h2>Hello</h2><p>Read <a href="https://example.org">this</a>.</p>',
        canUserEdit: true,
        canUserDelete: true,
        moduleId,
        resources: [],
      },
      message: 'success',
    });
    // Zoho's fetch answers the same object.
    const fetched = await get(`${parent.read}/modules/${moduleId}/contents/${body.content.contentId}`);
    expect(fetched.statusCode, fetched.body).toBe(200);
    expect(fetched.json()).toEqual(body);
  });

  it.each([
    ['a form field', formType, (text: string) => `contentData=${encodeURIComponent(text)}`],
    ['a wrapped JSON body', jsonType, (text: string) => `{"contentData":${text}}`],
    ['a bare JSON body', jsonType, (text: string) => text],
  ])('creates a content with contentData in %s, with the defaults', async (_form, headers, payload) => {
    const response = await lectern.app.inject({
      method: 'POST',
      url: `${parent.write}/modules/${moduleId}/contents`,
      headers: { ...lectern.auth(lectern.adminToken), ...headers },
      payload: payload(JSON.stringify({ name: 'Formed', content: '<p>a &amp; b + c</p>' })),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().content).toMatchObject({
      contentName: 'Formed',
      content: '<p>a &amp; b + c</p>',
      isMandatoryContent: true,
      description: '',
      lockUntil: '',
      isLocked: false,
    });
  });

  it('updates only the keys sent (the HTML sanitised again), warns about unknown keys, and deletes', async () => {
    const { contentId } = await addContent(lectern, { ...parent, moduleId }, { description: 'Kept' });
    const url = `${parent.write}/modules/${moduleId}/contents/${contentId}`;
    const response = await send('PATCH', url, {
      content: '<p>New <img src="javascript:alert(1)" onerror="x()">text</p>',
      lockUntil: '06_01_2026',
      contentId: '1',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['x-lectern-warning']).toMatch(/unknown keys ignored in contentData: contentId/);
    expect(response.json().content).toMatchObject({
      contentId,
      contentName: 'Reading',
      description: 'Kept',
      content: '<p>New <img />text</p>',
      lockUntil: '06-01-2026',
      isLocked: true,
      isMandatoryContent: true,
    });
    lectern.clock.set(Date.UTC(2026, 0, 6));
    const readUrl = `${parent.read}/modules/${moduleId}/contents/${contentId}`;
    expect((await get(readUrl)).json().content.isLocked).toBe(false);
    lectern.clock.set(Date.UTC(2026, 0, 5, 9));
    const renamed = await send('PATCH', url, { name: ' Renamed ', lockUntil: null, isMandatory: 'FALSE' });
    expect(renamed.json().content).toMatchObject({
      contentName: 'Renamed',
      lockUntil: '',
      isMandatoryContent: false,
      content: '<p>New <img />text</p>',
    });
    const deleted = await lectern.app.inject({ method: 'DELETE', url, headers: lectern.auth(lectern.adminToken) });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.body).toBe('{"code":200,"message":"success"}');
    expect((await get(readUrl)).statusCode).toBe(404);
    const again = await lectern.app.inject({ method: 'DELETE', url, headers: lectern.auth(lectern.adminToken) });
    expect(again.statusCode).toBe(404);
  });

  it('lists a module’s contents in order and a course’s or batch’s across modules, 25 a page', async () => {
    const own = await newParent(family);
    const first = await addModule(lectern, own);
    const second = await addModule(lectern, own);
    for (let index = 0; index < 27; index += 1) {
      await addContent(lectern, { ...own, moduleId: index < 26 ? first : second }, { name: `Page ${index}` });
    }
    const moduleList = await get(`${own.read}/modules/${first}/contents`);
    expect(moduleList.statusCode, moduleList.body).toBe(200);
    expect(Object.keys(moduleList.json())).toEqual(['code', 'contents', 'message', 'hasMoreRecords']);
    expect(moduleList.json().contents).toHaveLength(25);
    expect(moduleList.json().hasMoreRecords).toBe(true);
    expect(Object.keys(moduleList.json().contents[0])).toEqual(contentKeys);
    expect(moduleList.json().contents[0].contentName).toBe('Page 0');
    const rest = (await get(`${own.read}/modules/${first}/contents?startIndex=25`)).json();
    expect(rest.contents.map((item: { contentName: string }) => item.contentName)).toEqual(['Page 25']);
    expect(rest.hasMoreRecords).toBe(false);
    const whole = await get(`${own.read}/contents`);
    expect(whole.statusCode, whole.body).toBe(200);
    expect(whole.json().contents).toHaveLength(25);
    expect(whole.json().hasMoreRecords).toBe(true);
    const tail = (await get(`${own.read}/contents?startIndex=25`)).json();
    expect(tail.contents).toHaveLength(2);
    expect(tail.hasMoreRecords).toBe(false);
    expect((await get(`${own.read}/contents?startIndex=x`)).statusCode).toBe(400);
  });

  it('keeps contents out of the link lists and links out of the content lists', async () => {
    const own = await newParent(family);
    const moduleId = await addModule(lectern, own);
    await addContent(lectern, { ...own, moduleId });
    expect((await get(`${own.read}/links`)).json().links).toEqual([]);
    expect((await get(`${own.read}/modules/${moduleId}/links`)).json().links).toEqual([]);
    expect((await get(`${own.read}/contents`)).json().contents).toHaveLength(1);
  });
});

it('serves no write under Zoho’s paths (Zoho documents none): they are 404', async () => {
  const parent = await newParent('self-paced');
  const { moduleId, contentId } = await addContent(lectern, parent);
  const base = `${parent.read}/modules/${moduleId}/contents`;
  expect((await send('POST', base, { name: 'x' })).statusCode).toBe(404);
  expect((await send('PATCH', `${base}/${contentId}`, { name: 'x' })).statusCode).toBe(404);
  const removed = await lectern.app.inject({
    method: 'DELETE',
    url: `${base}/${contentId}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(removed.statusCode).toBe(404);
  expect((await get(`${base}/${contentId}`)).json().content.contentName).toBe('Reading');
});
