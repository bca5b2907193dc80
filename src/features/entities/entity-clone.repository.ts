/** Queries that copy module entities and their stored files into a cloned module tree. */
import { sql } from 'kysely';
import type { Db, ModuleEntityTable } from '../../db/database.ts';

/** Rows per insert: well inside SQLite's bound-variable limit (15 columns a row). */
const insertChunk = 500;

/** The entities of the given modules, in order. */
export async function listEntitiesOfModules(
  db: Db,
  portalId: string,
  moduleIds: readonly string[],
): Promise<ModuleEntityTable[]> {
  if (moduleIds.length === 0) return [];
  return db
    .selectFrom('module_entities')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('module_id', 'in', moduleIds)
    .orderBy('module_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Inserts entity rows in chunks. */
export async function insertEntities(db: Db, rows: readonly ModuleEntityTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += insertChunk) {
    await db
      .insertInto('module_entities')
      .values(rows.slice(start, start + insertChunk))
      .execute();
  }
}

/**
 * Copies stored files (metadata and bytes) to new ids, old id -> new id, in two statements per chunk: the bytes are
 * copied inside the database, never read into the process.
 */
export async function copyStoredFiles(db: Db, portalId: string, idMap: ReadonlyMap<string, string>, now: number) {
  const pairs = [...idMap];
  for (let start = 0; start < pairs.length; start += insertChunk) {
    const chunk = pairs.slice(start, start + insertChunk);
    const oldIds = chunk.map(([oldId]) => oldId);
    await db
      .insertInto('stored_files')
      .columns(['id', 'portal_id', 'file_name', 'content_type', 'size', 'sha256', 'status', 'created_at'])
      .expression((eb) =>
        eb
          .selectFrom('stored_files')
          .select((inner) => [
            newIdOf(inner, chunk).as('id'),
            'portal_id',
            'file_name',
            'content_type',
            'size',
            'sha256',
            'status',
            // Typed, since PostgreSQL reads an untyped parameter in a select list as text.
            sql<number>`cast(${now} as bigint)`.as('created_at'),
          ])
          .where('portal_id', '=', portalId)
          .where('id', 'in', oldIds),
      )
      .execute();
    await db
      .insertInto('stored_file_chunks')
      .columns(['file_id', 'sequence', 'data'])
      .expression((eb) =>
        eb
          .selectFrom('stored_file_chunks')
          .select((inner) => [newIdOf(inner, chunk, 'file_id').as('file_id'), 'sequence', 'data'])
          .where('file_id', 'in', oldIds),
      )
      .execute();
  }
}

/** `CASE <column> WHEN old THEN new ... END`. */
function newIdOf(eb: any, pairs: [string, string][], column = 'id') {
  let expression = eb.case(column);
  for (const [oldId, newId] of pairs) expression = expression.when(oldId).then(newId);
  return expression.end();
}
