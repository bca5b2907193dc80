/**
 * A cheap picture of what two portals hold: per table, the row count and a hash of the rows, read straight from the
 * database. A refused write must leave it unchanged.
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../src/db/database.ts';

/**
 * The portal tables a request can change. Left out: idempotency keys, id counters and the delivery queue's attempts,
 * which record requests and deliveries rather than the portal's data.
 */
const portalTables = [
  'employees',
  'departments',
  'designations',
  'tokens',
  'locations',
  'rooms',
  'categories',
  'courses',
  'course_members',
  'course_categories',
  'batches',
  'course_modules',
  'class_sessions',
  'session_attendance',
  'batch_schedulers',
  'module_entities',
  'entity_marks',
  'stored_files',
  'enrolments',
  'learner_history',
  'learning_plans',
  'learning_plan_courses',
  'learning_plan_members',
  'learner_completions',
  'online_test_results',
  'notifications',
  'webhooks',
] as const satisfies ReadonlyArray<keyof Database>;

/** Table name to `count:hash`. */
export type PortalSnapshot = Record<string, string>;

/** Row order is the engine's: the rows' texts are sorted before hashing. */
function digest(rows: readonly unknown[]): string {
  const texts = rows.map((row) =>
    JSON.stringify(row, (_, value) => (typeof value === 'bigint' ? value.toString() : value)),
  );
  texts.sort();
  return `${rows.length}:${createHash('sha1').update(texts.join('\n')).digest('hex')}`;
}

/**
 * Counts and hashes every portal table's rows of the given portals. PostgreSQL hashes in one query (a round trip per
 * table would cost more than the request); SQLite, in process, reads the rows and hashes them here.
 */
export async function takeSnapshot(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  portalIds: readonly string[],
): Promise<PortalSnapshot> {
  if (dialect === 'postgres') return takeSnapshotInPostgres(db, portalIds);
  const digests = await Promise.all(
    portalTables.map(async (table) => {
      const rows = await db
        .selectFrom(table)
        .selectAll()
        .where('portal_id', 'in', [...portalIds])
        .execute();
      return [table, digest(rows)] as const;
    }),
  );
  return Object.fromEntries(digests);
}

async function takeSnapshotInPostgres(db: Kysely<Database>, portalIds: readonly string[]): Promise<PortalSnapshot> {
  const ids = sql.join(portalIds.map((id) => sql`${id}`));
  const selects = portalTables.map(
    (table) =>
      // A sum of row hashes: independent of row order, so nothing is sorted.
      sql`select ${table} as name, count(*) || ':' || coalesce(sum(hashtextextended(r::text, 0)), 0) as digest
          from ${sql.table(table)} r where r.portal_id in (${ids})`,
  );
  const query = sql<{ name: string; digest: string }>`${sql.join(selects, sql` union all `)}`;
  const { rows } = await query.execute(db);
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}

/** The tables whose rows differ between two snapshots, with both counts; empty when nothing changed. */
export function changedTables(before: PortalSnapshot, after: PortalSnapshot): string[] {
  return Object.keys(before)
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table} (rows ${before[table]!.split(':')[0]} -> ${after[table]!.split(':')[0]})`);
}
