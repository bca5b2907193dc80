/** Copies module entities into a cloned module tree (for the batch scheduler's cloning). */
import type { Db } from '../../db/database.ts';
import type { IdGenerator } from '../../ids.ts';
import * as repository from './entity-clone.repository.ts';

/**
 * Copies the entities of cloned modules (old module id -> new module id) into their copies in batch `toBatchId`, in
 * the caller's transaction. Order, settings, lock dates and mandatory flags are copied; marks are not (they belong to
 * the old batch's learners); each stored file is copied with its bytes, so deleting one copy never removes another's.
 */
export async function cloneModuleEntities(
  db: Db,
  options: {
    portalId: string;
    toBatchId: string;
    moduleIdMap: ReadonlyMap<string, string>;
    ids: IdGenerator;
    now: number;
  },
): Promise<void> {
  const { portalId, toBatchId, moduleIdMap, ids, now } = options;
  const sources = await repository.listEntitiesOfModules(db, portalId, [...moduleIdMap.keys()]);
  if (sources.length === 0) return;
  const fileIdMap = new Map<string, string>();
  const copies = sources.map((source) => {
    let fileId = source.file_id;
    if (fileId !== null) {
      const copied = fileIdMap.get(fileId) ?? ids.next();
      fileIdMap.set(fileId, copied);
      fileId = copied;
    }
    return {
      ...source,
      id: ids.next(),
      batch_id: toBatchId,
      module_id: moduleIdMap.get(source.module_id!)!,
      file_id: fileId,
      created_at: now,
      updated_at: now,
    };
  });
  if (fileIdMap.size > 0) await repository.copyStoredFiles(db, portalId, fileIdMap, now);
  await repository.insertEntities(db, copies);
}
