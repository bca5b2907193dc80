/** Queries of people's life cycle: edits, uniqueness, the manager tree, status, and uploaded photos. */
import { sql } from 'kysely';
import type { Dialect } from '../../db/create-db.ts';
import type { Db, EmployeePhotoTable, EmployeeTable } from '../../db/database.ts';
import { forUpdate } from '../../db/dialect.ts';

/** Locks the portal's row, so that two edits cannot both take the same e-mail or employee id. */
export async function lockPortal(db: Db, dialect: Dialect, portalId: string): Promise<void> {
  await forUpdate(db.selectFrom('portals').select('id').where('id', '=', portalId), dialect).execute();
}

/** People of the portal (other than `except`) holding one of these e-mails (any case) or employee ids; one query. */
export async function findHolders(
  db: Db,
  portalId: string,
  wanted: { emails: readonly string[]; employeeIds: readonly string[] },
  except: string | undefined,
): Promise<Pick<EmployeeTable, 'erecno' | 'employee_id' | 'email_id'>[]> {
  if (wanted.emails.length === 0 && wanted.employeeIds.length === 0) return [];
  const emails = wanted.emails.map((email) => email.toLowerCase());
  let query = db
    .selectFrom('employees')
    .select(['erecno', 'employee_id', 'email_id'])
    .where('portal_id', '=', portalId)
    .where((where) =>
      where.or([
        ...(emails.length > 0 ? [where(sql<string>`lower(email_id)`, 'in', emails)] : []),
        ...(wanted.employeeIds.length > 0 ? [where('employee_id', 'in', wanted.employeeIds)] : []),
      ]),
    );
  if (except !== undefined) query = query.where('erecno', '<>', except);
  return query.execute();
}

/** Every person's manager in the portal (for the cycle check): one query, two short columns a person. */
export async function findManagerLinks(
  db: Db,
  portalId: string,
): Promise<Pick<EmployeeTable, 'erecno' | 'manager_erecno'>[]> {
  return db.selectFrom('employees').select(['erecno', 'manager_erecno']).where('portal_id', '=', portalId).execute();
}

/** Which of these department and designation ids exist in the portal; one query. */
export async function findPlacements(
  db: Db,
  portalId: string,
  wanted: { departmentId?: string; designationId?: string },
): Promise<{ kind: string; id: string }[]> {
  const department = db
    .selectFrom('departments')
    .select([sql<string>`'department'`.as('kind'), 'id'])
    .where('portal_id', '=', portalId)
    .where('id', '=', wanted.departmentId ?? '');
  const designation = db
    .selectFrom('designations')
    .select([sql<string>`'designation'`.as('kind'), 'id'])
    .where('portal_id', '=', portalId)
    .where('id', '=', wanted.designationId ?? '');
  return department.unionAll(designation).execute();
}

/** Changes one person's columns; answers whether the person was there. */
export async function updateEmployee(
  db: Db,
  portalId: string,
  erecno: string,
  changes: Partial<EmployeeTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('employees')
    .set(changes)
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One person's row, locked for the rest of the transaction where the engine locks rows. */
export async function findEmployeeForChange(
  db: Db,
  dialect: Dialect,
  portalId: string,
  erecno: string,
): Promise<EmployeeTable | undefined> {
  const query = db.selectFrom('employees').selectAll().where('portal_id', '=', portalId).where('erecno', '=', erecno);
  return forUpdate(query, dialect).executeTakeFirst();
}

/** A person's uploaded photo, or undefined (then an avatar stands in). */
export async function findPhoto(db: Db, erecno: string): Promise<EmployeePhotoTable | undefined> {
  return db.selectFrom('employee_photos').selectAll().where('erecno', '=', erecno).executeTakeFirst();
}

/** A person's photo key and name (what the photo's URL and the avatar need), across portals: erecnos are unique. */
export async function findPhotoOwner(
  db: Db,
  erecno: string,
): Promise<Pick<EmployeeTable, 'erecno' | 'portal_id' | 'display_name' | 'photo_key'> | undefined> {
  return db
    .selectFrom('employees')
    .select(['erecno', 'portal_id', 'display_name', 'photo_key'])
    .where('erecno', '=', erecno)
    .executeTakeFirst();
}

/** Stores a person's photo, replacing the one they had. */
export async function upsertPhoto(db: Db, photo: EmployeePhotoTable): Promise<void> {
  await db
    .insertInto('employee_photos')
    .values(photo)
    .onConflict((conflict) =>
      conflict.column('erecno').doUpdateSet({
        content_type: photo.content_type,
        size: photo.size,
        data: photo.data,
        updated_at: photo.updated_at,
      }),
    )
    .execute();
}

/** Deletes a person's photo; answers whether there was one. */
export async function deletePhoto(db: Db, portalId: string, erecno: string): Promise<boolean> {
  const result = await db
    .deleteFrom('employee_photos')
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
