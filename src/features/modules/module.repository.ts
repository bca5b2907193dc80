/** Queries over course modules (self-paced and e-material courses' own, and each blended batch's). */
import type { SelectQueryBuilder } from 'kysely';
import type { CourseModuleTable, Database, Db } from '../../db/database.ts';

/** Where modules hang: a course (batchId null) or one batch of a blended course. */
export interface ModuleParent {
  portalId: string;
  courseId: string;
  batchId: string | null;
}

/** Restricts a query on course_modules to one parent. */
function inParent<O>(
  query: SelectQueryBuilder<Database, 'course_modules', O>,
  parent: ModuleParent,
): SelectQueryBuilder<Database, 'course_modules', O> {
  const scoped = query.where('portal_id', '=', parent.portalId).where('course_id', '=', parent.courseId);
  return parent.batchId === null ? scoped.where('batch_id', 'is', null) : scoped.where('batch_id', '=', parent.batchId);
}

/** One module of a parent. */
export async function findModule(
  db: Db,
  parent: ModuleParent,
  moduleId: string,
): Promise<CourseModuleTable | undefined> {
  return inParent(db.selectFrom('course_modules').selectAll(), parent).where('id', '=', moduleId).executeTakeFirst();
}

/** A page of a parent's modules in their order; the caller asks for one extra row to learn whether more exist. */
export async function listModules(
  db: Db,
  parent: ModuleParent,
  startIndex: number,
  limit: number,
): Promise<CourseModuleTable[]> {
  return inParent(db.selectFrom('course_modules').selectAll(), parent)
    .orderBy('position')
    .orderBy('id')
    .limit(limit)
    .offset(startIndex)
    .execute();
}

/** The id of a parent's first module in order, if it has any. */
export async function findFirstModuleId(db: Db, parent: ModuleParent): Promise<string | undefined> {
  const row = await inParent(db.selectFrom('course_modules').select('id'), parent)
    .orderBy('position')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** The position after a parent's last module (1 for the first). */
export async function nextPosition(db: Db, parent: ModuleParent): Promise<number> {
  const row = await inParent(
    db.selectFrom('course_modules').select((eb) => eb.fn.max('position').as('last')),
    parent,
  ).executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** Inserts modules in one statement. */
export async function insertModules(db: Db, modules: CourseModuleTable[]): Promise<void> {
  if (modules.length > 0) await db.insertInto('course_modules').values(modules).execute();
}

/** Writes changed module columns. */
export async function updateModule(
  db: Db,
  portalId: string,
  moduleId: string,
  changes: Partial<Omit<CourseModuleTable, 'id' | 'portal_id' | 'course_id' | 'batch_id'>>,
): Promise<void> {
  await db
    .updateTable('course_modules')
    .set(changes)
    .where('portal_id', '=', portalId)
    .where('id', '=', moduleId)
    .execute();
}

/** Deletes one module row (its sessions are the sessions feature's to delete first). */
export async function deleteModule(db: Db, portalId: string, moduleId: string): Promise<void> {
  await db.deleteFrom('course_modules').where('portal_id', '=', portalId).where('id', '=', moduleId).execute();
}

/** Deletes every module of a batch, or the course's own modules (batch_id null) when batchId is null. */
export async function deleteModulesOf(db: Db, parent: ModuleParent): Promise<void> {
  const scoped = db
    .deleteFrom('course_modules')
    .where('portal_id', '=', parent.portalId)
    .where('course_id', '=', parent.courseId);
  await (parent.batchId === null
    ? scoped.where('batch_id', 'is', null)
    : scoped.where('batch_id', '=', parent.batchId)
  ).execute();
}

/** Every module of a batch, in order (for cloning a batch). */
export async function listBatchModules(db: Db, portalId: string, batchId: string): Promise<CourseModuleTable[]> {
  return db
    .selectFrom('course_modules')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('batch_id', '=', batchId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The position after a batch's last module, whatever its course (for cloning into a batch). */
export async function nextBatchPosition(db: Db, portalId: string, batchId: string): Promise<number> {
  const row = await db
    .selectFrom('course_modules')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('portal_id', '=', portalId)
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}
