/** The Module API's rules, for both families: a course's own modules and a blended batch's modules. */

import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { dateInZone, type IsoDate } from '../../dates.ts';
import type { BatchTable, CourseModuleTable, CourseTable, Db } from '../../db/database.ts';
import { LmsError, notFound } from '../../errors.ts';
import type { IdGenerator } from '../../ids.ts';
import { portalTimeZone } from '../people/index.ts';
import { isModuleLocked, learnerLocks } from '../progress/index.ts';
import * as repository from './module.repository.ts';
import { LockType, type ModuleInput } from './module.schemas.ts';
import { changeParent, type ReadParent, readParent } from './module-parent.ts';

/** A module and whether it reads locked for the caller now. */
export interface ModuleView {
  courseModule: CourseModuleTable;
  isLocked: boolean;
}

function parentOf(caller: Caller, courseId: string, batchId: string | null): repository.ModuleParent {
  return { portalId: caller.portalId, courseId, batchId };
}

async function findOrFail(db: Db, parent: repository.ModuleParent, moduleId: string): Promise<CourseModuleTable> {
  const courseModule = await repository.findModule(db, parent, moduleId);
  if (courseModule === undefined) throw notFound('module', moduleId);
  return courseModule;
}

/**
 * Views of modules of one parent. For an enrolled learner the locks are their own (one progress load); for anyone
 * else the portal's today and the first module are looked up only when a lock needs them.
 */
async function viewsOf(
  context: AppContext,
  db: Db,
  parent: repository.ModuleParent,
  modules: CourseModuleTable[],
  learnerErecno: string | null = null,
) {
  const locks = learnerErecno === null ? null : await learnerLocks(db, context, parent, learnerErecno);
  if (locks !== null) {
    return modules.map((courseModule) => ({
      courseModule,
      isLocked: locks.moduleLocked.get(courseModule.id) ?? false,
    }));
  }
  const needsToday = modules.some((courseModule) => courseModule.lock_type === LockType.untilDate);
  const needsFirst = modules.some((courseModule) => courseModule.lock_type === LockType.untilPreviousCompleted);
  const [timeZone, firstId] = await Promise.all([
    needsToday ? portalTimeZone(db, parent.portalId) : 'UTC',
    needsFirst ? repository.findFirstModuleId(db, parent) : undefined,
  ]);
  const today = dateInZone(context.clock.now(), timeZone);
  // Such a caller has no progress of their own: lockType 2 reads locked unless it is the parent's first module.
  return modules.map((courseModule) => ({
    courseModule,
    isLocked: isModuleLocked(courseModule.lock_type, courseModule.lock_until, today, courseModule.id === firstId),
  }));
}

async function viewOf(context: AppContext, db: Db, parent: repository.ModuleParent, courseModule: CourseModuleTable) {
  const [view] = await viewsOf(context, db, parent, [courseModule]);
  return view!;
}

/**
 * The lock columns after a change. lockUntil is kept with every lockType, since Zoho's template sends it with
 * whichever type; only lockType 1 locks by it, and it is mandatory there.
 */
function lockColumns(
  current: { lock_type: number; lock_until: IsoDate | null },
  input: ModuleInput,
): { lock_type: number; lock_until: IsoDate | null } {
  const lockType = input.lockType ?? current.lock_type;
  const lockUntil = input.lockUntil === undefined ? current.lock_until : input.lockUntil;
  if (lockType === LockType.untilDate && lockUntil === null) {
    throw new LmsError(
      400,
      'INPUT_PARAMETER_MISSING',
      'Input parameter missing: moduleData.lockUntil is mandatory when lockType is 1 (locked until a date)',
      'moduleData.lockUntil',
    );
  }
  return { lock_type: lockType, lock_until: lockUntil };
}

/** One module as the caller may see it (an enrolled learner sees their own lock). */
export async function getCourseModule(
  context: AppContext,
  caller: Caller,
  courseId: string,
  batchId: string | null,
  moduleId: string,
): Promise<ModuleView> {
  const { view } = await readParent(context.db, caller, courseId, batchId);
  const parent = parentOf(caller, courseId, batchId);
  const courseModule = await findOrFail(context.db, parent, moduleId);
  const learner = view.relations.isLearner ? caller.erecno : null;
  const [moduleView] = await viewsOf(context, context.db, parent, [courseModule], learner);
  return moduleView!;
}

/** A page of a parent's modules in order; one extra row is fetched so the caller can tell whether more exist. */
export async function listCourseModules(
  context: AppContext,
  caller: Caller,
  courseId: string,
  batchId: string | null,
  startIndex: number,
  limit: number,
): Promise<ModuleView[]> {
  const { view } = await readParent(context.db, caller, courseId, batchId);
  const parent = parentOf(caller, courseId, batchId);
  const modules = await repository.listModules(context.db, parent, startIndex, limit);
  return viewsOf(context, context.db, parent, modules, view.relations.isLearner ? caller.erecno : null);
}

/** Adds a module after the parent's last one. */
export async function createCourseModule(
  context: AppContext,
  caller: Caller,
  courseId: string,
  batchId: string | null,
  input: ModuleInput & { name: string },
): Promise<ModuleView> {
  return context.db.transaction().execute(async (trx) => {
    await changeParent(context, trx, caller, courseId, batchId);
    const parent = parentOf(caller, courseId, batchId);
    const now = context.clock.now();
    const courseModule: CourseModuleTable = {
      id: context.ids.next(),
      portal_id: caller.portalId,
      course_id: courseId,
      batch_id: batchId,
      name: input.name,
      description: input.description ?? '',
      duration_minutes: input.durationMinutes ?? null,
      ...lockColumns({ lock_type: LockType.unlocked, lock_until: null }, input),
      // The course row is locked for the transaction (PostgreSQL) or writers are serialised (SQLite), so two
      // creates cannot take the same position.
      position: await repository.nextPosition(trx, parent),
      created_at: now,
      updated_at: now,
    };
    await repository.insertModules(trx, [courseModule]);
    return viewOf(context, trx, parent, courseModule);
  });
}

/** Applies a partial update; keys not sent keep their values. */
export async function updateCourseModule(
  context: AppContext,
  caller: Caller,
  courseId: string,
  batchId: string | null,
  moduleId: string,
  input: ModuleInput,
): Promise<ModuleView> {
  return context.db.transaction().execute(async (trx) => {
    await changeParent(context, trx, caller, courseId, batchId);
    const parent = parentOf(caller, courseId, batchId);
    const current = await findOrFail(trx, parent, moduleId);
    const changes: Partial<CourseModuleTable> = { ...lockColumns(current, input), updated_at: context.clock.now() };
    if (input.name !== undefined) changes.name = input.name;
    if (input.description !== undefined) changes.description = input.description;
    if (input.durationMinutes !== undefined) changes.duration_minutes = input.durationMinutes;
    await repository.updateModule(trx, caller.portalId, moduleId, changes);
    return viewOf(context, trx, parent, { ...current, ...changes });
  });
}

/** Deletes the module row (caller's transaction; removals delete what it holds first). */
export async function deleteModuleRow(db: Db, portalId: string, moduleId: string): Promise<void> {
  await repository.deleteModule(db, portalId, moduleId);
}

/** Like requireModule, for a write inside the caller's transaction: the caller must manage the course. */
export async function requireModuleForChange(
  context: AppContext,
  db: Db,
  caller: Caller,
  courseId: string,
  batchId: string | null,
  moduleId: string,
): Promise<{ course: CourseTable; batch: BatchTable | null; courseModule: CourseModuleTable }> {
  const { course, batch } = await changeParent(context, db, caller, courseId, batchId);
  const courseModule = await findOrFail(db, parentOf(caller, courseId, batchId), moduleId);
  return { course, batch, courseModule };
}

/**
 * A module the caller may see (contract for the sessions feature): 404 when the course, batch or module is unknown or
 * not in that course/batch, 403 when the course is hidden from the caller, 400 when the family does not match the
 * course type (batch modules for blended courses, course modules for self-paced and e-material ones).
 */
export async function requireModule(
  db: Db,
  caller: Caller,
  courseId: string,
  batchId: string | null,
  moduleId: string,
): Promise<ReadParent & { courseModule: CourseModuleTable }> {
  const { view, course, batch } = await readParent(db, caller, courseId, batchId);
  const courseModule = await findOrFail(db, parentOf(caller, courseId, batchId), moduleId);
  return { view, course, batch, courseModule };
}

/**
 * Copies a batch's modules, in order, into another batch of the same course (contract for batch cloning and the
 * scheduler): answers old module id -> new module id. Lock dates are copied as they are; the copies go after any
 * modules the target already has. Runs on the caller's transaction.
 */
export async function cloneModuleTree(
  db: Db,
  options: { portalId: string; fromBatchId: string; toBatchId: string; ids: IdGenerator; now: number },
): Promise<Map<string, string>> {
  const { portalId, fromBatchId, toBatchId, ids, now } = options;
  const sources = await repository.listBatchModules(db, portalId, fromBatchId);
  const idMap = new Map<string, string>();
  if (sources.length === 0) return idMap;
  const first = await repository.nextBatchPosition(db, portalId, toBatchId);
  const copies = sources.map((source, index) => {
    const id = ids.next();
    idMap.set(source.id, id);
    return { ...source, id, batch_id: toBatchId, position: first + index, created_at: now, updated_at: now };
  });
  await repository.insertModules(db, copies);
  return idMap;
}

/**
 * Deletes a batch's modules, or a self-paced or e-material course's own modules when batchId is null (for deleting
 * a batch or a course). Their sessions must be gone first (session.service.ts deleteBatchSessions). Runs on the
 * caller's transaction.
 */
export async function deleteParentModules(
  db: Db,
  parent: { portalId: string; courseId: string; batchId: string | null },
): Promise<void> {
  await repository.deleteModulesOf(db, parent);
}
