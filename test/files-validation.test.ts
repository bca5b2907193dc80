/** File API input errors in both families: fileData, the `file` part, the size limit, broken multipart bodies. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonType } from './helpers/courses.ts';
import { createFamilies, type Family, multipart, notes, storedCounts, storedFileOf, upload } from './helpers/files.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

const limit = 1000;
let lectern: TestLectern;
let families: Family[];

beforeAll(async () => {
  lectern = await createTestLectern({ env: { LECTERN_MAX_UPLOAD_BYTES: String(limit) } });
  ({ families } = await createFamilies(lectern));
});
afterAll(() => lectern.close());

/** Checks a refusal and that nothing was stored (no file row, no chunk, no file entity). */
async function expectRefused(
  response: Awaited<ReturnType<typeof upload>>,
  status: number,
  code: string,
  parameter: string | undefined,
  before: { files: number; chunks: number },
) {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json();
  expect(body.code).toBe(code);
  if (parameter !== undefined) expect(body.parameter).toBe(parameter);
  expect(await storedCounts(lectern)).toEqual(before);
}

const badFileData: [what: string, fileData: unknown, code: string, parameter: string][] = [
  ['no name', { duration: 5 }, 'INPUT_PARAMETER_MISSING', 'fileData.name'],
  ['an empty name', { name: '' }, 'INVALID_INPUT', 'fileData.name'],
  ['a name of spaces', { name: '   ' }, 'INVALID_INPUT', 'fileData.name'],
  ['a name of 251 characters', { name: 'x'.repeat(251) }, 'INVALID_INPUT', 'fileData.name'],
  ['a zero duration', { name: 'a', duration: 0 }, 'INVALID_INPUT', 'fileData.duration'],
  ['a negative duration', { name: 'a', duration: -3 }, 'INVALID_INPUT', 'fileData.duration'],
  ['a fractional duration', { name: 'a', duration: 1.5 }, 'INVALID_INPUT', 'fileData.duration'],
  ['a duration in words', { name: 'a', duration: 'an hour' }, 'INVALID_INPUT', 'fileData.duration'],
  ['a huge duration', { name: 'a', duration: 1_000_001 }, 'INVALID_INPUT', 'fileData.duration'],
  ['a long description', { name: 'a', description: 'd'.repeat(10_001) }, 'INVALID_INPUT', 'fileData.description'],
  ['isMandatory maybe', { name: 'a', isMandatory: 'maybe' }, 'INVALID_INPUT', 'fileData.isMandatory'],
  ['isIntroFile 3', { name: 'a', isIntroFile: 3 }, 'INVALID_INPUT', 'fileData.isIntroFile'],
  ['enableDownload yes', { name: 'a', enableDownload: 'yes' }, 'INVALID_INPUT', 'fileData.enableDownload'],
  ['an ISO lockUntil', { name: 'a', lockUntil: '2026-12-27' }, 'INVALID_INPUT', 'fileData.lockUntil'],
  ['a lockUntil that is no date', { name: 'a', lockUntil: '31-02-2026' }, 'INVALID_INPUT', 'fileData.lockUntil'],
  ['a list', [1, 2], 'INVALID_INPUT', 'fileData'],
];

describe.each(['self-paced', 'blended'])('%s', (name) => {
  const family = () => families.find((candidate) => candidate.name === name)!;

  describe.each(badFileData)('create with %s', (_what, fileData, code, parameter) => {
    it.each([false, true])('is refused (fileData in the query: %s) and stores nothing', async (query) => {
      const before = await storedCounts(lectern);
      const response = await upload(lectern, family().filesUrl, { fileData, file: notes, query });
      await expectRefused(response, 400, code, parameter, before);
    });
  });

  it('refuses fileData that is not JSON, and nothing is stored', async () => {
    for (const query of [false, true]) {
      const before = await storedCounts(lectern);
      const body = multipart([...(query ? [] : [{ name: 'fileData', value: '{name:' }]), { name: 'file', ...notes }]);
      const response = await lectern.app.inject({
        method: 'POST',
        url: `${family().filesUrl}${query ? '?fileData=%7Bname%3A' : ''}`,
        headers: { ...lectern.auth(lectern.adminToken), ...body.headers },
        payload: body.payload,
      });
      await expectRefused(response, 400, 'INVALID_INPUT', 'fileData', before);
    }
  });

  it('refuses fileData sent after the document, deleting the bytes already stored', async () => {
    const before = await storedCounts(lectern);
    const body = multipart([
      { name: 'file', filename: 'big.bin', data: randomBytes(900) },
      { name: 'fileData', value: '{"duration":5}' },
    ]);
    const response = await lectern.app.inject({
      method: 'POST',
      url: family().filesUrl,
      headers: { ...lectern.auth(lectern.adminToken), ...body.headers },
      payload: body.payload,
    });
    await expectRefused(response, 400, 'INPUT_PARAMETER_MISSING', 'fileData.name', before);
  });

  it('needs the part `file` (as a file, not empty) and fileData', async () => {
    const before = await storedCounts(lectern);
    await expectRefused(
      await upload(lectern, family().filesUrl, { fileData: { name: 'No file' } }),
      400,
      'INPUT_PARAMETER_MISSING',
      'file',
      before,
    );
    await expectRefused(
      await upload(lectern, family().filesUrl, { file: notes }),
      400,
      'INPUT_PARAMETER_MISSING',
      'fileData',
      before,
    );
    await expectRefused(
      await upload(lectern, family().filesUrl, { fileData: { name: 'Text' }, extra: [{ name: 'file', value: 'abc' }] }),
      400,
      'INVALID_INPUT',
      'file',
      before,
    );
    const empty = await upload(lectern, family().filesUrl, {
      fileData: { name: 'Empty' },
      file: { filename: 'empty.txt', data: Buffer.alloc(0) },
    });
    await expectRefused(empty, 400, 'INVALID_INPUT', 'file', before);
    expect(empty.json().message).toContain('empty');
  });

  it('refuses a create that is not multipart: the document is missing', async () => {
    const before = await storedCounts(lectern);
    const response = await lectern.app.inject({
      method: 'POST',
      url: family().filesUrl,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: '{"name":"JSON only"}',
    });
    await expectRefused(response, 400, 'INPUT_PARAMETER_MISSING', 'file', before);
    const invalid = await lectern.app.inject({
      method: 'POST',
      url: family().filesUrl,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: '{"duration":5}',
    });
    await expectRefused(invalid, 400, 'INPUT_PARAMETER_MISSING', 'fileData.name', before);
  });

  it(`refuses a document over LECTERN_MAX_UPLOAD_BYTES (${limit}) with 422 naming the limit, keeping nothing`, async () => {
    const at = await upload(lectern, family().filesUrl, {
      fileData: { name: 'At the limit' },
      file: { filename: 'at.bin', data: randomBytes(limit) },
    });
    expect(at.statusCode, at.body).toBe(200);
    const before = await storedCounts(lectern);
    const over = await upload(lectern, family().filesUrl, {
      fileData: { name: 'Over the limit' },
      file: { filename: 'over.bin', data: randomBytes(limit + 1) },
    });
    await expectRefused(over, 422, 'FILE_SIZE_LIMIT_EXCEEDED', 'file', before);
    expect(over.json().message).toBe(
      `Maximum limit exceeded: the file is larger than the upload limit of ${limit} bytes (LECTERN_MAX_UPLOAD_BYTES)`,
    );
    // On update, the old document stays.
    const fileId = at.json().file.fileId;
    const stored = await storedFileOf(lectern, fileId);
    const replace = await upload(lectern, `${family().filesUrl}/${fileId}`, {
      method: 'PATCH',
      file: { filename: 'over.bin', data: randomBytes(limit * 3) },
    });
    await expectRefused(replace, 422, 'FILE_SIZE_LIMIT_EXCEEDED', 'file', before);
    expect(await storedFileOf(lectern, fileId)).toBe(stored);
    // Extra file parts count against the limit too, though they are not kept.
    const extra = await upload(lectern, family().filesUrl, {
      fileData: { name: 'Extra' },
      file: notes,
      extra: [{ name: 'resources', filename: 'r.bin', data: randomBytes(limit + 10) }],
    });
    await expectRefused(extra, 422, 'FILE_SIZE_LIMIT_EXCEEDED', 'file', before);
  });

  it('refuses a broken multipart body with 400 and keeps nothing', async () => {
    const before = await storedCounts(lectern);
    const body = multipart([
      { name: 'fileData', value: '{"name":"Cut"}' },
      { name: 'file', ...notes },
    ]);
    const cases: [Record<string, string>, Buffer][] = [
      // The closing boundary and part of the document are missing.
      [body.headers, body.payload.subarray(0, body.payload.length - 30)],
      [{ 'content-type': 'multipart/form-data' }, body.payload],
      [{ 'content-type': 'multipart/form-data; boundary=nothing-like-it' }, body.payload],
    ];
    for (const [headers, payload] of cases) {
      const response = await lectern.app.inject({
        method: 'POST',
        url: family().filesUrl,
        headers: { ...lectern.auth(lectern.adminToken), ...headers },
        payload,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().code).toMatch(/^(INVALID_INPUT|INPUT_PARAMETER_MISSING)$/);
      expect(await storedCounts(lectern)).toEqual(before);
    }
  });

  it('refuses more than five file parts', async () => {
    const before = await storedCounts(lectern);
    const parts = Array.from({ length: 6 }, (_, index) => ({
      name: `r${index}`,
      filename: `${index}.txt`,
      data: notes.data,
    }));
    const response = await upload(lectern, family().filesUrl, {
      fileData: { name: 'Many' },
      file: notes,
      extra: parts,
    });
    await expectRefused(response, 400, 'INVALID_INPUT', 'body', before);
  });

  it('names ignored keys and ignored file parts in X-Lectern-Warning and stores only `file`', async () => {
    const before = await storedCounts(lectern);
    const response = await upload(lectern, family().filesUrl, {
      fileData: { name: 'Warned', colour: 'red', file: 'x' },
      file: notes,
      extra: [{ name: 'resources', filename: 'extra.txt', data: Buffer.from('extra') }],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['x-lectern-warning']).toBe(
      'unknown keys ignored in fileData: colour, file; file parts ignored (only "file" is stored): resources',
    );
    expect(await storedCounts(lectern)).toEqual({ files: before.files + 1, chunks: before.chunks + 1 });
  });

  it('refuses bad updates and changes nothing', async () => {
    const created = (await upload(lectern, family().filesUrl, { fileData: { name: 'Stable' }, file: notes })).json()
      .file;
    const url = `${family().filesUrl}/${created.fileId}`;
    const patch = (payload: string | undefined, headers: Record<string, string> = jsonType) =>
      lectern.app.inject({
        method: 'PATCH',
        url,
        headers: { ...lectern.auth(lectern.adminToken), ...headers },
        ...(payload === undefined ? {} : { payload }),
      });
    const cases: [string | undefined, string, string][] = [
      [undefined, 'INPUT_PARAMETER_MISSING', 'fileData'],
      ['{"name":""}', 'INVALID_INPUT', 'fileData.name'],
      ['{"duration":"soon"}', 'INVALID_INPUT', 'fileData.duration'],
      ['{"lockUntil":"tomorrow"}', 'INVALID_INPUT', 'fileData.lockUntil'],
      ['{"enableDownload":"no"}', 'INVALID_INPUT', 'fileData.enableDownload'],
    ];
    for (const [payload, code, parameter] of cases) {
      const response = await patch(payload, payload === undefined ? {} : jsonType);
      expect(response.statusCode, `${payload}: ${response.body}`).toBe(400);
      expect(response.json()).toMatchObject({ code, parameter });
    }
    const before = await storedCounts(lectern);
    const empty = multipart([{ name: 'other', filename: 'x.txt', data: Buffer.from('x') }]);
    const nothing = await lectern.app.inject({
      method: 'PATCH',
      url,
      headers: { ...lectern.auth(lectern.adminToken), ...empty.headers },
      payload: empty.payload,
    });
    await expectRefused(nothing, 400, 'INPUT_PARAMETER_MISSING', 'fileData', before);
    const badWithFile = await upload(lectern, url, { method: 'PATCH', fileData: { name: '' }, file: notes });
    await expectRefused(badWithFile, 400, 'INVALID_INPUT', 'fileData.name', before);
    expect((await lectern.app.inject({ url, headers: lectern.auth(lectern.adminToken) })).json().file).toEqual(created);
  });
});
