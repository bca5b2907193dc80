/** Queries over learning plans, their courses and their members. */
import type { Db } from '../../db/database.ts';
import type { LearningPlanTable } from '../../db/tables/learning-plans.ts';
import type { EmployeeRow } from '../people/index.ts';

/** A plan's course, with the course's own columns a plan shows. */
export interface PlanCourseRow {
  plan_id: string;
  course_id: string;
  position: number;
  name: string;
  type: number;
  status: number;
}

/** Inserts a plan row. */
export async function insertPlan(db: Db, plan: LearningPlanTable): Promise<void> {
  await db.insertInto('learning_plans').values(plan).execute();
}

/** One plan of a portal. */
export async function findPlan(db: Db, portalId: string, planId: string): Promise<LearningPlanTable | undefined> {
  return db
    .selectFrom('learning_plans')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('id', '=', planId)
    .executeTakeFirst();
}

/** Writes changed plan columns. */
export async function updatePlan(
  db: Db,
  portalId: string,
  planId: string,
  changes: Partial<Pick<LearningPlanTable, 'name' | 'description' | 'updated_at'>>,
): Promise<void> {
  await db
    .updateTable('learning_plans')
    .set(changes)
    .where('portal_id', '=', portalId)
    .where('id', '=', planId)
    .execute();
}

/** Deletes a plan with its courses and members. */
export async function deletePlan(db: Db, portalId: string, planId: string): Promise<void> {
  await db.deleteFrom('learning_plan_members').where('plan_id', '=', planId).execute();
  await db.deleteFrom('learning_plan_courses').where('plan_id', '=', planId).execute();
  await db.deleteFrom('learning_plans').where('portal_id', '=', portalId).where('id', '=', planId).execute();
}

/** Takes a deleted course out of every plan of the portal. */
export async function deleteCourseFromPlans(db: Db, portalId: string, courseId: string): Promise<void> {
  await db
    .deleteFrom('learning_plan_courses')
    .where('portal_id', '=', portalId)
    .where('course_id', '=', courseId)
    .execute();
}

/** Replaces a plan's courses with the given list, in order. */
export async function replaceCourses(db: Db, portalId: string, planId: string, courseIds: readonly string[]) {
  await db.deleteFrom('learning_plan_courses').where('plan_id', '=', planId).execute();
  if (courseIds.length === 0) return;
  await db
    .insertInto('learning_plan_courses')
    .values(
      courseIds.map((courseId, position) => ({ portal_id: portalId, plan_id: planId, course_id: courseId, position })),
    )
    .execute();
}

/**
 * The courses of several plans, each plan's in its order. Joined with courses, so that a course deleted since it was
 * put in a plan drops out of it.
 */
export async function findPlanCourses(db: Db, planIds: readonly string[]): Promise<PlanCourseRow[]> {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('learning_plan_courses')
    .innerJoin('courses', 'courses.id', 'learning_plan_courses.course_id')
    .select([
      'learning_plan_courses.plan_id',
      'learning_plan_courses.course_id',
      'learning_plan_courses.position',
      'courses.name',
      'courses.type',
      'courses.status',
    ])
    .where('learning_plan_courses.plan_id', 'in', planIds)
    .orderBy('learning_plan_courses.plan_id')
    .orderBy('learning_plan_courses.position')
    .execute();
}

/** How many members each of several plans has (plans without members are absent). */
export async function countMembers(db: Db, planIds: readonly string[]): Promise<Map<string, number>> {
  if (planIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('learning_plan_members')
    .select(['plan_id', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('plan_id', 'in', planIds)
    .groupBy('plan_id')
    .execute();
  return new Map(rows.map((row) => [row.plan_id, Number(row.count)]));
}

/** Adds members, keeping those already there. */
export async function addMembers(
  db: Db,
  portalId: string,
  planId: string,
  erecnos: readonly string[],
  by: string,
  now: number,
): Promise<void> {
  if (erecnos.length === 0) return;
  await db
    .insertInto('learning_plan_members')
    .values(erecnos.map((erecno) => ({ portal_id: portalId, plan_id: planId, erecno, added_by: by, created_at: now })))
    .onConflict((conflict) => conflict.columns(['plan_id', 'erecno']).doNothing())
    .execute();
}

/** Removes members; answers how many went. */
export async function removeMembers(db: Db, planId: string, erecnos: readonly string[]): Promise<number> {
  if (erecnos.length === 0) return 0;
  const result = await db
    .deleteFrom('learning_plan_members')
    .where('plan_id', '=', planId)
    .where('erecno', 'in', erecnos)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A page of a plan's members in the order they were added (one extra row tells whether more exist). */
export async function listMembers(db: Db, planId: string, startIndex: number, limit: number): Promise<EmployeeRow[]> {
  return db
    .selectFrom('learning_plan_members')
    .innerJoin('employees', 'employees.erecno', 'learning_plan_members.erecno')
    .selectAll('employees')
    .where('learning_plan_members.plan_id', '=', planId)
    .orderBy('learning_plan_members.created_at')
    .orderBy('learning_plan_members.erecno')
    .offset(startIndex)
    .limit(limit)
    .execute();
}

/** Which viewer a plan list is for: everything in the portal, or plans of these people only. */
export interface PlanViewer {
  portalId: string;
  /** Null: every plan of the portal; else only plans with one of these people as a member. */
  memberOf: readonly string[] | null;
}

/** A page of plans, oldest first (one extra row tells whether more exist). */
export async function listPlans(
  db: Db,
  viewer: PlanViewer,
  startIndex: number,
  limit: number,
): Promise<LearningPlanTable[]> {
  let query = db.selectFrom('learning_plans').selectAll().where('learning_plans.portal_id', '=', viewer.portalId);
  const people = viewer.memberOf;
  if (people !== null) {
    if (people.length === 0) return [];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('learning_plan_members')
          .select('learning_plan_members.plan_id')
          .whereRef('learning_plan_members.plan_id', '=', 'learning_plans.id')
          .where('learning_plan_members.erecno', 'in', people),
      ),
    );
  }
  return query
    .orderBy('learning_plans.created_at')
    .orderBy('learning_plans.id')
    .offset(startIndex)
    .limit(limit)
    .execute();
}

/** The erecnos of a manager's direct reports. */
export async function findReports(db: Db, portalId: string, managerErecno: string): Promise<string[]> {
  const rows = await db
    .selectFrom('employees')
    .select('erecno')
    .where('portal_id', '=', portalId)
    .where('manager_erecno', '=', managerErecno)
    .execute();
  return rows.map((row) => row.erecno);
}

/** True when the person is a member of the plan. */
export async function isMember(db: Db, planId: string, erecno: string): Promise<boolean> {
  const row = await db
    .selectFrom('learning_plan_members')
    .select('erecno')
    .where('plan_id', '=', planId)
    .where('erecno', '=', erecno)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of the given course ids are courses of the portal (a plan may hold any of them, drafted ones too). */
export async function findPortalCourseIds(db: Db, portalId: string, courseIds: readonly string[]): Promise<string[]> {
  if (courseIds.length === 0) return [];
  const rows = await db
    .selectFrom('courses')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('id', 'in', courseIds)
    .execute();
  return rows.map((row) => row.id);
}
