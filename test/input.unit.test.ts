import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LmsError } from '../src/errors.ts';
import { registerErrorHandling } from '../src/http/error-handler.ts';
import { parseBoolean, readDataObject, readIdList, readParameter, readStartIndex } from '../src/http/input.ts';
import { parseJsonLossless, registerBodyParsers } from '../src/http/json-body.ts';
import { validateData } from '../src/http/validate.ts';

const bigId = '123456789012345678';
type Bag = Record<string, unknown>;

/** The LmsError a call throws (fails the test when it throws nothing or something else). */
function errorOf(call: () => unknown): LmsError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(LmsError);
    return error as LmsError;
  }
  throw new Error('expected an LmsError, nothing was thrown');
}

/** Just enough of a request for the readers. */
function fakeRequest(parts: { query?: unknown; body?: unknown; contentType?: string }): FastifyRequest {
  return {
    query: parts.query ?? {},
    body: parts.body,
    headers: parts.contentType === undefined ? {} : { 'content-type': parts.contentType },
  } as unknown as FastifyRequest;
}

describe('parseJsonLossless', () => {
  it('keeps integers beyond the exact range as exact strings', () => {
    expect(parseJsonLossless(`{"erecno": ${bigId}}`)).toEqual({ erecno: bigId });
    expect(parseJsonLossless(`[${bigId}, -${bigId}, 99999999999999999999]`)).toEqual([
      bigId,
      `-${bigId}`,
      '99999999999999999999',
    ]);
    // The first integer past Number.MAX_SAFE_INTEGER would round; it stays text.
    expect(parseJsonLossless('9007199254740993')).toBe('9007199254740993');
  });

  it('keeps small numbers, decimals and other values as they are', () => {
    const text = '{"a": 12, "b": -3, "c": 1.5, "d": 9007199254740991, "e": "x", "f": true, "g": null}';
    const expected = { a: 12, b: -3, c: 1.5, d: Number.MAX_SAFE_INTEGER, e: 'x', f: true, g: null };
    expect(parseJsonLossless(text)).toEqual(expected);
    expect(parseJsonLossless('"123456789012345678"')).toBe(bigId);
  });

  it('refuses invalid JSON with 400 INVALID_INPUT naming the parameter', () => {
    const error = errorOf(() => parseJsonLossless('{"a": 1', 'courseData'));
    expect(error.status).toBe(400);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.parameter).toBe('courseData');
    expect(error.message).toMatch(/^Invalid value for courseData: not valid JSON/);
    expect(errorOf(() => parseJsonLossless('nope')).parameter).toBe('body');
    expect(errorOf(() => parseJsonLossless('')).parameter).toBe('body');
  });

  it('refuses duplicate keys instead of silently keeping one', () => {
    expect(errorOf(() => parseJsonLossless('{"a": 1, "a": 2}', 'data')).parameter).toBe('data');
  });
});

describe('validateData', () => {
  const schema = Type.Object({
    courseId: Type.String(),
    name: Type.String({ minLength: 1 }),
    isPublished: Type.Optional(Type.Boolean()),
    duration: Type.Optional(Type.Integer()),
    type: Type.Optional(Type.Integer({ minimum: 1, maximum: 3, errorMessage: 'must be 1, 2 or 3' })),
    location: Type.Optional(Type.Object({ locationId: Type.String() })),
  });
  type Course = { courseId: string; name: string; isPublished?: boolean; duration?: number; type?: number };

  it('converts loose input: boolean words in any case, numbers as id strings, digits as numbers', () => {
    for (const [word, expected] of Object.entries({ True: true, FALSE: false, ' true ': true, false: false })) {
      const { value } = validateData<Course>(schema, { courseId: '1', name: 'n', isPublished: word }, 'courseData');
      expect(value.isPublished).toBe(expected);
    }
    const { value } = validateData<Course>(schema, { courseId: 42, name: 'n', duration: '7' }, 'courseData');
    expect(value.courseId).toBe('42');
    expect(value.duration).toBe(7);
    expect(validateData<Course>(schema, { courseId: bigId, name: 'n' }, 'courseData').value.courseId).toBe(bigId);
  });

  it('drops and reports unknown keys without refusing them', () => {
    const input = { courseId: '1', name: 'n', colour: 'red', extra: 1 };
    const result = validateData<Course>(schema, input, 'courseData');
    expect(result.unknownKeys).toEqual(['colour', 'extra']);
    expect(result.value).toEqual({ courseId: '1', name: 'n' });
    // The caller's object is left alone.
    expect(input).toEqual({ courseId: '1', name: 'n', colour: 'red', extra: 1 });
  });

  it('treats keys named like Object.prototype members as unknown', () => {
    const input = parseJsonLossless('{"courseId": "1", "name": "n", "constructor": 5, "toString": "x"}') as Bag;
    const result = validateData<Course>(schema, input, 'courseData');
    expect(result.unknownKeys).toEqual(['constructor', 'toString']);
    expect(Object.keys(result.value)).toEqual(['courseId', 'name']);
  });

  it('cannot be given a mandatory value through __proto__', () => {
    const input = parseJsonLossless('{"__proto__": {"courseId": "1", "name": "evil"}}') as Record<string, unknown>;
    const error = errorOf(() => validateData(schema, input, 'courseData'));
    expect(error.code).toBe('INPUT_PARAMETER_MISSING');
    expect(error.parameter).toBe('courseData.courseId');
  });

  it('names a missing mandatory key as prefix.key', () => {
    const error = errorOf(() => validateData(schema, { courseId: '1' }, 'courseData'));
    expect(error.status).toBe(400);
    expect(error.code).toBe('INPUT_PARAMETER_MISSING');
    expect(error.parameter).toBe('courseData.name');
    expect(error.message).toContain('courseData.name');
    const nested = errorOf(() => validateData(schema, { courseId: '1', name: 'n', location: {} }, 'courseData'));
    expect(nested.code).toBe('INPUT_PARAMETER_MISSING');
    expect(nested.parameter).toBe('courseData.location.locationId');
    // Without a prefix, the key alone.
    expect(errorOf(() => validateData(schema, { name: 'n' }, '')).parameter).toBe('courseId');
  });

  it('refuses a wrong type with INVALID_INPUT naming the parameter and the value', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ courseId: '1', name: 'n', isPublished: 'maybe' }, 'courseData.isPublished'],
      [{ courseId: '1', name: 'n', duration: 'long' }, 'courseData.duration'],
      [{ courseId: { id: 1 }, name: 'n' }, 'courseData.courseId'],
      [{ courseId: '1', name: '' }, 'courseData.name'],
      [{ courseId: '1', name: null }, 'courseData.name'],
    ];
    for (const [input, parameter] of cases) {
      const error = errorOf(() => validateData(schema, input, 'courseData'));
      expect(error.code, parameter).toBe('INVALID_INPUT');
      expect(error.parameter).toBe(parameter);
      expect(error.message).toMatch(new RegExp(`^Invalid value for ${parameter.replace('.', '\\.')}: .*, got `));
    }
  });

  it('refuses numbers that would only fit an integer field by rounding', () => {
    for (const duration of [1.5, '1.5', '1e3', '0x10', '-2.7', '9007199254740993', 'Infinity']) {
      const error = errorOf(() => validateData(schema, { courseId: '1', name: 'n', duration }, 'courseData'));
      expect(error.code, String(duration)).toBe('INVALID_INPUT');
      expect(error.message).toContain(`got ${JSON.stringify(duration)}`);
    }
    const nested = Type.Object({ settings: Type.Object({ level: Type.Integer() }) });
    const inner = errorOf(() => validateData(nested, { settings: { level: '2.5' } }, 'data'));
    expect(inner.parameter).toBe('data.settings.level');
    expect(validateData(nested, { settings: { level: ' 2 ' } }, 'data').value).toEqual({ settings: { level: 2 } });
  });

  it("leaves the caller's nested objects as they were sent", () => {
    const nested = Type.Object({ settings: Type.Object({ level: Type.Integer(), on: Type.Boolean() }) });
    const input = { settings: { level: '2', on: 'true' } };
    expect(validateData(nested, input, 'data').value).toEqual({ settings: { level: 2, on: true } });
    expect(input).toEqual({ settings: { level: '2', on: 'true' } });
  });

  it("uses the schema's own error message where it has one", () => {
    const error = errorOf(() => validateData(schema, { courseId: '1', name: 'n', type: 5 }, 'courseData'));
    expect(error.message).toBe('Invalid value for courseData.type: must be 1, 2 or 3, got 5');
  });
});

describe('readIdList and parseBoolean on fake requests', () => {
  it('reads a JSON array text, a comma list, an array and a single number', () => {
    expect(readIdList(fakeRequest({ query: { ids: `[${bigId}, "2"]` } }), 'ids')).toEqual([bigId, '2']);
    expect(readIdList(fakeRequest({ query: { ids: ' 1, 2 ,3' } }), 'ids')).toEqual(['1', '2', '3']);
    expect(readIdList(fakeRequest({ body: { ids: [1, '2', ' 3 '] } }), 'ids')).toEqual(['1', '2', '3']);
    expect(readIdList(fakeRequest({ body: { ids: 7 } }), 'ids')).toEqual(['7']);
    expect(readIdList(fakeRequest({ query: { ids: ['4', '5'] } }), 'ids')).toEqual(['4', '5']);
  });

  it('removes duplicates in first-seen order, and prefers the query string to the body', () => {
    expect(readIdList(fakeRequest({ query: { ids: '3,1,3, 1' } }), 'ids')).toEqual(['3', '1']);
    expect(readIdList(fakeRequest({ query: { ids: '1' }, body: { ids: '2' } }), 'ids')).toEqual(['1']);
  });

  it('reports a missing list only when it is required', () => {
    const missing = errorOf(() => readIdList(fakeRequest({}), 'erecnosList'));
    expect(missing.code).toBe('INPUT_PARAMETER_MISSING');
    expect(missing.parameter).toBe('erecnosList');
    const blank = errorOf(() => readIdList(fakeRequest({ query: { erecnosList: '' } }), 'erecnosList'));
    expect(blank.code).toBe('INPUT_PARAMETER_MISSING');
    expect(readIdList(fakeRequest({}), 'erecnosList', false)).toEqual([]);
    expect(readIdList(fakeRequest({ query: { erecnosList: '[]' } }), 'erecnosList', false)).toEqual([]);
    const empty = errorOf(() => readIdList(fakeRequest({ query: { erecnosList: '[]' } }), 'erecnosList'));
    expect(empty.code).toBe('INVALID_INPUT');
  });

  it('refuses items that are not numeric ids, naming the parameter', () => {
    for (const ids of ['[1, "a"]', 'abc', '[1.5]', '[-1]', '[0]', '[[1]]', '[null]', '01', '[1', '1,,2']) {
      const error = errorOf(() => readIdList(fakeRequest({ query: { ids } }), 'ids'));
      expect(error.code, ids).toBe('INVALID_INPUT');
      expect(error.parameter).toBe('ids');
    }
    expect(errorOf(() => readIdList(fakeRequest({ body: { ids: { a: 1 } } }), 'ids')).parameter).toBe('ids');
  });

  it('parses booleans in any case and refuses other values', () => {
    expect(parseBoolean('True', 'flag')).toBe(true);
    expect(parseBoolean(' FALSE ', 'flag')).toBe(false);
    expect([parseBoolean(true, 'flag'), parseBoolean(false, 'flag')]).toEqual([true, false]);
    expect([parseBoolean(undefined, 'flag'), parseBoolean('', 'flag')]).toEqual([undefined, undefined]);
    for (const value of ['yes', '1', 1, 0, null, {}]) {
      const error = errorOf(() => parseBoolean(value, 'flag'));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.parameter).toBe('flag');
    }
  });

  it('reads startIndex as a non-negative integer', () => {
    expect(readStartIndex(fakeRequest({}))).toBe(0);
    expect(readStartIndex(fakeRequest({ query: { startIndex: '25' } }))).toBe(25);
    for (const startIndex of ['-1', '1.5', 'x']) {
      expect(errorOf(() => readStartIndex(fakeRequest({ query: { startIndex } }))).parameter).toBe('startIndex');
    }
  });
});

describe('the readers behind a real Fastify app', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    registerBodyParsers(app);
    registerErrorHandling(app);
    app.post('/ids', async (request) => ({
      ids: readIdList(request, 'erecnosList'),
      flag: parseBoolean(readParameter(request, 'flag'), 'flag') ?? null,
    }));
    app.post('/data', async (request) => ({ data: readDataObject(request, 'courseData') ?? null }));
    await app.ready();
  });
  afterAll(() => app.close());

  const form = 'application/x-www-form-urlencoded';
  function post(url: string, payload: string, contentType: string) {
    return app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
  }

  it('reads JSON sent with a form content type (curl -d without -H) exactly, + and & included', async () => {
    const response = await post('/data', '{"courseData":{"name":"C++ & R&D = fun","type":1}}', form);
    expect(response.json()).toEqual({ data: { name: 'C++ & R&D = fun', type: 1 } });
    const ids = await post('/ids', `{"erecnosList":[${bigId}]}`, form);
    expect(ids.json()).toEqual({ ids: [bigId], flag: null });
  });

  it('decodes a real form body, + as a space', async () => {
    const response = await post('/ids', `erecnosList=${bigId}&flag=Tr+ue`, form);
    expect(response.statusCode).toBe(400);
    const ok = await post('/ids', `erecnosList=${bigId}&flag=True`, form);
    expect(ok.json()).toEqual({ ids: [bigId], flag: true });
  });

  it('reads ids from a JSON body without losing digits', async () => {
    const response = await post('/ids', `{"erecnosList": [${bigId}, 12], "flag": "True"}`, 'application/json');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ids: [bigId, '12'], flag: true });
  });

  it('reads ids from the query string and from a form body', async () => {
    const query = await app.inject({ method: 'POST', url: `/ids?erecnosList=[${bigId}]&flag=false` });
    expect(query.json()).toEqual({ ids: [bigId], flag: false });
    const field = await post('/ids', `erecnosList=${encodeURIComponent(`[${bigId}]`)}`, form);
    expect(field.json()).toEqual({ ids: [bigId], flag: null });
  });

  it('reads JSON sent as a form (curl -d without a content type) and as text/plain', async () => {
    const asForm = await post('/ids', `{"erecnosList":[${bigId}]}`, form);
    expect(asForm.json()).toEqual({ ids: [bigId], flag: null });
    const text = await post('/ids', `{"erecnosList":[${bigId}]}`, 'text/plain');
    expect(text.json()).toEqual({ ids: [bigId], flag: null });
  });

  it('answers bad input with Zoho error bodies', async () => {
    const badJson = await post('/ids', '{"erecnosList": [1', 'application/json');
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'body' });
    const badId = await post('/ids', '{"erecnosList": ["x"]}', 'application/json');
    expect(badId.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'erecnosList' });
    const badFlag = await post('/ids', '{"erecnosList": [1], "flag": "sometimes"}', 'application/json');
    expect(badFlag.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'flag' });
    const missing = await app.inject({ method: 'POST', url: '/ids' });
    expect(missing.json()).toMatchObject({ code: 'INPUT_PARAMETER_MISSING', parameter: 'erecnosList' });
  });

  it('reads a data object wrapped, bare, as a query parameter, or as a form field', async () => {
    const wrapped = await post('/data', `{"courseData": {"ownerId": ${bigId}}}`, 'application/json');
    expect(wrapped.json()).toEqual({ data: { ownerId: bigId } });
    const bare = await post('/data', `{"ownerId": ${bigId}}`, 'application/json');
    expect(bare.json()).toEqual({ data: { ownerId: bigId } });
    const query = await app.inject({
      method: 'POST',
      url: `/data?courseData=${encodeURIComponent(`{"ownerId": ${bigId}}`)}`,
    });
    expect(query.json()).toEqual({ data: { ownerId: bigId } });
    const field = await post('/data', `courseData=${encodeURIComponent(`{"ownerId": ${bigId}}`)}`, form);
    expect(field.json()).toEqual({ data: { ownerId: bigId } });
    const none = await app.inject({ method: 'POST', url: '/data' });
    expect(none.json()).toEqual({ data: null });
    const notObject = await app.inject({ method: 'POST', url: '/data?courseData=[1]' });
    expect(notObject.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'courseData' });
  });
});
