/** Request ids on every answer and in every log line of a request; no credential ever reaches a log. */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loggerOptions, maskUrlSecrets } from '../src/http/request-log.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let lectern: TestLectern | undefined;
afterEach(async () => {
  await lectern?.close();
  lectern = undefined;
});

/** A stream that keeps every log line, parsed. */
function logCapture() {
  const lines: Record<string, unknown>[] = [];
  const text: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk
        .toString()
        .split('\n')
        .filter((part) => part !== '')) {
        text.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { stream, lines, text: () => text.join('\n') };
}

describe('X-Request-Id', () => {
  it('is a fresh random UUID on each answer when the client sends none', async () => {
    lectern = await createTestLectern();
    const first = await lectern.app.inject({ url: '/healthz' });
    const second = await lectern.app.inject({ url: '/healthz' });
    expect(first.headers['x-request-id']).toMatch(uuid);
    expect(second.headers['x-request-id']).toMatch(uuid);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it("echoes the client's id when it is short and plain, and replaces any other", async () => {
    lectern = await createTestLectern();
    const sent = async (id: string) =>
      (await lectern!.app.inject({ url: '/healthz', headers: { 'x-request-id': id } })).headers['x-request-id'];
    expect(await sent('trace-42.a:b_C-d')).toBe('trace-42.a:b_C-d');
    expect(await sent('x'.repeat(128))).toBe('x'.repeat(128));
    for (const bad of ['x'.repeat(129), 'two words', '<script>', 'id;drop', '"quoted"', '']) {
      expect(await sent(bad)).toMatch(uuid);
    }
  });

  it('comes back on refusals: 400, 401, 403, 404, 414 and 429', async () => {
    lectern = await createTestLectern({ rateLimit: true, env: { LECTERN_RATE_LIMIT_THRESHOLD: '1' } });
    const reader = await lectern.token(['READ']);
    const answers = {
      400: await lectern.app.inject({
        method: 'POST',
        url: '/api/v1/courses',
        headers: { ...lectern.auth(lectern.adminToken), 'content-type': 'application/json' },
        payload: '{"name":',
      }),
      401: await lectern.app.inject({ url: '/api/v1/rooms' }),
      403: await lectern.app.inject({ method: 'POST', url: '/api/v1/courses', headers: lectern.auth(reader) }),
      404: await lectern.app.inject({ url: '/api/v1/no-such-thing' }),
      414: await lectern.app.inject({ url: `/api/v1/courses/${'1'.repeat(201)}` }),
      429: await (async () => {
        await lectern.app.inject({ url: '/api/v1/rooms', headers: lectern!.auth(lectern!.adminToken) });
        return lectern!.app.inject({ url: '/api/v1/rooms', headers: lectern!.auth(lectern!.adminToken) });
      })(),
    };
    for (const [status, answer] of Object.entries(answers)) {
      expect(answer.statusCode).toBe(Number(status));
      expect(answer.headers['x-request-id']).toMatch(uuid);
    }
    // The router refuses an undecodable URL before any hook runs; it still gets an id and Zoho's body.
    const undecodable = await lectern.app.inject({ url: '/api/v1/rooms/%E0%A4%A' });
    expect(undecodable.statusCode).toBe(400);
    expect(undecodable.headers['x-request-id']).toMatch(uuid);
    expect(undecodable.json()).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('request logs', () => {
  it('carry the request id on every line of a request and no credential from any place', async () => {
    const log = logCapture();
    lectern = await createTestLectern({ logStream: log.stream });
    const secrets = {
      header: lectern.adminToken,
      authtoken: 'authtoken-secret-1111',
      clientSecret: 'client-secret-2222',
      refreshToken: 'refresh-token-3333',
      code: 'grant-code-4444',
      cookie: 'cookie-secret-5555',
      webhookSecret: 'webhook-secret-66666666',
    };
    const requests = [
      { id: 'log-1', url: '/api/v1/rooms', headers: lectern.auth(secrets.header) },
      { id: 'log-2', url: `/api/v1/rooms?authtoken=${secrets.authtoken}`, headers: {} },
      {
        id: 'log-3',
        url: `/oauth/v2/token?client_secret=${secrets.clientSecret}&refresh_token=${secrets.refreshToken}&code=${secrets.code}&grant_type=refresh_token`,
        headers: { cookie: `session=${secrets.cookie}` },
      },
      {
        id: 'log-4',
        url: `/lectern/v1/webhooks?webhookData=${encodeURIComponent(JSON.stringify({ url: 'https://example.com/hook', secret: secrets.webhookSecret }))}`,
        headers: { ...lectern.auth(lectern.adminToken), cookie: `a=${secrets.cookie}` },
        method: 'POST' as const,
      },
      { id: 'log-5', url: `/api/v1/%E0%A4%A?authtoken=${secrets.authtoken}`, headers: {} },
    ];
    for (const request of requests) {
      const answer = await lectern.app.inject({
        method: request.method ?? 'GET',
        url: request.url,
        headers: { ...request.headers, 'x-request-id': request.id },
      });
      expect(answer.headers['x-request-id']).toBe(request.id);
    }

    const everything = log.text();
    for (const secret of Object.values(secrets)) expect(everything).not.toContain(secret);
    expect(everything).toContain('authtoken=[REDACTED]');
    expect(everything).toContain('grant_type=refresh_token');
    for (const request of requests) {
      const lines = log.lines.filter((line) => line.requestId === request.id);
      // One line a request, when it is answered, naming what was asked and how it ended.
      expect(lines.map((line) => line.msg)).toEqual(['request completed']);
      expect(lines[0]).toMatchObject({
        req: { method: request.method ?? 'GET' },
        res: { statusCode: expect.any(Number) },
      });
    }
    // Nothing about a request is logged without its id.
    const aboutRequests = log.lines.filter((line) => 'req' in line || 'res' in line || 'err' in line);
    expect(aboutRequests.length).toBeGreaterThanOrEqual(requests.length);
    for (const line of aboutRequests) expect(requests.map((request) => request.id)).toContain(line.requestId);
  });

  it("names the request in lines the app itself writes (the rate limiter's failure)", async () => {
    const log = logCapture();
    lectern = await createTestLectern({
      logStream: log.stream,
      rateLimiter: {
        hit: () => {
          throw new Error('the limiter store is down');
        },
      },
    });
    const answer = await lectern.app.inject({ url: '/api/v1/rooms', headers: lectern.auth(lectern.adminToken) });
    expect(answer.statusCode).toBe(200);
    const failure = log.lines.find((line) => line.msg === 'rate limiter unavailable; call admitted');
    expect(failure?.requestId).toBe(answer.headers['x-request-id']);
    expect(log.text()).not.toContain(lectern.adminToken);
  });

  it('blanks credentials in any object logged: headers, queries and bodies', () => {
    const log = logCapture();
    const logger = pino(loggerOptions('info') as pino.LoggerOptions, log.stream);
    logger.info({
      headers: { authorization: 'Zoho-oauthtoken header-secret', cookie: 'c=cookie-secret', accept: 'text/plain' },
      query: { code: 'code-secret', authtoken: 'query-secret', page: '2' },
      body: { client_secret: 'body-secret', refresh_token: 'refresh-secret', name: 'Fire safety' },
    });
    const text = log.text();
    for (const secret of [
      'header-secret',
      'cookie-secret',
      'code-secret',
      'query-secret',
      'body-secret',
      'refresh-secret',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('text/plain');
    expect(text).toContain('Fire safety');
  });
});

describe('maskUrlSecrets', () => {
  it('masks credentials by parameter name, in any case and encoding, and data objects that hold a secret', () => {
    expect(maskUrlSecrets('/api/v1/rooms')).toBe('/api/v1/rooms');
    expect(maskUrlSecrets('/x?AuthToken=abc&page=2')).toBe('/x?AuthToken=[REDACTED]&page=2');
    expect(maskUrlSecrets('/x?client%5Fsecret=abc&code=def')).toBe('/x?client%5Fsecret=[REDACTED]&code=[REDACTED]');
    expect(maskUrlSecrets('/x?data=%7B%22password%22%3A%22p%22%7D&flag')).toBe('/x?data=[REDACTED]&flag');
    expect(maskUrlSecrets('/x?courseData=%7B%22name%22%3A%22n%22%7D')).toBe('/x?courseData=%7B%22name%22%3A%22n%22%7D');
  });
});
