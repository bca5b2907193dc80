/** File uploads and downloads over a real socket: streamed bodies, a client that goes away mid-upload, the limit. */
import { randomBytes } from 'node:crypto';
import { type ClientRequest, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFamilies, type Family, multipart, sha256, storedCounts, storedFileOf } from './helpers/files.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';
import { ownPath } from './helpers/route-table.ts';

const limit = 4 * 1024 * 1024;
let lectern: LiveLectern;
let families: Family[];

beforeAll(async () => {
  lectern = await startLiveLectern({ env: { LECTERN_MAX_UPLOAD_BYTES: String(limit) } });
  ({ families } = await createFamilies(lectern));
});
afterAll(() => lectern.close());

/** Polls `check` every 20 ms for up to 5 s; answers whether it came true. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let waited = 0; waited < 5000; waited += 20) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

async function pendingCount(): Promise<number> {
  const rows = await lectern.app.lectern.db
    .selectFrom('stored_files')
    .select('id')
    .where('status', '=', 'pending')
    .execute();
  return rows.length;
}

/** Opens a request with a multipart body's headers; the caller writes the body. */
function open(method: string, path: string, body: ReturnType<typeof multipart>): ClientRequest {
  return request(`${lectern.baseUrl}${path}`, {
    method,
    headers: {
      ...lectern.auth(lectern.adminToken),
      ...body.headers,
      'content-length': String(body.payload.length),
    },
  });
}

/** Writes a body in 64 KiB pieces, waiting for the socket to drain, and answers the response. */
function send(client: ClientRequest, payload: Buffer): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    client.on('error', reject);
    client.on('response', (response) => {
      const pieces: Buffer[] = [];
      response.on('data', (piece: Buffer) => pieces.push(piece));
      response.on('end', () => resolve({ status: response.statusCode!, body: Buffer.concat(pieces) }));
    });
    let offset = 0;
    const write = () => {
      while (offset < payload.length) {
        const piece = payload.subarray(offset, offset + 64 * 1024);
        offset += piece.length;
        if (!client.write(piece)) return void client.once('drain', write);
      }
      client.end();
    };
    write();
  });
}

/** Sends the first half of a body, waits until the server has stored some of it, then drops the connection. */
async function cutOff(client: ClientRequest, payload: Buffer): Promise<void> {
  client.on('error', () => {
    // The socket is destroyed on purpose.
  });
  client.write(payload.subarray(0, Math.floor(payload.length / 2)));
  expect(await eventually(async () => (await pendingCount()) > 0)).toBe(true);
  client.destroy();
}

describe.each(['self-paced', 'blended'])('%s', (name) => {
  const family = () => families.find((candidate) => candidate.name === name)!;

  it('streams a 3 MB upload in and the same bytes out', async () => {
    const data = randomBytes(3 * 1024 * 1024);
    const body = multipart([
      { name: 'fileData', value: '{"name":"Lecture recording"}' },
      { name: 'file', filename: 'lecture.bin', data, contentType: 'application/octet-stream' },
    ]);
    const response = await send(open('POST', family().filesUrl, body), body.payload);
    expect(response.status, response.body.toString()).toBe(200);
    const file = JSON.parse(response.body.toString()).file;
    // The test app's public URL is fixed; the path is what this server answers.
    const path = new URL(file.downloadURL).pathname;
    const downloaded = await fetch(`${lectern.baseUrl}${path}`, { headers: lectern.auth(lectern.adminToken) });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-length')).toBe(String(data.length));
    expect(sha256(Buffer.from(await downloaded.arrayBuffer()))).toBe(sha256(data));
  });

  it('leaves nothing behind when the client goes away in the middle of a create', async () => {
    const before = await storedCounts(lectern);
    const body = multipart([
      { name: 'fileData', value: '{"name":"Never finished"}' },
      { name: 'file', filename: 'half.bin', data: randomBytes(2 * 1024 * 1024) },
    ]);
    await cutOff(open('POST', family().filesUrl, body), body.payload);
    expect(await eventually(async () => (await pendingCount()) === 0)).toBe(true);
    expect(await storedCounts(lectern)).toEqual(before);
  });

  it('keeps the old document when the client goes away in the middle of a replace', async () => {
    const original = randomBytes(1000);
    const first = multipart([
      { name: 'fileData', value: '{"name":"Keeper"}' },
      { name: 'file', filename: 'keep.bin', data: original },
    ]);
    const created = await send(open('POST', family().filesUrl, first), first.payload);
    const fileId = JSON.parse(created.body.toString()).file.fileId;
    const stored = await storedFileOf(lectern, fileId);
    const before = await storedCounts(lectern);
    const replacement = multipart([{ name: 'file', filename: 'new.bin', data: randomBytes(2 * 1024 * 1024) }]);
    await cutOff(open('PATCH', `${family().filesUrl}/${fileId}`, replacement), replacement.payload);
    expect(await eventually(async () => (await pendingCount()) === 0)).toBe(true);
    expect(await storedCounts(lectern)).toEqual(before);
    expect(await storedFileOf(lectern, fileId)).toBe(stored);
    const downloaded = await fetch(`${lectern.baseUrl}${ownPath(family().filesUrl)}/${fileId}/download`, {
      headers: lectern.auth(lectern.adminToken),
    });
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(original)).toBe(true);
  });

  it('answers 422 to a client still sending past the limit, and keeps nothing', async () => {
    const before = await storedCounts(lectern);
    const body = multipart([
      { name: 'fileData', value: '{"name":"Too big"}' },
      { name: 'file', filename: 'big.bin', data: randomBytes(limit + 1024 * 1024) },
    ]);
    const response = await send(open('POST', family().filesUrl, body), body.payload);
    expect(response.status).toBe(422);
    expect(JSON.parse(response.body.toString())).toMatchObject({ code: 'FILE_SIZE_LIMIT_EXCEEDED', parameter: 'file' });
    expect(await storedCounts(lectern)).toEqual(before);
  });
});
