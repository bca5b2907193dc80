/**
 * A second Lectern process (`lectern serve`) on the same PostgreSQL schema serves the bytes of a file uploaded
 * through this one, and this one serves a file uploaded through it: the bytes live in the database, not a process.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFamilies, type Family, multipart, pngImage, sha256, upload } from './helpers/files.ts';
import { databaseUrlOf, quietServerEnv, serverProcesses } from './helpers/processes.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let families: Family[];
const processes = serverProcesses(quietServerEnv);
let childUrl: string;

beforeAll(async () => {
  lectern = await createTestLectern();
  ({ families } = await createFamilies(lectern));
  childUrl = await processes.start(await databaseUrlOf(lectern));
}, 60_000);

afterAll(async () => {
  await processes.stopAll();
  await lectern.close();
}, 30_000);

it.each(['self-paced', 'blended'])('serves the same bytes from either process (%s)', async (name) => {
  const family = families.find((candidate) => candidate.name === name)!;
  const auth = lectern.auth(lectern.adminToken);
  const ours = randomBytes(2 * 1024 * 1024 + 5);
  const created = await upload(lectern, family.filesUrl, {
    fileData: { name: 'From the test process' },
    file: { filename: 'ours.bin', data: ours },
  });
  expect(created.statusCode, created.body).toBe(200);
  const path = new URL(created.json().file.downloadURL).pathname;
  const fromChild = await fetch(`${childUrl}${path}`, { headers: auth });
  expect(fromChild.status).toBe(200);
  expect(fromChild.headers.get('content-disposition')).toBe('attachment; filename=ours.bin');
  expect(sha256(Buffer.from(await fromChild.arrayBuffer()))).toBe(sha256(ours));

  const theirs = pngImage(50, 50);
  const body = multipart([
    { name: 'fileData', value: '{"name":"From the child process"}' },
    { name: 'file', filename: 'theirs.png', data: theirs, contentType: 'image/png' },
  ]);
  const viaChild = await fetch(`${childUrl}${family.filesUrl}`, {
    method: 'POST',
    headers: { ...auth, ...body.headers },
    body: new Uint8Array(body.payload),
  });
  expect(viaChild.status).toBe(200);
  const file = (await viaChild.json()).file;
  // The child has no public URL set: its links name the host the request came to.
  expect(file.downloadURL.startsWith(`${childUrl}/lectern/v1/`)).toBe(true);
  const fromUs = await lectern.app.inject({ url: new URL(file.downloadURL).pathname, headers: auth });
  expect(fromUs.statusCode).toBe(200);
  expect(fromUs.headers['content-type']).toBe('image/png');
  expect(fromUs.rawPayload.equals(theirs)).toBe(true);
});
