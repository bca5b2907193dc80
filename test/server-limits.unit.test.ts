/** The time-limit settings, and the answers written for client errors. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { clientErrorAnswer, clientErrorResponse } from '../src/http/client-error.ts';
import { serverOptions } from '../src/http/server-limits.ts';

const base = { LECTERN_MEMORY: 'true' };

describe('timeout settings', () => {
  it('default to 10 s for headers, 30 s per request, 15 min per upload, 30 s idle and 72 s keep-alive', () => {
    expect(loadConfig(base).timeouts).toEqual({
      headersMs: 10_000,
      requestMs: 30_000,
      uploadMs: 900_000,
      idleMs: 30_000,
      keepAliveMs: 72_000,
    });
  });

  it('take milliseconds and reach the server options', () => {
    const config = loadConfig({
      ...base,
      LECTERN_HEADERS_TIMEOUT_MS: '200',
      LECTERN_REQUEST_TIMEOUT_MS: '300',
      LECTERN_UPLOAD_TIMEOUT_MS: '400',
      LECTERN_IDLE_TIMEOUT_MS: '500',
      LECTERN_KEEP_ALIVE_TIMEOUT_MS: '600',
    });
    expect(serverOptions(config)).toMatchObject({
      connectionTimeout: 500,
      keepAliveTimeout: 600,
      // Node's own request bound is the longest one; other requests get theirs from the deadline.
      requestTimeout: 400,
      http: { headersTimeout: 200, requestTimeout: 400, connectionsCheckingInterval: 50 },
      forceCloseConnections: 'idle',
      return503OnClosing: false,
    });
  });

  it('refuse anything but a positive whole number of milliseconds, by name', () => {
    for (const name of ['LECTERN_HEADERS_TIMEOUT_MS', 'LECTERN_IDLE_TIMEOUT_MS', 'LECTERN_KEEP_ALIVE_TIMEOUT_MS']) {
      for (const bad of ['0', '-5', '1.5', '10s']) {
        expect(() => loadConfig({ ...base, [name]: bad })).toThrow(ConfigError);
        expect(() => loadConfig({ ...base, [name]: bad })).toThrow(new RegExp(`${name} must be a whole number`));
      }
    }
  });

  it('refuse headers slower than a request, or a request slower than an upload', () => {
    expect(() => loadConfig({ ...base, LECTERN_HEADERS_TIMEOUT_MS: '40000' })).toThrow(
      /LECTERN_HEADERS_TIMEOUT_MS must not exceed LECTERN_REQUEST_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ ...base, LECTERN_UPLOAD_TIMEOUT_MS: '20000' })).toThrow(/got 10000, 30000 and 20000/);
  });
});

describe('client error answers', () => {
  it("map Node's errors to statuses, with Zoho's body shape", () => {
    const error = (code: string, reason?: string) => Object.assign(new Error('Parse Error'), { code, reason });
    expect(clientErrorAnswer(error('ERR_HTTP_REQUEST_TIMEOUT'))).toMatchObject({ status: 408, body: { code: '408' } });
    expect(clientErrorAnswer(error('HPE_HEADER_OVERFLOW'))).toMatchObject({ status: 431, body: { code: '431' } });
    expect(clientErrorAnswer(error('HPE_INVALID_METHOD', 'Invalid method encountered'))).toEqual({
      status: 400,
      body: {
        code: 'INVALID_INPUT',
        message: 'Invalid value for request: it is not a valid HTTP/1.1 request',
        parameter: 'request',
      },
    });
  });

  it('are whole HTTP/1.1 responses that close the connection, their length counted in bytes', () => {
    const text = clientErrorResponse({ status: 400, body: { code: 'INVALID_INPUT', message: 'Malformed: ü' } });
    const [head, body] = text.split('\r\n\r\n');
    expect(head).toBe(
      'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body!)}\r\nConnection: close`,
    );
    expect(JSON.parse(body!)).toEqual({ code: 'INVALID_INPUT', message: 'Malformed: ü' });
  });
});
