/** HEAD on a real socket: GET's status and headers, Content-Length included, and no body. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';
import { rawRequest } from './helpers/raw-http.ts';

let lectern: LiveLectern;
beforeAll(async () => {
  lectern = await startLiveLectern();
});
afterAll(() => lectern?.close());

async function both(path: string, token?: string) {
  const auth = token === undefined ? '' : `Authorization: Zoho-oauthtoken ${token}\r\n`;
  const request = (method: string) => `${method} ${path} HTTP/1.1\r\nHost: x\r\n${auth}Connection: close\r\n\r\n`;
  return {
    get: await rawRequest(lectern.baseUrl, request('GET')),
    head: await rawRequest(lectern.baseUrl, request('HEAD')),
  };
}

it('answers HEAD as GET without the body, for probes and for the API', async () => {
  const health = await both('/healthz');
  expect(health.head.status).toBe(200);
  expect(health.head.body).toBe('');
  expect(health.head.headers['content-length']).toBe(health.get.headers['content-length']);
  expect(health.head.headers['content-type']).toBe(health.get.headers['content-type']);

  const courses = await both('/api/v1/courses', lectern.adminToken);
  expect(courses.get.status).toBe(200);
  expect(courses.head.status).toBe(200);
  expect(courses.head.body).toBe('');
  expect(courses.head.headers['content-length']).toBe(courses.get.headers['content-length']);
  // Refusals are GET's too: no token, 401 with its headers and no body.
  const refused = await both('/api/v1/courses');
  expect(refused.head.status).toBe(401);
  expect(refused.head.body).toBe('');
});

it('leaves other methods to their routes: HEAD of a POST-only path is what GET of it is', async () => {
  const { get, head } = await both('/oauth/v2/token');
  expect(head.status).toBe(get.status);
  expect(head.body).toBe('');
});
