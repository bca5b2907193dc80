/** Stored file bytes: metadata rows and their chunks. */
import type { Db } from '../../db/database.ts';

/** Deletes stored files and their bytes. */
export async function deleteStoredFiles(db: Db, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return;
  await db.deleteFrom('stored_file_chunks').where('file_id', 'in', fileIds).execute();
  await db.deleteFrom('stored_files').where('id', 'in', fileIds).execute();
}
