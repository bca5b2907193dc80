/**
 * What every module entity shares (files, contents, links, tests, assignments): where it hangs, who may read and
 * write it, its lock, its order, and the cascades and publish rule that span all kinds. Each kind's own feature
 * validates its input and presents its object.
 */

import { type Caller, canManage, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { dateInZone, type IsoDate } from '../../dates.ts';
import type { Dialect } from '../../db/create-db.ts';
import type { Db, ModuleEntityTable } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { getCourseView, loadForChange } from '../courses/index.ts';
import { changeParent, readParent } from '../modules/index.ts';
import { portalTimeZone } from '../people/index.ts';
import { deleteProgressIn, type LearnerLocks, learnerLocks } from '../progress/index.ts';
import * as repository from './entity.repository.ts';
import { deleteStoredFiles } from './stored-file.repository.ts';

/** Where an entity is addressed: a module of a course or batch, or (moduleId null) the course itself. */
export interface EntityPath {
  courseId: string;
  batchId: string | null;
  moduleId: string | null;
}

/** The shared fields of an entity as a kind hands them over. */
export interface EntityFields {
  name: string;
  description: string;
  isMandatory: boolean;
  lockUntil: IsoDate | null;
  settings: Record<string, unknown>;
  fileId?: string | null;
}

/** An entity with what presenting it needs. */
export interface EntityView {
  row: ModuleEntityTable;
  settings: Record<string, any>;
  /** Locked while today (portal time zone, injected clock) is before lockUntil; for an enrolled learner, their own lock. */
  isLocked: boolean;
  /** An enrolled learner may mark it completed now (Zoho's canMarkAsComplete); false for everyone else. */
  canMarkAsComplete?: boolean;
  /** The caller manages the course (canUserEdit, canUserDelete). */
  canManage: boolean;
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

interface Resolved {
  parent: repository.EntityParent;
  canManage: boolean;
  today: IsoDate;
  /** The caller's own locks when they are an enrolled learner of the place (module entities only). */
  locks: LearnerLocks | null;
}

async function today(context: AppContext, db: Db, portalId: string): Promise<IsoDate> {
  return dateInZone(context.clock.now(), await portalTimeZone(db, portalId));
}

function parentOf(caller: Caller, path: EntityPath): repository.EntityParent {
  return { portalId: caller.portalId, courseId: path.courseId, batchId: path.batchId, moduleId: path.moduleId };
}

/**
 * The parent as the caller may see it (404 unknown, 403 hidden, 400 wrong family), and the module when named.
 * `wholeParent` (a course's or batch's list across its modules) checks the family and the batch like a module path.
 */
async function resolveRead(
  context: AppContext,
  db: Db,
  caller: Caller,
  path: EntityPath,
  wholeParent = false,
): Promise<Resolved> {
  let view: Awaited<ReturnType<typeof getCourseView>>;
  if (path.moduleId === null && !wholeParent) view = await getCourseView(db, caller, path.courseId);
  else view = (await readParent(db, caller, path.courseId, path.batchId)).view;
  if (path.moduleId !== null) await requireModuleRow(db, caller, path);
  const inModules = path.moduleId !== null || wholeParent;
  const place = { portalId: caller.portalId, courseId: path.courseId, batchId: path.batchId };
  return {
    parent: parentOf(caller, path),
    canManage: canManage(rolesOnCourse(caller, view.relations)),
    today: await today(context, db, caller.portalId),
    locks: inModules && view.relations.isLearner ? await learnerLocks(db, context, place, caller.erecno) : null,
  };
}

/** The parent for a write: the caller must manage the course; the course row is locked on PostgreSQL. */
async function resolveWrite(context: AppContext, db: Db, caller: Caller, path: EntityPath): Promise<Resolved> {
  if (path.moduleId === null) await loadForChange(context, db, caller, path.courseId);
  else await changeParent(context, db, caller, path.courseId, path.batchId);
  if (path.moduleId !== null) await requireModuleRow(db, caller, path);
  return {
    parent: parentOf(caller, path),
    canManage: true,
    today: await today(context, db, caller.portalId),
    locks: null,
  };
}

async function requireModuleRow(db: Db, caller: Caller, path: EntityPath): Promise<void> {
  const found = await repository.moduleExists(db, caller.portalId, path.courseId, path.batchId, path.moduleId!);
  if (!found) throw notFound('module', path.moduleId!);
}

function viewOf(row: ModuleEntityTable, resolved: Resolved): EntityView {
  const mine = resolved.locks?.entities.get(row.id);
  return {
    row,
    settings: JSON.parse(row.settings) as Record<string, any>,
    isLocked: mine?.isLocked ?? (row.lock_until !== null && resolved.today < row.lock_until),
    canManage: resolved.canManage,
    canMarkAsComplete: mine?.canMarkAsComplete ?? false,
  };
}

async function findOrFail(db: Db, resolved: Resolved, entityType: number, entityId: string, what: string) {
  const row = await repository.findEntity(db, resolved.parent, entityType, entityId);
  if (row === undefined) throw notFound(what, entityId);
  return row;
}

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
