/** File API in both families: create (every fileData form), fetch, lists, update, replace, delete, with real bytes. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formType, jsonType } from './helpers/courses.ts';
import {
  addModule,
  chunkCount,
  createFamilies,
  type Family,
  notes,
  pngImage,
  sha256,
  storedFileOf,
  upload,
} from './helpers/files.ts';
import { ownPath } from './helpers/route-table.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let families: Family[];

beforeAll(async () => {
  lectern = await createTestLectern();
  ({ families } = await createFamilies(lectern));
});
afterAll(() => lectern.close());

const base = 'http://lectern.test';

async function get(url: string) {
  return lectern.app.inject({ url, headers: lectern.auth(lectern.adminToken) });
}

async function download(downloadURL: string) {
  expect(downloadURL.startsWith(base)).toBe(true);
  return get(downloadURL.slice(base.length));
}

describe.each(['self-paced', 'blended'])('%s', (name) => {
  const family = () => families.find((candidate) => candidate.name === name)!;

  it('creates a file from a multipart part and fileData as a field, with the exact object and defaults', async () => {
    const { filesUrl, moduleId, courseId, batchId } = family();
    const response = await upload(lectern, filesUrl, { fileData: { name: ' Week one notes ' }, file: notes });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['code', 'file', 'message']);
    expect(body.code).toBe(200);
    const fileId = body.file.fileId as string;
    const parent = batchId === null ? `/api/v1/courses/${courseId}` : `/api/v1/courses/${courseId}/batches/${batchId}`;
    expect(body.file).toEqual({
      lockUntil: '',
      fileId,
      isMandatoryFile: true,
      canMarkAsComplete: 0,
      isLocked: false,
      downloadURL: `${base}${ownPath(parent)}/modules/${moduleId}/files/${fileId}/download`,
      description: '',
      resources: [],
      canUserEdit: true,
      moduleId,
      fileName: 'Week one notes',
      canUserDelete: true,
      isIntroFile: false,
      enableDownload: true,
      duration: '',
      uploadedFileName: 'notes.txt',
      contentType: 'text/plain',
      size: notes.data.length,
    });
    expect(fileId).toMatch(/^\d{18}$/);
    const fetched = await get(`${filesUrl}/${fileId}`);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).toEqual(body);
    const bytes = await download(body.file.downloadURL);
    expect(bytes.statusCode).toBe(200);
    expect(bytes.rawPayload.equals(notes.data)).toBe(true);
    expect(bytes.headers['content-type']).toBe('text/plain');
    expect(bytes.headers['content-length']).toBe(String(notes.data.length));
    expect(bytes.headers['content-disposition']).toBe('attachment; filename=notes.txt');
  });

  it("takes fileData in the query (Zoho's template) with every key", async () => {
    const fileData = {
      name: 'File API Testing',
      duration: 100,
      description: 'File API description testing',
      isMandatory: false,
      isIntroFile: true,
      enableDownload: false,
      lockUntil: '27-12-2026',
    };
    const response = await upload(lectern, family().filesUrl, { fileData, file: notes, query: true });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().file).toMatchObject({
      fileName: 'File API Testing',
      duration: '100 Mins',
      description: 'File API description testing',
      isMandatoryFile: false,
      isIntroFile: true,
      enableDownload: false,
      lockUntil: '27-12-2026',
      isLocked: true,
    });
  });

  it('takes fileData as bare multipart fields, and booleans written True', async () => {
    const response = await upload(lectern, family().filesUrl, {
      file: notes,
      extra: [
        { name: 'name', value: 'Bare fields' },
        { name: 'duration', value: '1' },
        { name: 'isIntroFile', value: 'True' },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().file).toMatchObject({ fileName: 'Bare fields', duration: '1 Min', isIntroFile: true });
  });

  it('stores and serves a PNG and a 3 MB binary byte for byte, in 256 KiB chunks', async () => {
    const png = pngImage(64, 48);
    const binary = randomBytes(3 * 1024 * 1024 + 123);
    const cases = [
      { filename: 'diagram.png', data: png, contentType: 'image/png', expected: 'image/png' },
      // No useful part type: the extension decides.
      { filename: 'chart.png', data: png, contentType: 'application/octet-stream', expected: 'image/png' },
      {
        filename: 'lecture.bin',
        data: binary,
        contentType: 'application/octet-stream',
        expected: 'application/octet-stream',
      },
    ];
    for (const { expected, ...file } of cases) {
      const response = await upload(lectern, family().filesUrl, { fileData: { name: file.filename }, file });
      expect(response.statusCode, response.body).toBe(200);
      const created = response.json().file;
      expect(created).toMatchObject({ contentType: expected, size: file.data.length, uploadedFileName: file.filename });
      const stored = (await storedFileOf(lectern, created.fileId))!;
      expect(await chunkCount(lectern, stored)).toBe(Math.ceil(file.data.length / (256 * 1024)));
      const bytes = await download(created.downloadURL);
      expect(bytes.statusCode).toBe(200);
      expect(sha256(bytes.rawPayload)).toBe(sha256(file.data));
      expect(bytes.headers['content-type']).toBe(expected);
      expect(bytes.headers['content-length']).toBe(String(file.data.length));
      expect(bytes.headers.etag).toBe(`"${sha256(file.data)}"`);
    }
  });

  it('keeps a non-ASCII document name exact in filename* and safe in the fallback', async () => {
    const file = { filename: 'résumé été (1).pdf', data: Buffer.from('%PDF-1.4\n'), contentType: 'application/pdf' };
    const response = await upload(lectern, family().filesUrl, { fileData: { name: 'CV' }, file });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().file.uploadedFileName).toBe('résumé été (1).pdf');
    const bytes = await download(response.json().file.downloadURL);
    expect(bytes.headers['content-disposition']).toBe(
      `attachment; filename="r?sum? ?t? (1).pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%C3%A9t%C3%A9%20%281%29.pdf`,
    );
  });

  it("lists a module's files in creation order and the whole course's or batch's across modules", async () => {
    const { modulesUrl, parentFilesUrl } = family();
    const moduleId = await addModule(lectern, modulesUrl, 'Listing module');
    const filesUrl = `${modulesUrl}/${moduleId}/files`;
    const names = ['First', 'Second', 'Third'];
    for (const fileName of names) {
      expect((await upload(lectern, filesUrl, { fileData: { name: fileName }, file: notes })).statusCode).toBe(200);
    }
    const list = await get(filesUrl);
    expect(list.statusCode).toBe(200);
    expect(Object.keys(list.json())).toEqual(['code', 'files', 'message', 'hasMoreRecords']);
    expect(list.json().files.map((file: { fileName: string }) => file.fileName)).toEqual(names);
    expect(list.json().hasMoreRecords).toBe(false);
    const second = await get(`${filesUrl}?startIndex=1`);
    expect(second.json().files.map((file: { fileName: string }) => file.fileName)).toEqual(['Second', 'Third']);
    const whole = (await get(parentFilesUrl)).json().files as { moduleId: string; fileName: string }[];
    expect(whole.filter((file) => file.moduleId === moduleId).map((file) => file.fileName)).toEqual(names);
    expect(whole.some((file) => file.moduleId === family().moduleId)).toBe(true);
  });

  it('updates metadata from a JSON body, a form body and the query, keeping what is not sent', async () => {
    const created = (
      await upload(lectern, family().filesUrl, { fileData: { name: 'Before', duration: 5 }, file: notes })
    ).json().file;
    const url = `${family().filesUrl}/${created.fileId}`;
    const patch = (suffix: string, headers: Record<string, string>, payload?: string) =>
      lectern.app.inject({
        method: 'PATCH',
        url: `${url}${suffix}`,
        headers: { ...lectern.auth(lectern.adminToken), ...headers },
        ...(payload === undefined ? {} : { payload }),
      });
    let response = await patch('', jsonType, JSON.stringify({ fileData: { description: 'Read first', extra: 1 } }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['x-lectern-warning']).toBe('unknown keys ignored in fileData: extra');
    expect(response.json().file).toMatchObject({ fileName: 'Before', description: 'Read first', duration: '5 Mins' });
    response = await patch('', formType, `fileData=${encodeURIComponent('{"enableDownload":false,"duration":null}')}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().file).toMatchObject({ enableDownload: false, duration: '', description: 'Read first' });
    response = await patch(`?fileData=${encodeURIComponent('{"name":"After","lockUntil":"01-01-2030"}')}`, {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().file).toMatchObject({ fileName: 'After', lockUntil: '01-01-2030', isLocked: true });
    response = await patch('', jsonType, '{"lockUntil":"","isMandatory":false}');
    expect(response.json().file).toMatchObject({ lockUntil: '', isLocked: false, isMandatoryFile: false });
    // The document is untouched by metadata changes.
    expect(response.json().file).toMatchObject({ uploadedFileName: 'notes.txt', size: notes.data.length });
    expect((await download(response.json().file.downloadURL)).rawPayload.equals(notes.data)).toBe(true);
  });

  it('replaces the document with a multipart update; the old bytes are gone in the same step', async () => {
    const first = randomBytes(300 * 1024);
    const created = (
      await upload(lectern, family().filesUrl, {
        fileData: { name: 'Slides', isIntroFile: true },
        file: { filename: 'v1.bin', data: first },
      })
    ).json().file;
    const oldStored = (await storedFileOf(lectern, created.fileId))!;
    expect(await chunkCount(lectern, oldStored)).toBe(2);
    const second = pngImage(20, 20);
    const response = await upload(lectern, `${family().filesUrl}/${created.fileId}`, {
      method: 'PATCH',
      fileData: { name: 'Slides v2' },
      file: { filename: 'v2.png', data: second, contentType: 'image/png' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().file).toMatchObject({
      fileId: created.fileId,
      fileName: 'Slides v2',
      isIntroFile: true,
      uploadedFileName: 'v2.png',
      contentType: 'image/png',
      size: second.length,
    });
    const newStored = (await storedFileOf(lectern, created.fileId))!;
    expect(newStored).not.toBe(oldStored);
    expect(await chunkCount(lectern, oldStored)).toBe(0);
    const rows = await lectern.app.lectern.db
      .selectFrom('stored_files')
      .select('id')
      .where('id', '=', oldStored)
      .execute();
    expect(rows).toEqual([]);
    expect((await download(response.json().file.downloadURL)).rawPayload.equals(second)).toBe(true);
    // A multipart update with the file alone keeps the metadata.
    const third = await upload(lectern, `${family().filesUrl}/${created.fileId}`, { method: 'PATCH', file: notes });
    expect(third.statusCode, third.body).toBe(200);
    expect(third.json().file).toMatchObject({ fileName: 'Slides v2', uploadedFileName: 'notes.txt' });
    expect(await chunkCount(lectern, newStored)).toBe(0);
    // And with fileData alone, the document stays.
    const fourth = await upload(lectern, `${family().filesUrl}/${created.fileId}`, {
      method: 'PATCH',
      fileData: { name: 'Slides v4' },
    });
    expect(fourth.json().file).toMatchObject({ fileName: 'Slides v4', uploadedFileName: 'notes.txt' });
  });

  it('deletes a file with its bytes', async () => {
    const created = (await upload(lectern, family().filesUrl, { fileData: { name: 'Doomed' }, file: notes })).json()
      .file;
    const stored = (await storedFileOf(lectern, created.fileId))!;
    const response = await lectern.app.inject({
      method: 'DELETE',
      url: `${family().filesUrl}/${created.fileId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ code: 200, message: 'success' });
    expect(await chunkCount(lectern, stored)).toBe(0);
    expect((await get(`${family().filesUrl}/${created.fileId}`)).statusCode).toBe(404);
    expect((await download(created.downloadURL)).statusCode).toBe(404);
  });

  it("deleting the module removes its files' bytes", async () => {
    const moduleId = await addModule(lectern, family().modulesUrl, 'Short-lived module');
    const created = (
      await upload(lectern, `${family().modulesUrl}/${moduleId}/files`, { fileData: { name: 'x' }, file: notes })
    ).json().file;
    const stored = (await storedFileOf(lectern, created.fileId))!;
    const response = await lectern.app.inject({
      method: 'DELETE',
      url: `${family().modulesUrl}/${moduleId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await chunkCount(lectern, stored)).toBe(0);
  });
});
