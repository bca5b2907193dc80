/** Helpers of the File API tests: multipart bodies, files to upload, fixtures in both families, storage counts. */
import { createHash, randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import { createBlendedCourse, insertBatch } from './blended.ts';
import { createCourse, insertCourseMember, jsonType, type Person, personNamed, publishCourse } from './courses.ts';
import type { TestLectern } from './test-app.ts';

/** A text field or a file part of a multipart body. */
export type Part =
  | { name: string; value: string; contentType?: string }
  | { name: string; filename: string; data: Buffer; contentType?: string };

/** A multipart/form-data body and its content-type header. */
export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----lectern${randomBytes(8).toString('hex')}`;
  const pieces: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if ('filename' in part) head += `; filename="${part.filename}"`;
    head += '\r\n';
    if (part.contentType !== undefined) head += `Content-Type: ${part.contentType}\r\n`;
    pieces.push(
      Buffer.from(`${head}\r\n`),
      'filename' in part ? part.data : Buffer.from(part.value),
      Buffer.from('\r\n'),
    );
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(pieces), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The sha256 of bytes, as hex. */
export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG image: a width x height RGB gradient. */
export function pngImage(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < height; y += 1) {
    rows.push(0);
    for (let x = 0; x < width; x += 1) rows.push((x * 255) / width, (y * 255) / height, 128);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** How many stored files and chunks the whole store holds. */
export async function storedCounts(lectern: TestLectern): Promise<{ files: number; chunks: number }> {
  const db = lectern.app.lectern.db;
  const files = await db
    .selectFrom('stored_files')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const chunks = await db
    .selectFrom('stored_file_chunks')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { files: Number(files.n), chunks: Number(chunks.n) };
}

/** The chunks stored for one stored file. */
export async function chunkCount(lectern: TestLectern, storedFileId: string): Promise<number> {
  const row = await lectern.app.lectern.db
    .selectFrom('stored_file_chunks')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('file_id', '=', storedFileId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The stored file id behind a file entity. */
export async function storedFileOf(lectern: TestLectern, fileId: string): Promise<string | null> {
  const row = await lectern.app.lectern.db
    .selectFrom('module_entities')
    .select('file_id')
    .where('id', '=', fileId)
    .executeTakeFirst();
  return row?.file_id ?? null;
}

/** One family's module, and the URLs of its files. */
export interface Family {
  name: 'self-paced' | 'blended';
  courseId: string;
  batchId: string | null;
  moduleId: string;
  /** `.../modules/{moduleId}/files` */
  filesUrl: string;
  /** `/api/v1/courses/{c}[/batches/{b}]/files` */
  parentFilesUrl: string;
  /** `.../modules` of the parent, to add more modules. */
  modulesUrl: string;
}

/** Adds a module through the Module API and answers its id. */
export async function addModule(lectern: TestLectern, modulesUrl: string, name = 'Files module'): Promise<string> {
  const response = await lectern.app.inject({
    method: 'POST',
    url: modulesUrl,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify({ name }),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().module.moduleId;
}

/** A published self-paced course and a blended course with a published batch, a module each, and their course admin. */
export async function createFamilies(lectern: TestLectern): Promise<{ families: Family[]; courseAdmin: Person }> {
  const courseAdmin = await personNamed(lectern, 'Ivan Petrov');
  const selfPaced = (await createCourse(lectern, lectern.adminToken, { courseAdmins: [courseAdmin.erecno] })).courseId;
  await publishCourse(lectern, selfPaced, lectern.adminToken);
  const blended = await createBlendedCourse(lectern);
  // Blended courses are published per batch; the course row is marked published so that visibility is what counts.
  await lectern.app.lectern.db.updateTable('courses').set({ status: 1 }).where('id', '=', blended).execute();
  await insertCourseMember(lectern, blended, courseAdmin.erecno);
  const batchId = await insertBatch(lectern, blended, {
    startDate: '2026-03-01',
    endDate: '2026-03-31',
    publishStatus: 'published',
  });
  const families: Family[] = [];
  for (const [name, courseId, batch] of [
    ['self-paced', selfPaced, null],
    ['blended', blended, batchId],
  ] as const) {
    const parent = batch === null ? `/api/v1/courses/${courseId}` : `/api/v1/courses/${courseId}/batches/${batch}`;
    const moduleId = await addModule(lectern, `${parent}/modules`);
    families.push({
      name,
      courseId,
      batchId: batch,
      moduleId,
      filesUrl: `${parent}/modules/${moduleId}/files`,
      parentFilesUrl: `${parent}/files`,
      modulesUrl: `${parent}/modules`,
    });
  }
  return { families, courseAdmin };
}

/** Uploads a document with fileData (as a multipart field unless `query` says to put it in the query). */
export function upload(
  lectern: TestLectern,
  url: string,
  options: {
    token?: string;
    fileData?: unknown;
    file?: { filename: string; data: Buffer; contentType?: string } | null;
    query?: boolean;
    method?: 'POST' | 'PATCH';
    extra?: Part[];
    headers?: Record<string, string>;
  },
) {
  const parts: Part[] = [];
  const dataText = options.fileData === undefined ? undefined : JSON.stringify(options.fileData);
  if (dataText !== undefined && !options.query) parts.push({ name: 'fileData', value: dataText });
  if (options.file) parts.push({ name: 'file', ...options.file });
  parts.push(...(options.extra ?? []));
  const body = multipart(parts);
  const suffix = dataText !== undefined && options.query ? `?fileData=${encodeURIComponent(dataText)}` : '';
  return lectern.app.inject({
    method: options.method ?? 'POST',
    url: `${url}${suffix}`,
    headers: { ...lectern.auth(options.token ?? lectern.adminToken), ...body.headers, ...options.headers },
    payload: body.payload,
  });
}

/** A text document. */
export const notes = {
  filename: 'notes.txt',
  data: Buffer.from('Week 1: read chapter one.\n'),
  contentType: 'text/plain',
};
