/**
 * Two Lectern apps on one store (one SQLite file, or one PostgreSQL schema): a file uploaded through one is served,
 * byte for byte, by the other, and a delete through either removes the bytes for both.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, type LecternApp } from '../src/app.ts';
import { SettableClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/db/create-db.ts';
import { createPortal } from '../src/features/people/portal.service.ts';
import { createSchema, dropSchema, testDatabaseUrl, testDialect } from './helpers/engines.ts';
import { multipart, pngImage, sha256 } from './helpers/files.ts';
import { ownPath } from './helpers/route-table.ts';

const handles: DatabaseHandle[] = [];
const apps: LecternApp[] = [];
let folder: string | null = null;
let schema: string | null = null;
let token: string;
let filesUrl: string;

/** A handle on the shared store: the same SQLite file, or the same PostgreSQL schema. */
function openShared(): DatabaseHandle {
  const handle =
    testDialect === 'sqlite'
      ? openDatabase({ dataDir: folder })
      : openDatabase({ dataDir: null, databaseUrl: testDatabaseUrl, postgresSchema: schema!, poolSize: 4 });
  handles.push(handle);
  return handle;
}

function call(app: LecternApp, method: 'GET' | 'POST' | 'DELETE', url: string, body?: ReturnType<typeof multipart>) {
  return app.inject({
    method,
    url,
    headers: { authorization: `Zoho-oauthtoken ${token}`, ...(body?.headers ?? {}) },
    ...(body === undefined ? {} : { payload: body.payload }),
  });
}

beforeAll(async () => {
  if (testDialect === 'sqlite') folder = mkdtempSync(join(tmpdir(), 'lectern-files-'));
  else schema = await createSchema();
  const config = loadConfig({
    LECTERN_MEMORY: 'true',
    LECTERN_RATE_LIMIT: 'false',
    LECTERN_PUBLIC_URL: 'http://lectern.test',
  });
  const first = openShared();
  await migrateToLatest(first.db);
  for (const database of [first, openShared()]) {
    const app = await buildApp({ config, database, clock: new SettableClock() });
    await app.ready();
    apps.push(app);
  }
  token = (await createPortal(apps[0]!.lectern)).token;
  const course = await apps[0]!.inject({
    method: 'POST',
    url: '/api/v1/courses',
    headers: { authorization: `Zoho-oauthtoken ${token}`, 'content-type': 'application/json' },
    payload: '{"name":"Shared store","type":1}',
  });
  const courseId = course.json().course.courseId;
  const created = await apps[0]!.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/modules`,
    headers: { authorization: `Zoho-oauthtoken ${token}`, 'content-type': 'application/json' },
    payload: '{"name":"Shared module"}',
  });
  filesUrl = `/api/v1/courses/${courseId}/modules/${created.json().module.moduleId}/files`;
});

afterAll(async () => {
  for (const app of apps) await app.close();
  for (const handle of handles) await handle.close();
  if (folder !== null) rmSync(folder, { recursive: true, force: true });
  if (schema !== null) await dropSchema(schema);
});

it('serves a file uploaded through one app from the other, both ways, and deletes it for both', async () => {
  const documents = [
    { filename: 'big.bin', data: randomBytes(1024 * 1024 + 17) },
    { filename: 'picture.png', data: pngImage(32, 32) },
  ];
  for (const [index, document] of documents.entries()) {
    const [writer, reader] = index === 0 ? [apps[0]!, apps[1]!] : [apps[1]!, apps[0]!];
    const body = multipart([
      { name: 'fileData', value: JSON.stringify({ name: document.filename }) },
      { name: 'file', ...document },
    ]);
    const created = await call(writer, 'POST', filesUrl, body);
    expect(created.statusCode, created.body).toBe(200);
    const fileId = created.json().file.fileId;
    const downloaded = await call(reader, 'GET', ownPath(`${filesUrl}/${fileId}/download`));
    expect(downloaded.statusCode).toBe(200);
    expect(sha256(downloaded.rawPayload)).toBe(sha256(document.data));
    expect((await call(reader, 'DELETE', `${filesUrl}/${fileId}`)).statusCode).toBe(200);
    expect((await call(writer, 'GET', ownPath(`${filesUrl}/${fileId}/download`))).statusCode).toBe(404);
  }
  const left = await apps[0]!.lectern.db.selectFrom('stored_file_chunks').select('file_id').execute();
  expect(left).toEqual([]);
});
