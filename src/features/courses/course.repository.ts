/** Queries over courses and the people and categories linked to them. */

import type { CourseMemberTable, CourseTable, Db } from '../../db/database.ts';
import type { EmployeeRow } from '../people/index.ts';

/** Inserts a course row. */
export async function insertCourse(db: Db, course: CourseTable): Promise<void> {
  await db.insertInto('courses').values(course).execute();
}

/** Writes changed course columns. */
export async function updateCourse(
  db: Db,
  portalId: string,
  courseId: string,
  changes: Partial<Omit<CourseTable, 'id' | 'portal_id'>>,
): Promise<void> {
  await db.updateTable('courses').set(changes).where('portal_id', '=', portalId).where('id', '=', courseId).execute();
}

/** Deletes a course with its links. */
export async function deleteCourse(db: Db, portalId: string, courseId: string): Promise<void> {
  await db.deleteFrom('course_members').where('portal_id', '=', portalId).where('course_id', '=', courseId).execute();
  await db
    .deleteFrom('course_categories')
    .where('portal_id', '=', portalId)
    .where('course_id', '=', courseId)
    .execute();
  await db.deleteFrom('courses').where('portal_id', '=', portalId).where('id', '=', courseId).execute();
}

/** Replaces the people of one relation (e.g. the course admins) with the given list, in order. */
export async function replaceMembers(
  db: Db,
  member: MemberKey,
  erecnos: readonly string[],
  now: number,
): Promise<void> {
  await db
    .deleteFrom('course_members')
    .where('course_id', '=', member.courseId)
    .where('relation', '=', member.relation)
    .execute();
  if (erecnos.length === 0) return;
  await db
    .insertInto('course_members')
    .values(memberRows(member, erecnos, 0, now))
    .execute();
}

type MemberKey = {
  portalId: string;
  courseId: string;
  relation: CourseMemberTable['relation'];
  byErecno: string | null;
};

function memberRows(member: MemberKey, erecnos: readonly string[], firstPosition: number, now: number) {
  return erecnos.map((erecno, index) => ({
    portal_id: member.portalId,
    course_id: member.courseId,
    erecno,
    relation: member.relation,
    by_erecno: member.byErecno,
    position: firstPosition + index,
    created_at: now,
  }));
}

/** Adds people to a relation, keeping those already there. */
export async function addMembers(db: Db, member: MemberKey, erecnos: readonly string[], now: number): Promise<void> {
  if (erecnos.length === 0) return;
  // New people go after those already there. `position` is a 32-bit integer on PostgreSQL, so it counts on from
  // the relation's last position rather than from the time (epoch milliseconds overflow it).
  const last = await db
    .selectFrom('course_members')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('course_id', '=', member.courseId)
    .where('relation', '=', member.relation)
    .executeTakeFirst();
  const next = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
  await db
    .insertInto('course_members')
    .values(memberRows(member, erecnos, next, now))
    .onConflict((conflict) => conflict.columns(['course_id', 'relation', 'erecno']).doNothing())
    .execute();
}

/** Removes one person from a relation; answers how many rows went. */
export async function removeMember(
  db: Db,
  courseId: string,
  relation: CourseMemberTable['relation'],
  erecno: string,
): Promise<number> {
  const result = await db
    .deleteFrom('course_members')
    .where('course_id', '=', courseId)
    .where('relation', '=', relation)
    .where('erecno', '=', erecno)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A page of the people in one relation of a course (one extra row to tell whether more exist). */
export async function listMembers(
  db: Db,
  courseId: string,
  relation: CourseMemberTable['relation'],
  startIndex: number,
  limit: number,
): Promise<EmployeeRow[]> {
  return db
    .selectFrom('course_members')
    .innerJoin('employees', 'employees.erecno', 'course_members.erecno')
    .selectAll('employees')
    .where('course_members.course_id', '=', courseId)
    .where('course_members.relation', '=', relation)
    .orderBy('course_members.position')
    .orderBy('course_members.erecno')
    .offset(startIndex)
    .limit(limit)
    .execute();
}

/** Replaces a course's categories with the given list, in order. */
export async function replaceCategories(
  db: Db,
  portalId: string,
  courseId: string,
  categoryIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('course_categories').where('course_id', '=', courseId).execute();
  if (categoryIds.length === 0) return;
  await db
    .insertInto('course_categories')
    .values(
      categoryIds.map((id, position) => ({ portal_id: portalId, course_id: courseId, category_id: id, position })),
    )
    .execute();
}
