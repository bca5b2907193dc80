/** Queries over the directory: employees with their department, designation and manager; departments; designations. */
import { sql } from 'kysely';
import type { Dialect } from '../../db/create-db.ts';
import type { Db, DepartmentTable, DesignationTable, EmployeeTable } from '../../db/database.ts';
import { forUpdate } from '../../db/dialect.ts';

/** Which rows a page holds: 0-based offset, size, and the optional filters. */
export interface RecordQuery {
  portalId: string;
  offset: number;
  limit: number;
  /** Rows added or changed at or after this epoch-ms time. */
  modifiedSince?: number;
  search?: { column: 'EMPLOYEEID' | 'EMPLOYEEMAILALIAS'; value: string };
}

/** An employee as the directory shows them, with the names of what their fields point to. */
export interface EmployeeRecordRow {
  erecno: string;
  employee_id: string;
  display_name: string;
  first_name: string | null;
  last_name: string | null;
  email_id: string;
  photo_key?: string | null;
  status: 'active' | 'inactive';
  is_admin: number;
  date_of_joining: string | null;
  mobile: string | null;
  work_phone: string | null;
  created_at: number;
  modified_at: number;
  department_id: string | null;
  department_name: string | null;
  designation_id: string | null;
  designation_name: string | null;
  manager_erecno: string | null;
  manager_name: string | null;
  manager_employee_id: string | null;
  manager_email: string | null;
  added_by: string | null;
  added_by_name: string | null;
  added_by_employee_id: string | null;
  modified_by: string | null;
  modified_by_name: string | null;
  modified_by_employee_id: string | null;
}

/** A department with its lead's and parent's names. */
export interface DepartmentRecordRow extends DepartmentTable {
  lead_name: string | null;
  lead_employee_id: string | null;
  lead_email: string | null;
  parent_name: string | null;
}

/** A page of a portal's employees, newest first, in one query. */
export async function listEmployeeRecords(db: Db, query: RecordQuery): Promise<EmployeeRecordRow[]> {
  let select = db
    .selectFrom('employees as e')
    .leftJoin('departments as d', (join) =>
      join.onRef('d.id', '=', 'e.department_id').onRef('d.portal_id', '=', 'e.portal_id'),
    )
    .leftJoin('designations as g', (join) =>
      join.onRef('g.id', '=', 'e.designation_id').onRef('g.portal_id', '=', 'e.portal_id'),
    )
    .leftJoin('employees as m', (join) =>
      join.onRef('m.erecno', '=', 'e.manager_erecno').onRef('m.portal_id', '=', 'e.portal_id'),
    )
    .leftJoin('employees as a', (join) =>
      join.onRef('a.erecno', '=', 'e.added_by').onRef('a.portal_id', '=', 'e.portal_id'),
    )
    .leftJoin('employees as b', (join) =>
      join.onRef('b.erecno', '=', 'e.modified_by').onRef('b.portal_id', '=', 'e.portal_id'),
    )
    .select([
      'e.erecno',
      'e.employee_id',
      'e.display_name',
      'e.first_name',
      'e.last_name',
      'e.email_id',
      'e.photo_key',
      'e.status',
      'e.is_admin',
      'e.date_of_joining',
      'e.mobile',
      'e.work_phone',
      'e.created_at',
      'e.modified_at',
      'e.department_id',
      'd.name as department_name',
      'e.designation_id',
      'g.name as designation_name',
      'e.manager_erecno',
      'm.display_name as manager_name',
      'm.employee_id as manager_employee_id',
      'm.email_id as manager_email',
      'e.added_by',
      'a.display_name as added_by_name',
      'a.employee_id as added_by_employee_id',
      'e.modified_by',
      'b.display_name as modified_by_name',
      'b.employee_id as modified_by_employee_id',
    ])
    .where('e.portal_id', '=', query.portalId);
  if (query.modifiedSince !== undefined) select = select.where('e.modified_at', '>=', query.modifiedSince);
  if (query.search?.column === 'EMPLOYEEID') select = select.where('e.employee_id', '=', query.search.value);
  if (query.search?.column === 'EMPLOYEEMAILALIAS') {
    select = select.where(sql<string>`lower(e.email_id)`, '=', query.search.value.toLowerCase());
  }
  const rows = await select
    .orderBy('e.created_at', 'desc')
    .orderBy('e.erecno', 'desc')
    .offset(query.offset)
    .limit(query.limit)
    .execute();
  return rows as EmployeeRecordRow[];
}

/** A page of a portal's departments, newest first, in one query. */
export async function listDepartmentRecords(db: Db, query: RecordQuery): Promise<DepartmentRecordRow[]> {
  let select = db
    .selectFrom('departments as d')
    .leftJoin('employees as l', (join) =>
      join.onRef('l.erecno', '=', 'd.lead_erecno').onRef('l.portal_id', '=', 'd.portal_id'),
    )
    .leftJoin('departments as p', (join) =>
      join.onRef('p.id', '=', 'd.parent_id').onRef('p.portal_id', '=', 'd.portal_id'),
    )
    .selectAll('d')
    .select([
      'l.display_name as lead_name',
      'l.employee_id as lead_employee_id',
      'l.email_id as lead_email',
      'p.name as parent_name',
    ])
    .where('d.portal_id', '=', query.portalId);
  if (query.modifiedSince !== undefined) select = select.where('d.modified_at', '>=', query.modifiedSince);
  return select
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .offset(query.offset)
    .limit(query.limit)
    .execute();
}

/** A page of a portal's designations, newest first. */
export async function listDesignationRecords(db: Db, query: RecordQuery): Promise<DesignationTable[]> {
  let select = db.selectFrom('designations').selectAll().where('portal_id', '=', query.portalId);
  if (query.modifiedSince !== undefined) select = select.where('modified_at', '>=', query.modifiedSince);
  return select.orderBy('created_at', 'desc').orderBy('id', 'desc').offset(query.offset).limit(query.limit).execute();
}

/** What a write's references resolve to in one query: ids of the portal's departments, designations and people. */
export async function findReferences(
  db: Db,
  portalId: string,
  ids: { department?: string; designation?: string; manager?: string },
): Promise<{ kind: string; id: string }[]> {
  const none = '';
  return db
    .selectFrom('departments')
    .select([sql<string>`'department'`.as('kind'), 'id'])
    .where('portal_id', '=', portalId)
    .where('id', '=', ids.department ?? none)
    .unionAll(
      db
        .selectFrom('designations')
        .select([sql<string>`'designation'`.as('kind'), 'id'])
        .where('portal_id', '=', portalId)
        .where('id', '=', ids.designation ?? none),
    )
    .unionAll(
      db
        .selectFrom('employees')
        .select([sql<string>`'employee'`.as('kind'), 'erecno as id'])
        .where('portal_id', '=', portalId)
        .where('erecno', '=', ids.manager ?? none),
    )
    .execute();
}

/** The portal's people holding the employee id or the e-mail address (any case), other than `except`. */
export async function findHolders(
  db: Db,
  portalId: string,
  employeeId: string | undefined,
  emailId: string | undefined,
  except: string | undefined,
): Promise<Pick<EmployeeTable, 'erecno' | 'employee_id' | 'email_id'>[]> {
  if (employeeId === undefined && emailId === undefined) return [];
  return db
    .selectFrom('employees')
    .select(['erecno', 'employee_id', 'email_id'])
    .where('portal_id', '=', portalId)
    .where((where) =>
      where.or([
        where('employee_id', '=', employeeId ?? ''),
        where(sql<string>`lower(email_id)`, '=', (emailId ?? '').toLowerCase()),
      ]),
    )
    .$if(except !== undefined, (query) => query.where('erecno', '<>', except!))
    .limit(2)
    .execute();
}

/**
 * Locks the portal's row until the transaction ends (PostgreSQL; SQLite runs one writer at a time), so that two
 * writes checking that an employee id or e-mail is unused cannot both pass.
 */
export async function lockPortal(db: Db, dialect: Dialect, portalId: string): Promise<void> {
  await forUpdate(db.selectFrom('portals').select('id').where('id', '=', portalId), dialect).execute();
}

/** One employee of a portal, as stored. */
export function findEmployeeRow(db: Db, portalId: string, erecno: string): Promise<EmployeeTable | undefined> {
  return db
    .selectFrom('employees')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .executeTakeFirst();
}

/** Inserts one employee. */
export async function insertEmployee(db: Db, row: EmployeeTable): Promise<void> {
  await db.insertInto('employees').values(row).execute();
}

/** Changes an employee of the portal. */
export async function updateEmployee(
  db: Db,
  portalId: string,
  erecno: string,
  changes: Partial<EmployeeTable>,
): Promise<void> {
  await db
    .updateTable('employees')
    .set(changes)
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .execute();
}
