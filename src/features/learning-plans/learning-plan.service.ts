/**
 * Learning plans: ordered sets of courses assigned to employees. LMS admins make them through Lectern's own
 * endpoints; Zoho's endpoints read them and a learner's progress through them.
 */

import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import type { LearningPlanTable } from '../../db/tables/learning-plans.ts';
import { forbidden, invalidInput, notFound } from '../../errors.ts';
import { type EmployeeRow, findEmployee, findEmployees } from '../people/index.ts';
import type { LearnerProgress } from '../progress/index.ts';
import { bestProgressInCourses } from '../progress-reports/index.ts';
import * as repository from './learning-plan.repository.ts';

/** A plan with its courses (in order) and how many members it has. */
export interface PlanView {
  plan: LearningPlanTable;
  courses: repository.PlanCourseRow[];
  membersCount: number;
}

/** A plan's courses with one learner's best progress in each (undefined where they hold no seat). */
export interface PlanProgress {
  view: PlanView;
  learner: EmployeeRow;
  progress: Map<string, LearnerProgress>;
}

/** What a plan is made or changed with (checked by the route's schema). */
export interface PlanInput {
  name?: string;
  description?: string;
  courseIds?: string[];
}

/** Sees every plan and member list of the portal: LMS, settings and data admins. */
function seesEveryPlan(caller: Caller): boolean {
  return caller.isAdmin || caller.isSettingsAdmin || caller.isDataAdmin;
}

async function loadViews(db: Db, plans: LearningPlanTable[]): Promise<PlanView[]> {
  const ids = plans.map((plan) => plan.id);
  const [courses, members] = await Promise.all([repository.findPlanCourses(db, ids), repository.countMembers(db, ids)]);
  return plans.map((plan) => ({
    plan,
    courses: courses.filter((row) => row.plan_id === plan.id),
    membersCount: members.get(plan.id) ?? 0,
  }));
}

async function requirePlan(db: Db, caller: Caller, planId: string): Promise<LearningPlanTable> {
  const plan = await repository.findPlan(db, caller.portalId, planId);
  if (plan === undefined) throw notFound('learning plan', planId);
  return plan;
}

/** The courses named, each a course of the caller's portal; 400 naming courseIds otherwise. */
async function checkCourses(db: Db, caller: Caller, courseIds: readonly string[]): Promise<void> {
  if (courseIds.length === 0) return;
  const found = await repository.findPortalCourseIds(db, caller.portalId, courseIds);
  const missing = courseIds.find((id) => !found.includes(id));
  if (missing !== undefined) throw invalidInput('courseIds', `no course with id ${missing}`);
}

/** Creates a plan (LMS admins; the route declares it). */
export async function createPlan(context: AppContext, caller: Caller, input: PlanInput): Promise<PlanView> {
  const now = context.clock.now();
  const plan: LearningPlanTable = {
    id: context.ids.next(),
    portal_id: caller.portalId,
    name: (input.name ?? '').trim(),
    description: input.description ?? '',
    created_by: caller.erecno,
    created_at: now,
    updated_at: now,
  };
  const courseIds = [...new Set(input.courseIds ?? [])];
  return context.db.transaction().execute(async (trx) => {
    await checkCourses(trx, caller, courseIds);
    await repository.insertPlan(trx, plan);
    await repository.replaceCourses(trx, caller.portalId, plan.id, courseIds);
    const [view] = await loadViews(trx, [plan]);
    return view!;
  });
}

/** Changes a plan: keys not sent keep their values; `courseIds` replaces the courses. */
export async function updatePlan(
  context: AppContext,
  caller: Caller,
  planId: string,
  input: PlanInput,
): Promise<PlanView> {
  return context.db.transaction().execute(async (trx) => {
    const plan = await requirePlan(trx, caller, planId);
    const changes = {
      updated_at: context.clock.now(),
      ...(input.name === undefined ? {} : { name: input.name.trim() }),
      ...(input.description === undefined ? {} : { description: input.description }),
    };
    await repository.updatePlan(trx, caller.portalId, planId, changes);
    if (input.courseIds !== undefined) {
      const courseIds = [...new Set(input.courseIds)];
      await checkCourses(trx, caller, courseIds);
      await repository.replaceCourses(trx, caller.portalId, planId, courseIds);
    }
    const [view] = await loadViews(trx, [{ ...plan, ...changes }]);
    return view!;
  });
}

/** Deletes a plan with its courses and members. */
export async function deletePlan(context: AppContext, caller: Caller, planId: string): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    await requirePlan(trx, caller, planId);
    await repository.deletePlan(trx, caller.portalId, planId);
  });
}

/** Takes a course out of every plan, in the caller's transaction (for removals). */
export async function removeCourseFromPlans(db: Db, portalId: string, courseId: string): Promise<void> {
  await repository.deleteCourseFromPlans(db, portalId, courseId);
}

/** Assigns the plan to active employees of the portal (400 naming erecnosList otherwise); answers them. */
export async function addMembers(
  context: AppContext,
  caller: Caller,
  planId: string,
  erecnos: readonly string[],
): Promise<EmployeeRow[]> {
  return context.db.transaction().execute(async (trx) => {
    await requirePlan(trx, caller, planId);
    const people = await checkPeople(trx, caller, erecnos);
    await repository.addMembers(trx, caller.portalId, planId, erecnos, caller.erecno, context.clock.now());
    return people;
  });
}

/** Takes the plan away from people; 404 when none of them had it. */
export async function removeMembers(
  context: AppContext,
  caller: Caller,
  planId: string,
  erecnos: readonly string[],
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    await requirePlan(trx, caller, planId);
    const removed = await repository.removeMembers(trx, planId, erecnos);
    if (removed === 0) throw notFound('member of the plan', erecnos.join(', '));
  });
}

async function checkPeople(db: Db, caller: Caller, erecnos: readonly string[]): Promise<EmployeeRow[]> {
  const found = await findEmployees(db, caller.portalId, erecnos);
  return erecnos.map((erecno) => {
    const person = found.find((row) => row.erecno === erecno);
    if (person === undefined) throw invalidInput('erecnosList', `no employee with erecno ${erecno}`);
    if (person.status !== 'active') throw invalidInput('erecnosList', `employee ${erecno} is inactive`);
    return person;
  });
}

/**
 * #46: a page of plans. LMS, settings and data admins see every plan of the portal; others the plans assigned to
 * them or to one of their reports.
 */
export async function listPlans(context: AppContext, caller: Caller, offset: number, limit: number) {
  const db = context.db;
  const memberOf = seesEveryPlan(caller)
    ? null
    : [caller.erecno, ...(await repository.findReports(db, caller.portalId, caller.erecno))];
  const plans = await repository.listPlans(db, { portalId: caller.portalId, memberOf }, offset, limit);
  return loadViews(db, plans);
}

/** #47: a page of a plan's members (LMS, settings and data admins). */
export async function listMembers(
  context: AppContext,
  caller: Caller,
  planId: string,
  offset: number,
  limit: number,
): Promise<EmployeeRow[]> {
  await requirePlan(context.db, caller, planId);
  if (!seesEveryPlan(caller)) throw forbidden("only LMS admins read a learning plan's members");
  return repository.listMembers(context.db, planId, offset, limit);
}

/** The learner (404 when not in the caller's portal), if the caller may read their plans: self, manager, admins. */
async function readableLearner(db: Db, caller: Caller, learnerId: string): Promise<EmployeeRow> {
  const learner = await findEmployee(db, caller.portalId, learnerId);
  if (learner === undefined) throw notFound('learner', learnerId);
  if (learner.erecno !== caller.erecno && learner.manager_erecno !== caller.erecno && !seesEveryPlan(caller)) {
    throw forbidden('only the learner, their manager and LMS admins read their learning plans');
  }
  return learner;
}

/** #48: a page of the plans assigned to a learner, with the learner's progress in each plan's courses. */
export async function learnerPlansProgress(
  context: AppContext,
  caller: Caller,
  learnerId: string,
  offset: number,
  limit: number,
): Promise<PlanProgress[]> {
  const db = context.db;
  const learner = await readableLearner(db, caller, learnerId);
  const plans = await repository.listPlans(db, { portalId: caller.portalId, memberOf: [learnerId] }, offset, limit);
  const views = await loadViews(db, plans);
  const courseIds = [...new Set(views.flatMap((view) => view.courses.map((course) => course.course_id)))];
  const progress = await bestProgressInCourses(db, context, caller.portalId, learnerId, courseIds);
  return views.map((view) => ({ view, learner, progress }));
}

/** #49: one plan assigned to a learner, with the learner's progress in its courses; 404 when not assigned. */
export async function learnerPlanProgress(
  context: AppContext,
  caller: Caller,
  learnerId: string,
  planId: string,
): Promise<PlanProgress> {
  const db = context.db;
  const learner = await readableLearner(db, caller, learnerId);
  const plan = await requirePlan(db, caller, planId);
  if (!(await repository.isMember(db, planId, learnerId))) {
    throw notFound(`learning plan assigned to ${learnerId}`, planId);
  }
  const [view] = await loadViews(db, [plan]);
  const courseIds = view!.courses.map((course) => course.course_id);
  const progress = await bestProgressInCourses(db, context, caller.portalId, learnerId, courseIds);
  return { view: view!, learner, progress };
}
