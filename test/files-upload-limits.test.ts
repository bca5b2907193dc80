/**
 * The upload limit on a real socket: a body declared too large is refused before it is read, an endless chunked
 * body is cut off at the limit, and in both cases nothing is stored and the connection is closed, not drained.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFamilies, type Family, multipart, storedCounts } from './helpers/files.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';
import { openRaw, parseResponse, requestHead } from './helpers/raw-socket.ts';

const limit = 1024 * 1024;
let lectern: LiveLectern;
let families: Family[];

beforeAll(async () => {
  lectern = await startLiveLectern({ env: { LECTERN_MAX_UPLOAD_BYTES: String(limit) } });
  ({ families } = await createFamilies(lectern));
});
afterAll(() => lectern.close());

/** The head of a multipart write of fileData and a file part, and the part's opening bytes. */
function uploadStart(filesUrl: string, headers: Record<string, string | number>, token = lectern.adminToken) {
  const boundary = 'lectern-limit-test';
  const head = requestHead('POST', filesUrl, {
    ...lectern.auth(token),
    'Content-Type': `multipart/form-data; boundary=${boundary}`,
    ...headers,
  });
  const opening =
    `--${boundary}\r\nContent-Disposition: form-data; name="fileData"\r\n\r\n{"name":"Too big"}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n`;
  return { head, opening: Buffer.from(opening) };
}

describe.each(['self-paced', 'blended'])('%s', (name) => {
  const family = () => families.find((candidate) => candidate.name === name)!;

  it('refuses a body declared larger than the limit allows with 422 before reading it, and closes', async () => {
    const before = await storedCounts(lectern);
    const declared = 50 * limit;
    const { head, opening } = uploadStart(family().filesUrl, { 'Content-Length': declared });
    const client = await openRaw(lectern.baseUrl);
    // Only the head and the first 64 KiB are ever sent: the answer cannot have waited for the rest.
    client.socket.write(head);
    client.socket.write(Buffer.concat([opening, randomBytes(64 * 1024)]));
    const end = await client.closed;
    const response = parseResponse(end.text);
    expect(response.status, end.text).toBe(422);
    expect(response.headers.connection).toBe('close');
    expect(JSON.parse(response.body)).toEqual({
      code: 'FILE_SIZE_LIMIT_EXCEEDED',
      message: `Maximum limit exceeded: the request declares ${declared} bytes, too many for the upload limit of ${limit} bytes (LECTERN_MAX_UPLOAD_BYTES)`,
      parameter: 'file',
    });
    expect(await storedCounts(lectern)).toEqual(before);
  });

  it('closes the connection after refusing an unknown token, instead of reading the upload it announced', async () => {
    const { head, opening } = uploadStart(family().filesUrl, { 'Content-Length': limit / 2 }, '1000.nobody');
    const client = await openRaw(lectern.baseUrl);
    client.socket.write(head);
    client.socket.write(opening);
    const end = await client.closed;
    const response = parseResponse(end.text);
    expect(response.status, end.text).toBe(401);
    expect(response.headers.connection).toBe('close');
  });

  it('accepts a document exactly at the limit with fileData and part headers around it', async () => {
    const body = multipart([
      { name: 'fileData', value: JSON.stringify({ name: 'At the limit', description: 'd'.repeat(10_000) }) },
      { name: 'file', filename: 'at.bin', data: randomBytes(limit) },
    ]);
    const client = await openRaw(lectern.baseUrl);
    const head = requestHead('POST', family().filesUrl, {
      ...lectern.auth(lectern.adminToken),
      ...body.headers,
      'Content-Length': body.payload.length,
      Connection: 'close',
    });
    client.socket.write(head);
    client.socket.write(body.payload);
    const end = await client.closed;
    expect(parseResponse(end.text).status, end.text).toBe(200);
  });

  it('cuts off an endless chunked upload at the limit: 422, nothing stored, the connection closed', async () => {
    const before = await storedCounts(lectern);
    const { head, opening } = uploadStart(family().filesUrl, { 'Transfer-Encoding': 'chunked' });
    const client = await openRaw(lectern.baseUrl, 10_000);
    const chunk = (data: Buffer) =>
      Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);
    client.socket.write(head);
    client.socket.write(chunk(opening));
    // The client never stops on its own: it sends until the server closes the connection.
    let sent = 0;
    const piece = chunk(randomBytes(64 * 1024));
    const pump = () => {
      while (!client.socket.destroyed && client.socket.writable) {
        sent += piece.length;
        if (!client.socket.write(piece)) return void client.socket.once('drain', pump);
      }
    };
    pump();
    const end = await client.closed;
    const response = parseResponse(end.text);
    expect(response.status, end.text.slice(0, 500)).toBe(422);
    expect(response.headers.connection).toBe('close');
    expect(JSON.parse(response.body)).toMatchObject({ code: 'FILE_SIZE_LIMIT_EXCEEDED', parameter: 'file' });
    // Read up to the limit, and a little more while the refusal was sent; never the endless rest.
    expect(sent).toBeGreaterThan(limit);
    expect(sent).toBeLessThan(64 * limit);
    await expect.poll(() => storedCounts(lectern), { timeout: 5000 }).toEqual(before);
  });
});
