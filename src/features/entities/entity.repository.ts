/** Queries over module entities and their marks. */

import type { Dialect } from '../../db/create-db.ts';
import type { Db, ModuleEntityTable } from '../../db/database.ts';
import { forUpdate } from '../../db/dialect.ts';

/** Where an entity hangs: a module (module_id set) or, for pre- and post-course tests, the course itself. */
export interface EntityParent {
  portalId: string;
  courseId: string;
  batchId: string | null;
  moduleId: string | null;
}

/** Inserts an entity row. */
export async function insertEntity(db: Db, row: ModuleEntityTable): Promise<void> {
  await db.insertInto('module_entities').values(row).execute();
}

/** The next position in a parent's list of one kind (new items go last). */
export async function nextPosition(db: Db, parent: EntityParent, entityType: number): Promise<number> {
  let query = db
    .selectFrom('module_entities')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('portal_id', '=', parent.portalId)
    .where('course_id', '=', parent.courseId)
    .where('entity_type', '=', entityType);
  query =
    parent.moduleId === null ? query.where('module_id', 'is', null) : query.where('module_id', '=', parent.moduleId);
  const row = await query.executeTakeFirst();
  return row?.position === null || row?.position === undefined ? 0 : Number(row.position) + 1;
}

/** One entity of a kind under its parent. */
export async function findEntity(
  db: Db,
  parent: EntityParent,
  entityType: number,
  entityId: string,
): Promise<ModuleEntityTable | undefined> {
  let query = db
    .selectFrom('module_entities')
    .selectAll()
    .where('portal_id', '=', parent.portalId)
    .where('course_id', '=', parent.courseId)
    .where('entity_type', '=', entityType)
    .where('id', '=', entityId);
  query = parent.batchId === null ? query.where('batch_id', 'is', null) : query.where('batch_id', '=', parent.batchId);
  query =
    parent.moduleId === null ? query.where('module_id', 'is', null) : query.where('module_id', '=', parent.moduleId);
  return query.executeTakeFirst();
}

/** An entity of one of the kinds in a portal by id alone, wherever it hangs. */
export async function findEntityById(
  db: Db,
  portalId: string,
  entityTypes: readonly number[],
  entityId: string,
): Promise<Pick<ModuleEntityTable, 'course_id' | 'batch_id' | 'module_id' | 'entity_type'> | undefined> {
  return db
    .selectFrom('module_entities')
    .select(['course_id', 'batch_id', 'module_id', 'entity_type'])
    .where('portal_id', '=', portalId)
    .where('id', '=', entityId)
    .where('entity_type', 'in', entityTypes)
    .executeTakeFirst();
}

/** The settings of an entity of one type in a portal, by id alone; its row locked on PostgreSQL when asked. */
export async function findEntitySettings(
  db: Db,
  portalId: string,
  entityType: number,
  entityId: string,
  lockOn?: Dialect,
): Promise<Pick<ModuleEntityTable, 'settings'> | undefined> {
  const query = db
    .selectFrom('module_entities')
    .select('settings')
    .where('portal_id', '=', portalId)
    .where('id', '=', entityId)
    .where('entity_type', '=', entityType);
  return forUpdate(query, lockOn).executeTakeFirst();
}

/** A page of one kind under a module, or (moduleId null and wholeParent) across a course's or batch's modules. */
export async function listEntities(
  db: Db,
  parent: EntityParent,
  entityType: number,
  wholeParent: boolean,
  startIndex: number,
  limit: number,
): Promise<ModuleEntityTable[]> {
  let query = db
    .selectFrom('module_entities')
    .selectAll()
    .where('portal_id', '=', parent.portalId)
    .where('course_id', '=', parent.courseId)
    .where('entity_type', '=', entityType);
  query = parent.batchId === null ? query.where('batch_id', 'is', null) : query.where('batch_id', '=', parent.batchId);
  if (!wholeParent) {
    query =
      parent.moduleId === null ? query.where('module_id', 'is', null) : query.where('module_id', '=', parent.moduleId);
  }
  return query.orderBy('module_id').orderBy('position').orderBy('id').offset(startIndex).limit(limit).execute();
}

/** Writes changed columns of an entity. */
export async function updateEntity(
  db: Db,
  portalId: string,
  entityId: string,
  changes: Partial<Omit<ModuleEntityTable, 'id' | 'portal_id'>>,
): Promise<void> {
  await db
    .updateTable('module_entities')
    .set(changes)
    .where('portal_id', '=', portalId)
    .where('id', '=', entityId)
    .execute();
}

/** The stored-file ids of the entities a delete will remove (so their bytes can go too). */
export async function fileIdsOf(db: Db, scope: DeleteScope): Promise<string[]> {
  const rows = await scoped(db.selectFrom('module_entities').select('file_id'), scope)
    .where('file_id', 'is not', null)
    .execute();
  return rows.map((row) => row.file_id!);
}

/** What a cascade removes: one entity, a module's, a batch's, or a whole course's. */
export type DeleteScope =
  | { portalId: string; entityId: string }
  | { portalId: string; moduleId: string }
  | { portalId: string; batchId: string }
  | { portalId: string; courseId: string };

function scoped<Q extends { where: (...args: any[]) => Q }>(query: Q, scope: DeleteScope): Q {
  let result = query.where('portal_id', '=', scope.portalId);
  if ('entityId' in scope) result = result.where('id', '=', scope.entityId);
  else if ('moduleId' in scope) result = result.where('module_id', '=', scope.moduleId);
  else if ('batchId' in scope) result = result.where('batch_id', '=', scope.batchId);
  else result = result.where('course_id', '=', scope.courseId);
  return result;
}

/** Deletes the entities in scope and their marks. */
export async function deleteEntities(db: Db, scope: DeleteScope): Promise<void> {
  const ids = scoped(db.selectFrom('module_entities').select('id'), scope);
  await db.deleteFrom('entity_marks').where('entity_id', 'in', ids).execute();
  await scoped(db.deleteFrom('module_entities'), scope).execute();
}

/** True when the module is one of the course's (batchId null) or of that batch's. */
export async function moduleExists(
  db: Db,
  portalId: string,
  courseId: string,
  batchId: string | null,
  moduleId: string,
): Promise<boolean> {
  let query = db
    .selectFrom('course_modules')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('course_id', '=', courseId)
    .where('id', '=', moduleId);
  query = batchId === null ? query.where('batch_id', 'is', null) : query.where('batch_id', '=', batchId);
  return (await query.executeTakeFirst()) !== undefined;
}
