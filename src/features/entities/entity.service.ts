/**
 * What every module entity shares (files, contents, links, tests, assignments): where it hangs, who may read and
 * write it, its lock, its order, and the cascades and publish rule that span all kinds. Each kind's own feature
 * validates its input and presents its object.
 */

import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { IsoDate } from '../../dates.ts';
import type { Dialect } from '../../db/create-db.ts';
import type { Db, ModuleEntityTable } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { deleteProgressIn } from '../progress/index.ts';
import * as repository from './entity.repository.ts';
import { type EntityPath, type EntityView, findOrFail, resolveRead, resolveWrite, viewOf } from './entity-access.ts';
import { deleteStoredFiles } from './stored-file.repository.ts';

export type { EntityPath, EntityView };

/** The shared fields of an entity as a kind hands them over. */
export interface EntityFields {
  name: string;
  description: string;
  isMandatory: boolean;
  lockUntil: IsoDate | null;
  settings: Record<string, unknown>;
  fileId?: string | null;
}

/**
 * A kind's checks that need the database (a grade category of the portal, marks already given), run inside the
 * write's transaction after access is settled; `fields` are what toFields answered, `current` the row on update.
 */
export type EntityVerifier = (
  db: Db,
  caller: Caller,
  path: EntityPath,
  fields: Partial<EntityFields>,
  current?: EntityView,
) => Promise<void>;

/** Creates an entity of a kind under its parent; it goes last in the parent's list of that kind. */
export async function createEntity(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  entityType: number,
  fields: EntityFields,
  verify?: EntityVerifier,
): Promise<EntityView> {
  return context.db.transaction().execute(async (trx) => {
    const resolved = await resolveWrite(context, trx, caller, path);
    if (verify) await verify(trx, caller, path, fields);
    const now = context.clock.now();
    const row: ModuleEntityTable = {
      id: context.ids.next(),
      portal_id: caller.portalId,
      course_id: path.courseId,
      batch_id: path.batchId,
      module_id: path.moduleId,
      entity_type: entityType,
      name: fields.name,
      description: fields.description,
      is_mandatory: fields.isMandatory ? 1 : 0,
      lock_until: fields.lockUntil,
      settings: JSON.stringify(fields.settings),
      file_id: fields.fileId ?? null,
      position: await repository.nextPosition(trx, resolved.parent, entityType),
      created_at: now,
      updated_at: now,
    };
    await repository.insertEntity(trx, row);
    return viewOf(row, resolved);
  });
}

/**
 * Updates an entity: `change` gets the stored row and its settings and answers the new shared fields (it may throw
 * to refuse). A replaced stored file's bytes are deleted in the same transaction.
 */
export async function updateEntity(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  entityType: number,
  entityId: string,
  what: string,
  change: (current: EntityView) => Partial<EntityFields>,
  verify?: EntityVerifier,
): Promise<EntityView> {
  return context.db.transaction().execute(async (trx) => {
    const resolved = await resolveWrite(context, trx, caller, path);
    const current = viewOf(await findOrFail(trx, resolved, entityType, entityId, what), resolved);
    const fields = change(current);
    if (verify) await verify(trx, caller, path, fields, current);
    const changes: Partial<ModuleEntityTable> = { updated_at: context.clock.now() };
    if (fields.name !== undefined) changes.name = fields.name;
    if (fields.description !== undefined) changes.description = fields.description;
    if (fields.isMandatory !== undefined) changes.is_mandatory = fields.isMandatory ? 1 : 0;
    if (fields.lockUntil !== undefined) changes.lock_until = fields.lockUntil;
    if (fields.settings !== undefined) changes.settings = JSON.stringify(fields.settings);
    if (fields.fileId !== undefined) {
      changes.file_id = fields.fileId;
      const old = current.row.file_id;
      if (old !== null && old !== fields.fileId) await deleteStoredFiles(trx, [old]);
    }
    await repository.updateEntity(trx, caller.portalId, entityId, changes);
    return viewOf({ ...current.row, ...changes }, resolved);
  });
}

/** Deletes an entity with its marks and stored file. */
export async function deleteEntity(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  entityType: number,
  entityId: string,
  what: string,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const resolved = await resolveWrite(context, trx, caller, path);
    await findOrFail(trx, resolved, entityType, entityId, what);
    await deleteEntitiesIn(trx, { portalId: caller.portalId, entityId });
  });
}

/** One entity as the caller may see it. */
export async function getEntity(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  entityType: number,
  entityId: string,
  what: string,
): Promise<EntityView> {
  const resolved = await resolveRead(context, context.db, caller, path);
  return viewOf(await findOrFail(context.db, resolved, entityType, entityId, what), resolved);
}

/** A page of one kind: under a module, or (wholeParent) across every module of the course or batch. */
export async function listEntities(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  entityType: number,
  wholeParent: boolean,
  startIndex: number,
  limit: number,
): Promise<EntityView[]> {
  const resolved = await resolveRead(context, context.db, caller, path, wholeParent);
  const rows = await repository.listEntities(context.db, resolved.parent, entityType, wholeParent, startIndex, limit);
  return rows.map((row) => viewOf(row, resolved));
}

/** Where an entity of one of the kinds lives, found by its id alone (for Lectern's own by-id pages), or 404. */
export async function locateEntity(
  context: AppContext,
  caller: Caller,
  entityTypes: readonly number[],
  entityId: string,
  what: string,
): Promise<{ path: EntityPath; entityType: number }> {
  const row = await repository.findEntityById(context.db, caller.portalId, entityTypes, entityId);
  if (row === undefined) throw notFound(what, entityId);
  return {
    path: { courseId: row.course_id, batchId: row.batch_id, moduleId: row.module_id },
    entityType: row.entity_type,
  };
}

/**
 * The stored settings of an entity found by id alone, for a caller whose access a feature has already settled (an
 * enrolled learner taking an online test); undefined when there is no such entity of the type. `lockOn` locks its row
 * until the transaction ends (PostgreSQL), so that writes keyed on the entity queue behind each other.
 */
export async function readEntitySettings(
  db: Db,
  portalId: string,
  entityType: number,
  entityId: string,
  lockOn?: Dialect,
): Promise<Record<string, any> | undefined> {
  const row = await repository.findEntitySettings(db, portalId, entityType, entityId, lockOn);
  return row === undefined ? undefined : (JSON.parse(row.settings) as Record<string, any>);
}

/** Checks an entity exists for a write by a course manager (for marks and the like), in the caller's transaction. */
export async function requireEntityForChange(
  context: AppContext,
  db: Db,
  caller: Caller,
  path: EntityPath,
  entityType: number,
  entityId: string,
  what: string,
): Promise<EntityView> {
  const resolved = await resolveWrite(context, db, caller, path);
  return viewOf(await findOrFail(db, resolved, entityType, entityId, what), resolved);
}

/**
 * Checks an entity exists for marks, in the caller's transaction: a course manager's write, or, when `asTrainer` (the
 * caller trains a session of the entity's batch: the marks feature asks), the read a trainer of the course may make.
 */
export async function requireEntityForMarks(
  context: AppContext,
  db: Db,
  caller: Caller,
  path: EntityPath,
  kind: { entityType: number; what: string },
  entityId: string,
  asTrainer: boolean,
): Promise<EntityView> {
  const resolved = asTrainer
    ? await resolveRead(context, db, caller, path)
    : await resolveWrite(context, db, caller, path);
  return viewOf(await findOrFail(db, resolved, kind.entityType, entityId, kind.what), resolved);
}

/** Deletes the entities of one entity, module, batch or course, with marks, progress and stored bytes (caller's transaction). */
export async function deleteEntitiesIn(db: Db, scope: repository.DeleteScope): Promise<void> {
  const fileIds = await repository.fileIdsOf(db, scope);
  await deleteProgressIn(db, scope);
  await repository.deleteEntities(db, scope);
  await deleteStoredFiles(db, fileIds);
}
