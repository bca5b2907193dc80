/**
 * The HTTP server's time limits and client errors on a real socket: stalled headers and bodies are cut off within
 * their bound (408 where Node answers), uploads get their longer bound, idle keep-alive connections close cleanly,
 * and a malformed request is answered 400 with Connection: close. Real time, with bounds of a few hundred ms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonType } from './helpers/courses.ts';
import { createFamilies, type Family, multipart, storedCounts } from './helpers/files.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';
import { openRaw, parseResponse, requestHead } from './helpers/raw-socket.ts';

const bounds = { headers: 200, request: 400, upload: 900, keepAlive: 300 };
/** However busy the machine, a bound is kept within this much (Node checks some bounds every 50 ms here). */
const slack = 2500;
let lectern: LiveLectern;
let families: Family[];

beforeAll(async () => {
  lectern = await startLiveLectern({
    env: {
      LECTERN_HEADERS_TIMEOUT_MS: String(bounds.headers),
      LECTERN_REQUEST_TIMEOUT_MS: String(bounds.request),
      LECTERN_UPLOAD_TIMEOUT_MS: String(bounds.upload),
      LECTERN_KEEP_ALIVE_TIMEOUT_MS: String(bounds.keepAlive),
    },
  });
  ({ families } = await createFamilies(lectern));
});
afterAll(() => lectern.close());

async function courseCount(): Promise<number> {
  const rows = await lectern.app.lectern.db.selectFrom('courses').select('id').execute();
  return rows.length;
}

/** Expects a Zoho-shaped error answer with Connection: close, and answers its body. */
function expectRefusal(text: string, status: number): { code: string; message: string } {
  const response = parseResponse(text);
  expect(response.status, text).toBe(status);
  expect(response.headers.connection).toBe('close');
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return JSON.parse(response.body);
}

describe('time limits', () => {
  it(`closes a connection whose headers stall, with 408, within LECTERN_HEADERS_TIMEOUT_MS (${bounds.headers} ms)`, async () => {
    const client = await openRaw(lectern.baseUrl);
    client.socket.write('POST /api/v1/courses HTTP/1.1\r\nHost: lectern.test\r\nAuthoriza');
    const end = await client.closed;
    expect(end.elapsedMs).toBeGreaterThanOrEqual(bounds.headers);
    expect(end.elapsedMs).toBeLessThan(bounds.headers + slack);
    expect(end.error).toBeNull();
    expect(expectRefusal(end.text, 408)).toMatchObject({ code: '408' });
  });

  it(`answers 408 to a body that stalls, within LECTERN_REQUEST_TIMEOUT_MS (${bounds.request} ms), writing nothing`, async () => {
    const before = await courseCount();
    const client = await openRaw(lectern.baseUrl);
    const body = JSON.stringify({ name: 'Never finished', type: 1 });
    const head = requestHead('POST', '/api/v1/courses', {
      ...lectern.auth(lectern.adminToken),
      ...jsonType,
      'Content-Length': body.length,
    });
    client.socket.write(head + body.slice(0, 10));
    const end = await client.closed;
    expect(end.elapsedMs).toBeGreaterThanOrEqual(bounds.request);
    expect(end.elapsedMs).toBeLessThan(bounds.request + slack);
    expect(end.error).toBeNull();
    const refusal = expectRefusal(end.text, 408);
    expect(refusal.message).toContain('LECTERN_REQUEST_TIMEOUT_MS');
    expect(await courseCount()).toBe(before);
  });

  it('serves a body that arrives slowly but within the bound', async () => {
    const client = await openRaw(lectern.baseUrl);
    const body = JSON.stringify({ name: 'Slow but fine', type: 1 });
    const head = requestHead('POST', '/api/v1/courses', {
      ...lectern.auth(lectern.adminToken),
      ...jsonType,
      'Content-Length': body.length,
      Connection: 'close',
    });
    client.socket.write(head + body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, bounds.request / 4));
    client.socket.write(body.slice(10));
    const end = await client.closed;
    expect(parseResponse(end.text).status, end.text).toBe(200);
  });

  it(`gives an upload LECTERN_UPLOAD_TIMEOUT_MS (${bounds.upload} ms), then answers 408 and keeps nothing`, async () => {
    const before = await storedCounts(lectern);
    const upload = multipart([
      { name: 'fileData', value: '{"name":"Stalled upload"}' },
      { name: 'file', filename: 'stalled.bin', data: Buffer.alloc(300_000, 7) },
    ]);
    const client = await openRaw(lectern.baseUrl);
    const head = requestHead('POST', families[0]!.filesUrl, {
      ...lectern.auth(lectern.adminToken),
      ...upload.headers,
      'Content-Length': upload.payload.length,
    });
    client.socket.write(head);
    client.socket.write(upload.payload.subarray(0, 100_000));
    const end = await client.closed;
    // Longer than an ordinary request may take: the upload had its own bound.
    expect(end.elapsedMs).toBeGreaterThanOrEqual(bounds.upload);
    expect(end.elapsedMs).toBeLessThan(bounds.upload + slack);
    expectRefusal(end.text, 408);
    await expect.poll(() => storedCounts(lectern), { timeout: 5000 }).toEqual(before);
  });

  it(`closes an idle keep-alive connection cleanly after LECTERN_KEEP_ALIVE_TIMEOUT_MS (${bounds.keepAlive} ms)`, async () => {
    const client = await openRaw(lectern.baseUrl);
    client.socket.write(requestHead('GET', '/healthz'));
    await client.waitFor(/\r\n\r\n\{"status":"ok"\}/);
    const answered = client.elapsed();
    const end = await client.closed;
    expect(parseResponse(end.text).status).toBe(200);
    expect(end.elapsedMs - answered).toBeGreaterThanOrEqual(bounds.keepAlive - 50);
    expect(end.elapsedMs - answered).toBeLessThan(bounds.keepAlive + slack);
    expect(end).toMatchObject({ error: null, ended: true });
  });
});

describe('client errors', () => {
  it('answers a malformed header with a Zoho-shaped 400 and Connection: close, and closes the connection', async () => {
    const client = await openRaw(lectern.baseUrl);
    client.socket.write('GET /healthz HTTP/1.1\r\nHost: lectern.test\r\nBad Header: yes\r\n\r\n');
    const end = await client.closed;
    expect(end.ended).toBe(true);
    const refusal = expectRefusal(end.text, 400);
    expect(refusal.code).toBe('INVALID_INPUT');
    expect(refusal).toMatchObject({
      message: 'Invalid value for request: it is not a valid HTTP/1.1 request',
      parameter: 'request',
    });
  });

  it('answers headers larger than Node allows with 431 and Connection: close', async () => {
    const client = await openRaw(lectern.baseUrl);
    client.socket.write(`GET /healthz HTTP/1.1\r\nHost: lectern.test\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    const end = await client.closed;
    expectRefusal(end.text, 431);
  });
});

describe('an idle connection with nothing moving', () => {
  let quiet: LiveLectern;
  const idle = 300;
  beforeAll(async () => {
    quiet = await startLiveLectern({ env: { LECTERN_IDLE_TIMEOUT_MS: String(idle) } });
  });
  afterAll(() => quiet.close());

  it(`is closed after LECTERN_IDLE_TIMEOUT_MS (${idle} ms) although the request bounds are far off`, async () => {
    const client = await openRaw(quiet.baseUrl);
    client.socket.write(
      requestHead('POST', '/api/v1/courses', { ...quiet.auth(quiet.adminToken), ...jsonType, 'Content-Length': 100 }),
    );
    const end = await client.closed;
    expect(end.elapsedMs).toBeGreaterThanOrEqual(idle - 50);
    expect(end.elapsedMs).toBeLessThan(idle + slack);
  });
});
