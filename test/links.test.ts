/** Link API in both families: create (every input form), update, delete, fetch one, module, course and batch lists. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBatch } from './helpers/blended.ts';
import { addModule } from './helpers/content.ts';
import { createCourse, formType, jsonType } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;

/** The keys of a link in Zoho's Fetch Course Links sample, in its order. */
const sampleLinkKeys = [
  'lockUntil',
  'linkId',
  'isMandatoryLink',
  'canMarkAsComplete',
  'isLocked',
  'link',
  'description',
  'resources',
  'canUserEdit',
  'moduleId',
  'linkName',
  'canUserDelete',
];

interface Family {
  courseId: string;
  batchId: string | null;
  /** `/api/v1/courses/{c}` or `/api/v1/courses/{c}/batches/{b}`. */
  base: string;
}
const families: Record<string, Family> = {};

beforeAll(async () => {
  lectern = await createTestLectern();
  const selfPaced = (await createCourse(lectern, lectern.adminToken)).courseId;
  families['self-paced'] = { courseId: selfPaced, batchId: null, base: `/api/v1/courses/${selfPaced}` };
  const blended = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
  const batchId = await insertBatch(lectern, blended, { startDate: '2026-02-01', endDate: '2026-02-28' });
  families.blended = { courseId: blended, batchId, base: `/api/v1/courses/${blended}/batches/${batchId}` };
});
afterAll(() => lectern.close());

const linkData = {
  name: 'Link API Testing',
  embedURL: 'http://zoho.com/people',
  description: 'API testing',
  isMandatory: true,
  lockUntil: '27-12-2021',
};

function send(method: 'POST' | 'PATCH', url: string, data: object, token = lectern.adminToken) {
  return lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(token), ...jsonType },
    payload: JSON.stringify(data),
  });
}

function get(url: string, token = lectern.adminToken) {
  return lectern.app.inject({ url, headers: lectern.auth(token) });
}

async function newModule(family: Family): Promise<string> {
  return addModule(lectern, { courseId: family.courseId, batchId: family.batchId });
}

async function createLink(family: Family, moduleId: string, data: object = linkData) {
  const response = await send('POST', `${family.base}/modules/${moduleId}/links`, data);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().link as Record<string, any>;
}

describe.each(['self-paced', 'blended'])('%s', (name) => {
  const family = () => families[name]!;

  it('creates a link with linkData in the query, as the old example sends it, and answers the sample shape', async () => {
    const moduleId = await newModule(family());
    const response = await lectern.app.inject({
      method: 'POST',
      url: `${family().base}/modules/${moduleId}/links?linkData=${encodeURIComponent(JSON.stringify(linkData))}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['code', 'link', 'message']);
    expect(body.code).toBe(200);
    expect(body.message).toBe('success');
    expect(Object.keys(body.link)).toEqual(sampleLinkKeys);
    expect(body.link).toEqual({
      lockUntil: '27-12-2021',
      linkId: expect.stringMatching(/^\d{18}$/),
      isMandatoryLink: true,
      canMarkAsComplete: 0,
      isLocked: false, // the clock reads 5 January 2026
      link: 'http://zoho.com/people',
      description: 'API testing',
      resources: [],
      canUserEdit: true,
      moduleId,
      linkName: 'Link API Testing',
      canUserDelete: true,
    });
    expect(response.headers['x-lectern-warning']).toBeUndefined();
  });

  it.each([
    ['a form field', formType, (text: string) => `linkData=${encodeURIComponent(text)}`],
    ['a wrapped JSON body', jsonType, (text: string) => `{"linkData":${text}}`],
    ['a bare JSON body', jsonType, (text: string) => text],
  ])('creates a link with linkData in %s', async (_form, headers, payload) => {
    const moduleId = await newModule(family());
    const response = await lectern.app.inject({
      method: 'POST',
      url: `${family().base}/modules/${moduleId}/links`,
      headers: { ...lectern.auth(lectern.adminToken), ...headers },
      payload: payload(JSON.stringify({ name: 'Formed', embedURL: 'https://example.org/a?b=1&c=2' })),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().link).toMatchObject({
      linkName: 'Formed',
      link: 'https://example.org/a?b=1&c=2',
      // Defaults: mandatory, no description, no lock.
      isMandatoryLink: true,
      description: '',
      lockUntil: '',
      isLocked: false,
    });
  });

  it('updates only the keys sent, names unknown keys in a warning, and fetches the same object', async () => {
    const moduleId = await newModule(family());
    const created = await createLink(family(), moduleId);
    const url = `${family().base}/modules/${moduleId}/links/${created.linkId}`;
    const response = await send('PATCH', url, { name: 'Link API Testing_Update', isMandatory: false, linkId: 'x' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['x-lectern-warning']).toMatch(/linkId/);
    const updated = response.json().link;
    expect(updated).toEqual({ ...created, linkName: 'Link API Testing_Update', isMandatoryLink: false });
    const fetched = await get(url);
    expect(fetched.statusCode, fetched.body).toBe(200);
    expect(Object.keys(fetched.json())).toEqual(['code', 'link', 'message']);
    expect(fetched.json()).toEqual({ code: 200, link: updated, message: 'success' });
    const cleared = await send('PATCH', url, { lockUntil: '', description: '', embedURL: 'https://example.org/new' });
    expect(cleared.json().link).toMatchObject({ lockUntil: '', description: '', link: 'https://example.org/new' });
  });

  it('deletes a link: the body is {"code":200,"message":"success"} and the link is gone', async () => {
    const moduleId = await newModule(family());
    const created = await createLink(family(), moduleId);
    const url = `${family().base}/modules/${moduleId}/links/${created.linkId}`;
    const response = await lectern.app.inject({ method: 'DELETE', url, headers: lectern.auth(lectern.adminToken) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toBe('{"code":200,"message":"success"}');
    expect((await get(url)).statusCode).toBe(404);
    expect(
      (await lectern.app.inject({ method: 'DELETE', url, headers: lectern.auth(lectern.adminToken) })).statusCode,
    ).toBe(404);
  });

  it('lists a module’s links in creation order, 25 a page with hasMoreRecords', async () => {
    const moduleId = await newModule(family());
    const other = await newModule(family());
    await createLink(family(), other, { name: 'Elsewhere', embedURL: 'https://example.org' });
    for (let index = 0; index < 27; index += 1) {
      await createLink(family(), moduleId, { name: `Link ${index}`, embedURL: `https://example.org/${index}` });
    }
    const url = `${family().base}/modules/${moduleId}/links`;
    const first = await get(url);
    expect(first.statusCode, first.body).toBe(200);
    expect(Object.keys(first.json())).toEqual(['code', 'links', 'message', 'hasMoreRecords']);
    expect(first.json().code).toBe(200);
    expect(first.json().links).toHaveLength(25);
    expect(first.json().hasMoreRecords).toBe(true);
    expect(Object.keys(first.json().links[0])).toEqual(sampleLinkKeys);
    const second = await get(`${url}?startIndex=25`);
    expect(second.json().links.map((link: { linkName: string }) => link.linkName)).toEqual(['Link 25', 'Link 26']);
    expect(second.json().hasMoreRecords).toBe(false);
    const names = first.json().links.map((link: { linkName: string }) => link.linkName);
    expect(names.slice(0, 3)).toEqual(['Link 0', 'Link 1', 'Link 2']);
    expect((await get(`${url}?startIndex=27`)).json()).toEqual({
      code: 200,
      links: [],
      message: 'success',
      hasMoreRecords: false,
    });
    expect((await get(`${url}?startIndex=-1`)).statusCode).toBe(400);
  });

  it('lists every link of the course or batch across its modules, 25 a page', async () => {
    // A parent of its own, so that other tests' links do not count.
    const parent = await freshParent(name);
    const modules = [await newModule(parent), await newModule(parent)];
    for (let index = 0; index < 26; index += 1) {
      await createLink(parent, modules[index % 2]!, { name: `All ${index}`, embedURL: 'https://example.org' });
    }
    const first = await get(`${parent.base}/links`);
    expect(first.statusCode, first.body).toBe(200);
    expect(Object.keys(first.json())).toEqual(['code', 'links', 'message', 'hasMoreRecords']);
    expect(first.json().links).toHaveLength(25);
    expect(first.json().hasMoreRecords).toBe(true);
    const second = await get(`${parent.base}/links?startIndex=25`);
    expect(second.json().links).toHaveLength(1);
    expect(second.json().hasMoreRecords).toBe(false);
    const all = [...first.json().links, ...second.json().links];
    expect(new Set(all.map((link: { linkId: string }) => link.linkId)).size).toBe(26);
    expect(new Set(all.map((link: { moduleId: string }) => link.moduleId))).toEqual(new Set(modules));
  });
});

/** A new course (and batch, for blended) with nothing in it. */
async function freshParent(name: string): Promise<Family> {
  if (name === 'self-paced') {
    const courseId = (await createCourse(lectern, lectern.adminToken)).courseId;
    return { courseId, batchId: null, base: `/api/v1/courses/${courseId}` };
  }
  const courseId = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
  const batchId = await insertBatch(lectern, courseId, { startDate: '2026-02-01', endDate: '2026-02-28' });
  return { courseId, batchId, base: `/api/v1/courses/${courseId}/batches/${batchId}` };
}

it('keeps a blended course’s batches apart: a batch lists only its own links', async () => {
  const courseId = families.blended!.courseId;
  const otherBatch = await insertBatch(lectern, courseId, { startDate: '2026-03-01', endDate: '2026-03-31' });
  const other: Family = { courseId, batchId: otherBatch, base: `/api/v1/courses/${courseId}/batches/${otherBatch}` };
  const moduleId = await newModule(other);
  await createLink(other, moduleId, { name: 'Only here', embedURL: 'https://example.org' });
  const listed = (await get(`${other.base}/links`)).json().links;
  expect(listed.map((link: { linkName: string }) => link.linkName)).toEqual(['Only here']);
  const first = (await get(`${families.blended!.base}/links`)).json().links;
  expect(first.some((link: { linkName: string }) => link.linkName === 'Only here')).toBe(false);
});
