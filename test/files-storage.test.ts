/** Stored bytes around the File API: retried uploads, and pending uploads a crash left behind. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkCount, createFamilies, type Family, notes, storedCounts, upload } from './helpers/files.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let families: Family[];

beforeAll(async () => {
  lectern = await createTestLectern();
  ({ families } = await createFamilies(lectern));
});
afterAll(() => lectern.close());

describe('retries', () => {
  it('answer an upload retried with the same Idempotency-Key from the first, storing nothing more', async () => {
    const send = () =>
      upload(lectern, families[0]!.filesUrl, {
        fileData: { name: 'Retried' },
        file: notes,
        headers: { 'idempotency-key': 'upload-once' },
      });
    const first = await send();
    expect(first.statusCode, first.body).toBe(200);
    const before = await storedCounts(lectern);
    const again = await send();
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await storedCounts(lectern)).toEqual(before);
  });
});

describe('abandoned uploads', () => {
  it('are swept an hour after they began, at the start of the next upload', async () => {
    const db = lectern.app.lectern.db;
    const now = lectern.clock.now();
    const pending = (id: string, createdAt: number) => ({
      id,
      portal_id: lectern.portalId,
      file_name: 'crashed.bin',
      content_type: 'application/octet-stream',
      size: 0,
      sha256: '',
      status: 'pending' as const,
      created_at: createdAt,
    });
    await db
      .insertInto('stored_files')
      .values([pending('900000000000000001', now - 2 * 60 * 60 * 1000), pending('900000000000000002', now - 60_000)])
      .execute();
    await db
      .insertInto('stored_file_chunks')
      .values([
        { file_id: '900000000000000001', sequence: 0, data: Buffer.from('stale') },
        { file_id: '900000000000000002', sequence: 0, data: Buffer.from('fresh') },
      ])
      .execute();
    const before = await storedCounts(lectern);
    expect((await upload(lectern, families[0]!.filesUrl, { fileData: { name: 'Next' }, file: notes })).statusCode).toBe(
      200,
    );
    const ids = (await db.selectFrom('stored_files').select('id').execute()).map((row) => row.id);
    expect(ids).not.toContain('900000000000000001');
    expect(ids).toContain('900000000000000002');
    expect(await chunkCount(lectern, '900000000000000001')).toBe(0);
    expect(await storedCounts(lectern)).toEqual({ files: before.files, chunks: before.chunks });
    await db.deleteFrom('stored_file_chunks').where('file_id', '=', '900000000000000002').execute();
    await db.deleteFrom('stored_files').where('id', '=', '900000000000000002').execute();
  });
});
