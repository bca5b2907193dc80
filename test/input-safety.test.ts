/**
 * Input that once answered 500: unknown key names that Node refused in X-Lectern-Warning after the write had
 * committed, NUL characters that PostgreSQL refused, and JSON nested deep enough to overflow the stack.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../src/http/error-handler.ts';
import { insertBatch } from './helpers/blended.ts';
import { addMandatoryLink } from './helpers/content.ts';
import { countCourses, createCourse, formType, jsonType } from './helpers/courses.ts';
import { nestedText } from './helpers/hostile-input.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';
import { createBatchModule, createSession, sessionData, sessionsUrl } from './helpers/sessions.ts';

let lectern: LiveLectern;
let courseId: string;

beforeAll(async () => {
  lectern = await startLiveLectern();
  courseId = (await createCourse(lectern, lectern.adminToken)).courseId;
});
afterAll(() => lectern.close());

function send(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: string, headers: object = jsonType) {
  return lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(lectern.adminToken), ...(payload === undefined ? {} : headers) },
    ...(payload === undefined ? {} : { payload }),
  });
}

const createCourseWith = (data: Record<string, unknown>) =>
  send('POST', '/api/v1/courses', JSON.stringify({ name: 'Keys', type: 1, ...data }));

/** The header as a client reads it: printable ASCII only, and bounded. */
function expectPrintableWarning(warning: unknown): string {
  expect(typeof warning).toBe('string');
  expect(warning).toMatch(/^[\x20-\x7e]+$/);
  expect((warning as string).length).toBeLessThanOrEqual(1024);
  return warning as string;
}

describe('unknown keys with any characters are named in X-Lectern-Warning, escaped', () => {
  const keys: Array<[string, string, string]> = [
    ['control characters', 'bad\u0001\u001f\u007fkey', 'bad\\u0001\\u001f\\u007fkey'],
    ['non-Latin-1 characters', 'ключ键🎓', '\\u043a\\u043b\\u044e\\u0447\\u952e\\ud83c\\udf93'],
    ['Latin-1 characters', 'clé', 'cl\\u00e9'],
    ['a line break (no header injection)', 'a\r\nX-Injected: 1', 'a\\u000d\\u000aX-Injected: 1'],
    ['a backslash', 'back\\slash', 'back\\\\slash'],
    ['a 10 KB name', 'k'.repeat(10 * 1024), `${'k'.repeat(64)}...`],
  ];

  it.each(keys)('saves the course once and answers 200 for a key with %s', async (_, key, shown) => {
    const before = await countCourses(lectern);
    const response = await createCourseWith({ [key]: 1, plain: 2 });
    expect(response.statusCode, response.body).toBe(200);
    const warning = expectPrintableWarning(response.headers['x-lectern-warning']);
    expect(warning).toBe(`unknown keys ignored in courseData: ${shown}, plain`);
    expect(await countCourses(lectern)).toBe(before + 1);
    expect(response.headers['x-injected']).toBeUndefined();
  });

  it('bounds the header when many long keys are ignored', async () => {
    const keysOf = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`${index}${'k'.repeat(100)}`, 1]));
    const response = await createCourseWith(keysOf);
    expect(response.statusCode, response.body).toBe(200);
    expect(expectPrintableWarning(response.headers['x-lectern-warning'])).toMatch(/\.\.\.$/);
  });

  it('escapes the key on every write that names ignored keys (batch, module, session, link, course update)', async () => {
    const path = await createBatchModule(lectern);
    const batchId = await insertBatch(lectern, path.courseId, { startDate: '2026-01-01', endDate: '2026-03-31' });
    const session = await createSession(lectern, path);
    const { moduleId, linkId } = await addMandatoryLink(lectern, { courseId });
    const key = { 'ключ\u0001': 1 };
    const writes: Array<[string, string, Record<string, unknown>]> = [
      ['PATCH', `/api/v1/courses/${courseId}`, key],
      ['PATCH', `/api/v1/courses/${path.courseId}/batches/${batchId}`, key],
      ['POST', `/api/v1/courses/${courseId}/modules`, { name: 'M', ...key }],
      ['POST', sessionsUrl(path), { ...(await sessionData(lectern)), ...key }],
      ['PATCH', sessionsUrl(path, session.sessionId), key],
      ['PATCH', `/api/v1/courses/${courseId}/modules/${moduleId}/links/${linkId}`, key],
    ];
    for (const [method, url, data] of writes) {
      const response = await send(method as 'POST' | 'PATCH', url, JSON.stringify(data));
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(200);
      expect(expectPrintableWarning(response.headers['x-lectern-warning'])).toContain(
        '\\u043a\\u043b\\u044e\\u0447\\u0001',
      );
    }
  });

  it('writes the escaped header on a real socket', async () => {
    const response = await fetch(`${lectern.baseUrl}/api/v1/courses`, {
      method: 'POST',
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      body: JSON.stringify({ name: 'Wire', type: 1, ключ: 1, 'é\u0007': 2 }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('x-lectern-warning')).toBe(
      'unknown keys ignored in courseData: \\u043a\\u043b\\u044e\\u0447, \\u00e9\\u0007',
    );
  });

  it('refuses a key holding a lone surrogate with 400 naming it, and writes nothing', async () => {
    const before = await countCourses(lectern);
    const response = await send('POST', '/api/v1/courses', '{"name":"Keys","type":1,"odd\\ud800":1}');
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'odd\ud800' });
    expect(await countCourses(lectern)).toBe(before);
  });
});

describe('a response that fails after the handler succeeded', () => {
  const required = { type: 'object', required: ['thing'], properties: { thing: { type: 'string' } } };
  const saved: string[] = [];
  const app = Fastify();
  beforeAll(async () => {
    registerErrorHandling(app);
    app.post('/things', { schema: { response: { 200: required } } }, async () => {
      saved.push('thing');
      return {}; // misses `thing`: the serialiser fails after the "write"
    });
    app.get('/things', { schema: { response: { 200: required } } }, async () => ({}));
    app.post('/headers', async (_request, reply) => {
      saved.push('header');
      reply.header('x-detail', 'nul\u0000 ключ');
      return { ok: true };
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers a write as saved (no retry, no duplicate), says so in a warning, and writes once', async () => {
    const response = await app.inject({ method: 'POST', url: '/things' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ code: '200', message: 'success' });
    expect(expectPrintableWarning(response.headers['x-lectern-warning'])).toMatch(
      /^the change was saved, but its response/,
    );
    expect(saved).toEqual(['thing']);
  });

  it('answers a failed read as Zoho’s 500, with no framework code', async () => {
    const response = await app.inject({ method: 'GET', url: '/things' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ code: '500', message: 'Sorry! Server error occured' });
  });

  it('escapes any header Node would refuse instead of failing the response', async () => {
    const response = await app.inject({ method: 'POST', url: '/headers' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['x-detail']).toBe('nul\\u0000 \\u043a\\u043b\\u044e\\u0447');
  });
});

describe('NUL characters are refused alike on both engines, in every input, naming the field', () => {
  const nulCourse = encodeURIComponent('{"name":"a\\u0000b","type":1}');
  const cases: Array<[string, () => ReturnType<typeof send>, string]> = [
    ['a bare JSON body', () => send('POST', '/api/v1/courses', '{"name":"a\\u0000b","type":1}'), 'name'],
    [
      'a wrapped JSON body',
      () => send('POST', '/api/v1/courses', '{"courseData":{"name":"n","description":"a\\u0000","type":1}}'),
      'courseData.description',
    ],
    ['a JSON key', () => send('POST', '/api/v1/courses', '{"name":"n","type":1,"k\\u0000":1}'), 'k\u0000'],
    ['a data object in the query', () => send('POST', `/api/v1/courses?courseData=${nulCourse}`), 'courseData.name'],
    [
      'a form field holding JSON',
      () => send('POST', '/api/v1/courses', `courseData=${nulCourse}`, formType),
      'courseData.name',
    ],
    ['a form body', () => send('PATCH', `/api/v1/courses/${courseId}`, 'name=a%00b', formType), 'name'],
    ['a search term', () => send('GET', '/api/v1/courses?search=a%00b'), 'search'],
    [
      'a query parameter of a write',
      () => send('PATCH', `/api/v1/courses?courseId=${courseId}&x=%00`, '{"name":"n"}'),
      'x',
    ],
    ['a path parameter', () => send('GET', '/api/v1/courses/12%0034'), 'courseId'],
    [
      'a nested list item',
      () => send('POST', '/api/v1/courses', '{"name":"n","type":1,"courseAdmins":["\\u0000"]}'),
      'courseAdmins.0',
    ],
  ];

  it.each(cases)('in %s: 400 INVALID_INPUT naming the field, and nothing written', async (_, request, parameter) => {
    const before = await countCourses(lectern);
    const original = (await send('GET', `/api/v1/courses/${courseId}`)).json().course.name;
    const response = await (request as () => ReturnType<typeof send>)();
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toEqual({
      code: 'INVALID_INPUT',
      message: `Invalid value for ${parameter}: ${parameter.includes('\u0000') ? 'the key ' : ''}must not contain the NUL character (\\u0000)`,
      parameter,
    });
    expect(await countCourses(lectern)).toBe(before);
    expect((await send('GET', `/api/v1/courses/${courseId}`)).json().course.name).toBe(original);
  });

  it('names a lone surrogate the same way (both engines would store U+FFFD instead)', async () => {
    const response = await send('PATCH', `/api/v1/courses/${courseId}`, '{"name":"x\\udc00"}');
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().parameter).toBe('name');
    expect(response.json().message).toMatch(/lone surrogate/);
  });

  it('keeps other control characters and astral characters, on both engines', async () => {
    const name = 'tab\there \u0001 🎓';
    const response = await send('PATCH', `/api/v1/courses/${courseId}`, JSON.stringify({ name }));
    expect(response.statusCode, response.body).toBe(200);
    expect((await send('GET', `/api/v1/courses/${courseId}`)).json().course.name).toBe(name);
  });
});

describe('JSON nested deeper than 64 levels is refused before it is parsed', () => {
  const cases: Array<[string, number, 'array' | 'object']> = [
    ['3,000 levels of arrays', 3000, 'array'],
    ['7,000 levels of objects', 7000, 'object'],
    ['65 levels', 64, 'object'],
  ];

  it.each(cases)('in a body, %s: 400 naming the body', async (_, depth, kind) => {
    const before = await countCourses(lectern);
    for (const payload of [
      `{"name":"n","type":1,"extra":${nestedText(depth, kind)}}`,
      `{"name":"n","type":1,"permissionSettings":${nestedText(depth, kind)}}`,
      `{"courseData":{"name":"n","type":1,"extra":${nestedText(depth, kind)}}}`,
    ]) {
      const response = await send('POST', '/api/v1/courses', payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toEqual({
        code: 'INVALID_INPUT',
        message: 'Invalid value for body: arrays and objects nest deeper than 64 levels',
        parameter: 'body',
      });
    }
    expect(await countCourses(lectern)).toBe(before);
  });

  it('in a query parameter and a form field: 400 naming the parameter', async () => {
    const deep = encodeURIComponent(`{"name":"n","type":1,"extra":${nestedText(5000, 'array')}}`);
    for (const response of [
      await send('POST', `/api/v1/courses?courseData=${deep}`),
      await send('POST', '/api/v1/courses', `courseData=${deep}`, formType),
    ]) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().parameter).toBe('courseData');
      expect(response.json().message).toMatch(/deeper than 64 levels/);
    }
  });

  it('accepts 64 levels, and does not count brackets inside strings', async () => {
    const atLimit = await send('POST', '/api/v1/courses', `{"name":"n","type":1,"extra":${nestedText(63, 'array')}}`);
    expect(atLimit.statusCode, atLimit.body).toBe(200);
    const name = `\\"${'['.repeat(120)}{{`;
    const bracketed = await send('POST', '/api/v1/courses', `{"name":"${name}","type":1}`);
    expect(bracketed.statusCode, bracketed.body).toBe(200);
    expect(bracketed.json().course.name).toBe(`"${'['.repeat(120)}{{`);
  });
});
