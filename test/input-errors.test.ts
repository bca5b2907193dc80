/**
 * Every error body is Zoho's (code, message, parameter) with no framework code, and quotes at most a short prefix of
 * a bad value: Fastify's own errors (content type, body size, bad URL, unknown route), bodies in another charset or
 * a content encoding, and what Node answers on the socket before Fastify sees a request (414, 431, 400).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCourses, createCourse, formType, jsonType } from './helpers/courses.ts';
import { expectZohoAnswer } from './helpers/hostile-input.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';
import { type RawResponse, rawRequest } from './helpers/raw-http.ts';

let lectern: LiveLectern;
let courseId: string;

beforeAll(async () => {
  lectern = await startLiveLectern();
  courseId = (await createCourse(lectern, lectern.adminToken)).courseId;
});
afterAll(() => lectern.close());

function send(method: string, url: string, payload?: string | Buffer, headers: Record<string, string> = jsonType) {
  return lectern.app.inject({
    method: method as 'POST',
    url,
    headers: { ...lectern.auth(lectern.adminToken), ...headers },
    ...(payload === undefined ? {} : { payload }),
  });
}

/** A Zoho error body with this status, code and parameter; answers the message. */
function expectError(response: LightMyRequestResponse, status: number, code: string, parameter?: string): string {
  expect(response.statusCode, response.body).toBe(status);
  expectZohoAnswer(response, response.body);
  expect(response.json().code).toBe(code);
  expect(response.json().parameter).toBe(parameter);
  return response.json().message;
}

describe("Fastify's own errors are Zoho's error bodies", () => {
  it('a content type no parser takes: 415 naming Content-Type', async () => {
    for (const type of ['application/xml', 'multipart/form-data; boundary=x', 'image/png']) {
      const message = expectError(
        await send('POST', '/api/v1/courses', '<a/>', { 'content-type': type }),
        415,
        'INVALID_INPUT',
        'Content-Type',
      );
      expect(message).toContain(`"${type}" is not accepted here`);
    }
    const untyped = await lectern.app.inject({
      method: 'POST',
      url: '/api/v1/courses',
      headers: lectern.auth(lectern.adminToken),
      payload: '{"name":"n","type":1}',
    });
    expect(expectError(untyped, 415, 'INVALID_INPUT', 'Content-Type')).toContain('a body without a content type');
  });

  it('a body over the limit: 413 naming the body and the limit', async () => {
    const response = await send(
      'POST',
      '/api/v1/courses',
      JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), type: 1 }),
    );
    expect(expectError(response, 413, '413', 'body')).toBe(
      'Request body too large: this endpoint takes at most 1048576 bytes',
    );
  });

  it('a Content-Length the body does not match: 400 naming Content-Length', async () => {
    const response = await send('POST', '/api/v1/courses', '{"name":"n","type":1}', {
      ...jsonType,
      'content-length': '5',
    });
    expectError(response, 400, 'INVALID_INPUT', 'Content-Length');
  });

  it('malformed JSON: 400 naming the body', async () => {
    expect(expectError(await send('POST', '/api/v1/courses', '{"name":'), 400, 'INVALID_INPUT', 'body')).toMatch(
      /^Invalid value for body: not valid JSON/,
    );
  });

  it('an empty JSON body on create: 400 naming the missing data object', async () => {
    expectError(await send('POST', '/api/v1/courses', ''), 400, 'INPUT_PARAMETER_MISSING', 'courseData');
  });

  it('an unknown route, and a method a path does not serve: 404', async () => {
    expectError(await send('GET', '/api/v1/nothing'), 404, '404');
    expect(expectError(await send('PUT', '/api/v1/courses', '{}'), 404, '404')).toBe(
      'Not found: no endpoint PUT /api/v1/courses',
    );
  });

  it('a path that is not valid percent-encoding: 400 naming the URL', async () => {
    expectError(await send('GET', '/api/v1/courses/%E0%A4%A'), 400, 'INVALID_INPUT', 'url');
  });

  it('a path parameter beyond any id: 414 naming the URL', async () => {
    expectError(await send('GET', `/api/v1/courses/${'1'.repeat(300)}`), 414, '414', 'url');
  });
});

describe('error messages quote a short prefix of a bad value', () => {
  it('a 900 KB name is quoted as its first 64 characters', async () => {
    const response = await send('POST', '/api/v1/courses', JSON.stringify({ name: 'y'.repeat(900 * 1024), type: 1 }));
    const message = expectError(response, 400, 'INVALID_INPUT', 'courseData.name');
    expect(message).toContain(`got "${'y'.repeat(64)}..."`);
    expect(response.body.length).toBeLessThan(400);
  });

  it('a long query value and a long id are quoted the same way', async () => {
    const startIndex = await send('GET', `/api/v1/courses?startIndex=${'9'.repeat(5000)}`);
    expect(expectError(startIndex, 400, 'INVALID_INPUT', 'startIndex')).toContain(`"${'9'.repeat(64)}..."`);
    const ids = await send(
      'PATCH',
      `/api/v1/courses/${courseId}`,
      JSON.stringify({ courseAdmins: ['z'.repeat(10_000)] }),
    );
    expect(ids.statusCode, ids.body).toBe(400);
    expect(ids.body.length).toBeLessThan(600);
  });
});

describe('bodies Lectern cannot read are refused, not misread', () => {
  it('a Content-Encoding (gzip, deflate, br): 415 naming Content-Encoding, and nothing written', async () => {
    const before = await countCourses(lectern);
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const response = await send('POST', '/api/v1/courses', '{"name":"n","type":1}', {
        ...jsonType,
        'content-encoding': encoding,
      });
      expect(expectError(response, 415, 'INVALID_INPUT', 'Content-Encoding')).toBe(
        `Invalid value for Content-Encoding: "${encoding}" is not supported; send the body uncompressed`,
      );
    }
    expect(await countCourses(lectern)).toBe(before);
    const identity = await send('POST', '/api/v1/courses', '{"name":"n","type":1}', {
      ...jsonType,
      'content-encoding': 'identity',
    });
    expect(identity.statusCode, identity.body).toBe(200);
  });

  it('a charset other than UTF-8, on JSON and form bodies: 415 naming Content-Type', async () => {
    const before = await countCourses(lectern);
    for (const [type, payload] of [
      ['application/json; charset=iso-8859-1', '{"name":"n","type":1}'],
      ['application/x-www-form-urlencoded; charset=windows-1252', 'name=n&type=1'],
      ['text/plain; charset="utf-16"', '{"name":"n","type":1}'],
    ] as const) {
      const response = await send('POST', '/api/v1/courses', payload, { 'content-type': type });
      expect(expectError(response, 415, 'INVALID_INPUT', 'Content-Type')).toMatch(
        /^Invalid value for Content-Type: charset ".+" is not supported; send UTF-8$/,
      );
    }
    expect(await countCourses(lectern)).toBe(before);
    for (const type of ['application/json; charset=utf-8', 'application/json; charset="UTF-8"']) {
      const response = await send('POST', '/api/v1/courses', '{"name":"é","type":1}', { 'content-type': type });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().course.name).toBe('é');
    }
  });

  it('bytes that are not UTF-8: 400 naming the body', async () => {
    const latin1 = Buffer.from('{"name":"caf\xe9","type":1}', 'latin1');
    expect(expectError(await send('POST', '/api/v1/courses', latin1), 400, 'INVALID_INPUT', 'body')).toBe(
      'Invalid value for body: not valid UTF-8',
    );
    expectError(await send('POST', '/api/v1/courses', latin1, formType), 400, 'INVALID_INPUT', 'body');
  });
});

describe('requests Node refuses on the socket get a Zoho body and Connection: close', () => {
  const request = (target: string, headers = '') =>
    `GET ${target} HTTP/1.1\r\nHost: lectern.test\r\nAuthorization: Zoho-oauthtoken ${lectern.adminToken}\r\n${headers}\r\n`;

  function expectSocketError(response: RawResponse, status: number, code: string, parameter: string): void {
    expect(response.status, response.body).toBe(status);
    expect(response.headers.connection).toBe('close');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
    const body = JSON.parse(response.body);
    expect(Object.keys(body)).toEqual(['code', 'message', 'parameter']);
    expect(body).toMatchObject({ code, parameter });
    expect(body.message).not.toMatch(/FST_|ERR_|HPE_/);
  }

  it('a URL beyond the 16 KB head: 414 naming the URL', async () => {
    const response = await rawRequest(lectern.baseUrl, request(`/api/v1/courses?search=${'q'.repeat(20 * 1024)}`));
    expectSocketError(response, 414, '414', 'url');
    expect(JSON.parse(response.body).message).toMatch(/^URI Too Long: /);
  });

  it('headers beyond the 16 KB head: 431 naming the headers', async () => {
    const response = await rawRequest(
      lectern.baseUrl,
      request('/api/v1/courses', `X-Big: ${'h'.repeat(20 * 1024)}\r\n`),
    );
    expectSocketError(response, 431, '431', 'headers');
    expect(JSON.parse(response.body).message).toMatch(/^Request Header Fields Too Large: /);
  });

  it('bytes that are not HTTP: 400 naming the request', async () => {
    const response = await rawRequest(lectern.baseUrl, 'GET /api/v1/courses HTTP/1.1\r\nBad Header Line\r\n\r\n');
    expectSocketError(response, 400, 'INVALID_INPUT', 'request');
  });

  it('an overlong path parameter on the wire: 414 from the router, in the same body', async () => {
    const response = await rawRequest(
      lectern.baseUrl,
      request(`/api/v1/courses/${'1'.repeat(300)}`, 'Connection: close\r\n'),
    );
    expect(response.status).toBe(414);
    expect(JSON.parse(response.body)).toEqual({
      code: '414',
      message: 'URI Too Long: a path parameter is longer than any id',
      parameter: 'url',
    });
  });
});
