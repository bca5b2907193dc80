/** Queries over stored file bytes: uploads written chunk by chunk, completed, read back, and swept when abandoned. */
import type { Db, StoredFileTable } from '../../db/database.ts';

/** Inserts a file's metadata row (an upload starts as 'pending'). */
export async function insertStoredFile(db: Db, row: StoredFileTable): Promise<void> {
  await db.insertInto('stored_files').values(row).execute();
}

/** Writes one chunk of a file's bytes. */
export async function insertChunk(db: Db, fileId: string, sequence: number, data: Uint8Array): Promise<void> {
  await db.insertInto('stored_file_chunks').values({ file_id: fileId, sequence, data }).execute();
}

/** Marks a pending upload ready with its size and hash; answers false when it is no longer pending (swept). */
export async function markReady(db: Db, fileId: string, size: number, sha256: string): Promise<boolean> {
  const result = await db
    .updateTable('stored_files')
    .set({ status: 'ready', size, sha256 })
    .where('id', '=', fileId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes pending files and their chunks; a ready file (completed meanwhile) keeps its row and bytes. */
export async function deletePendingFiles(db: Db, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return;
  await db.deleteFrom('stored_files').where('id', 'in', fileIds).where('status', '=', 'pending').execute();
  // Chunks whose row is gone go too (a sweep may have removed the row while its upload still wrote).
  await db
    .deleteFrom('stored_file_chunks')
    .where('file_id', 'in', fileIds)
    .where('file_id', 'not in', db.selectFrom('stored_files').select('id').where('id', 'in', fileIds))
    .execute();
}

/** Pending uploads begun before `before`, oldest first, at most `limit`. */
export async function findStalePending(db: Db, before: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('stored_files')
    .select('id')
    .where('status', '=', 'pending')
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** A completed file of a portal. */
export async function findReadyFile(db: Db, portalId: string, fileId: string): Promise<StoredFileTable | undefined> {
  return db
    .selectFrom('stored_files')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('id', '=', fileId)
    .where('status', '=', 'ready')
    .executeTakeFirst();
}

/** One chunk of a file's bytes, or undefined past the last. */
export async function readChunk(db: Db, fileId: string, sequence: number): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('stored_file_chunks')
    .select('data')
    .where('file_id', '=', fileId)
    .where('sequence', '=', sequence)
    .executeTakeFirst();
  return row?.data;
}
