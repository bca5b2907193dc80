/** Queries over portals and employees. */

import { type Kysely, sql } from 'kysely';
import { type PortalTime, portalTimeOf } from '../../clock.ts';
import type {
  CategoryTable,
  Database,
  Db,
  DepartmentTable,
  DesignationTable,
  EmployeeTable,
  LocationTable,
  PortalTable,
  RoomTable,
} from '../../db/database.ts';
import { prepareQuery } from '../../db/prepared.ts';

/** The columns a person is shown with. */
export type EmployeeRow = EmployeeTable;

/** Inserts a portal. */
export async function insertPortal(db: Db, portal: PortalTable): Promise<void> {
  await db.insertInto('portals').values(portal).execute();
}

/** Inserts employees in one statement. */
export async function insertEmployees(db: Db, employees: EmployeeTable[]): Promise<void> {
  if (employees.length > 0) await db.insertInto('employees').values(employees).execute();
}

/** The highest numeric employee id of a portal (0 when none is numeric), to number new people after it. */
export async function maxEmployeeNumber(db: Db, portalId: string): Promise<number> {
  const rows = await db.selectFrom('employees').select('employee_id').where('portal_id', '=', portalId).execute();
  return rows.reduce(
    (highest, row) => Math.max(highest, /^\d+$/.test(row.employee_id) ? Number(row.employee_id) : 0),
    0,
  );
}

/** The first portal made (the default one the CLI and bootstrap token act on). */
export async function findFirstPortal(db: Db): Promise<PortalTable | undefined> {
  return db.selectFrom('portals').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

/** Whether a portal already has this URL name (unique across the store). */
export async function urlNameTaken(db: Db, urlName: string): Promise<boolean> {
  return (await db.selectFrom('portals').select('id').where('url_name', '=', urlName).executeTakeFirst()) !== undefined;
}

/** Whether a portal with this id exists (one indexed lookup). */
export async function findPortalById(db: Db, portalId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('portals').select('id').where('id', '=', portalId).executeTakeFirst();
}

/** A portal's first admin. */
export async function findPortalAdmin(db: Db, portalId: string): Promise<EmployeeRow | undefined> {
  return db
    .selectFrom('employees')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('is_admin', '=', 1)
    .orderBy('erecno')
    .limit(1)
    .executeTakeFirst();
}

/** One employee of a portal. */
export async function findEmployee(db: Db, portalId: string, erecno: string): Promise<EmployeeRow | undefined> {
  return db
    .selectFrom('employees')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .executeTakeFirst();
}

/** Employees of a portal by erecno, in one query; unknown ones are simply absent. */
export async function findEmployees(db: Db, portalId: string, erecnos: readonly string[]): Promise<EmployeeRow[]> {
  if (erecnos.length === 0) return [];
  if (erecnos.length === 1) return oneEmployee.all(db, portalId, erecnos[0]!);
  return db
    .selectFrom('employees')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('erecno', 'in', erecnos)
    .execute();
}

// A single person (a course's owner) is the hot case: compiled once.
const oneEmployee = prepareQuery((db: Kysely<Database>, portalId: string, erecno: string) =>
  db.selectFrom('employees').selectAll().where('portal_id', '=', portalId).where('erecno', '=', erecno),
);

/** `text` as a LIKE pattern matching it anywhere, lower-cased, with LIKE's own characters escaped by `\`. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * A page of a portal's employees, one extra row to tell whether more exist; with `search`, only those whose name,
 * e-mail or employee id contains it, in any case (lower() of both engines folds ASCII letters; SQLite leaves others).
 */
export async function listEmployees(
  db: Db,
  portalId: string,
  startIndex: number,
  limit: number,
  search?: string,
): Promise<EmployeeRow[]> {
  let select = db.selectFrom('employees').selectAll().where('portal_id', '=', portalId);
  if (search !== undefined && search !== '') {
    const pattern = containsPattern(search);
    select = select.where((row) =>
      row.or(
        (['display_name', 'email_id', 'employee_id'] as const).map(
          (column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`,
        ),
      ),
    );
  }
  return select.orderBy('employee_id').orderBy('erecno').offset(startIndex).limit(limit).execute();
}

/** A portal's time zone (dates and session times are wall-clock there), UTC when unset. */
export async function findPortalTimeZone(db: Db, portalId: string): Promise<string> {
  const row = await db.selectFrom('portals').select('time_zone').where('id', '=', portalId).executeTakeFirst();
  return row?.time_zone || 'UTC';
}

/** Whether the portal holds the demo data; undefined when there is no such portal. */
export async function findPortalDemo(db: Db, portalId: string): Promise<boolean | undefined> {
  const row = await db.selectFrom('portals').select('demo').where('id', '=', portalId).executeTakeFirst();
  return row === undefined ? undefined : row.demo === 1;
}

/** A portal's id, name and whether it holds the demo data: the one named, or the first when none is. */
export async function findPortalSummary(
  db: Db,
  portalId: string | undefined,
): Promise<{ id: string; name: string; demo: number } | undefined> {
  let query = db.selectFrom('portals').select(['id', 'name', 'demo']);
  query =
    portalId === undefined ? query.orderBy('created_at').orderBy('id').limit(1) : query.where('id', '=', portalId);
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : { id: row.id, name: row.name, demo: row.demo ?? 0 };
}

/** A new portal's departments, designations, locations, rooms and categories (the demo's). */
export async function insertPortalFixtures(
  db: Db,
  rows: {
    locations: LocationTable[];
    rooms: RoomTable[];
    categories: CategoryTable[];
    departments: DepartmentTable[];
    designations: DesignationTable[];
  },
): Promise<void> {
  await db.insertInto('departments').values(rows.departments).execute();
  await db.insertInto('designations').values(rows.designations).execute();
  await db.insertInto('locations').values(rows.locations).execute();
  await db.insertInto('rooms').values(rows.rooms).execute();
  await db.insertInto('categories').values(rows.categories).execute();
}

/** A portal's clock columns as its time, or undefined when there is no such portal. */
export async function findPortalTime(db: Db, portalId: string): Promise<PortalTime | undefined> {
  const row = await db
    .selectFrom('portals')
    .select(['clock_offset_ms', 'clock_fixed_at'])
    .where('id', '=', portalId)
    .executeTakeFirst();
  return row === undefined ? undefined : portalTimeOf(row.clock_offset_ms, row.clock_fixed_at);
}
