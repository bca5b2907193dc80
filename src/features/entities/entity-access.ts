/** Who may read or write under an entity's parent (course, batch, module), settled once per request. */
import { type Caller, canManage, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { dateInZone, type IsoDate } from '../../dates.ts';
import type { Db, ModuleEntityTable } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { getCourseView, loadForChange } from '../courses/index.ts';
import { changeParent, readParent } from '../modules/index.ts';
import { portalTimeZone } from '../people/index.ts';
import { type LearnerLocks, learnerLocks } from '../progress/index.ts';
import * as repository from './entity.repository.ts';

/** Where an entity is addressed: a module of a course or batch, or (moduleId null) the course itself. */
export interface EntityPath {
  courseId: string;
  batchId: string | null;
  moduleId: string | null;
}

/** An entity with what presenting it needs. */
export interface EntityView {
  row: ModuleEntityTable;
  settings: Record<string, any>;
  /** Locked while today (portal time zone, injected clock) is before lockUntil; for an enrolled learner, their own lock. */
  isLocked: boolean;
  /** An enrolled learner may mark it completed now (Zoho's canMarkAsComplete); false for everyone else. */
  canMarkAsComplete?: boolean;
  /** The caller manages the course (canUserEdit, canUserDelete). */
  canManage: boolean;
}

/** The caller's standing on an entity's parent, settled once per request. */
export interface Resolved {
  parent: repository.EntityParent;
  canManage: boolean;
  today: IsoDate;
  /** The caller's own locks when they are an enrolled learner of the place (module entities only). */
  locks: LearnerLocks | null;
}

async function today(context: AppContext, db: Db, portalId: string): Promise<IsoDate> {
  return dateInZone(context.clock.now(), await portalTimeZone(db, portalId));
}

function parentOf(caller: Caller, path: EntityPath): repository.EntityParent {
  return { portalId: caller.portalId, courseId: path.courseId, batchId: path.batchId, moduleId: path.moduleId };
}

/**
 * The parent as the caller may see it (404 unknown, 403 hidden, 400 wrong family), and the module when named.
 * `wholeParent` (a course's or batch's list across its modules) checks the family and the batch like a module path.
 */
export async function resolveRead(
  context: AppContext,
  db: Db,
  caller: Caller,
  path: EntityPath,
  wholeParent = false,
): Promise<Resolved> {
  let view: Awaited<ReturnType<typeof getCourseView>>;
  if (path.moduleId === null && !wholeParent) view = await getCourseView(db, caller, path.courseId);
  else view = (await readParent(db, caller, path.courseId, path.batchId)).view;
  if (path.moduleId !== null) await requireModuleRow(db, caller, path);
  const inModules = path.moduleId !== null || wholeParent;
  const place = { portalId: caller.portalId, courseId: path.courseId, batchId: path.batchId };
  return {
    parent: parentOf(caller, path),
    canManage: canManage(rolesOnCourse(caller, view.relations)),
    today: await today(context, db, caller.portalId),
    locks: inModules && view.relations.isLearner ? await learnerLocks(db, context, place, caller.erecno) : null,
  };
}

/** The parent for a write: the caller must manage the course; the course row is locked on PostgreSQL. */
export async function resolveWrite(context: AppContext, db: Db, caller: Caller, path: EntityPath): Promise<Resolved> {
  if (path.moduleId === null) await loadForChange(context, db, caller, path.courseId);
  else await changeParent(context, db, caller, path.courseId, path.batchId);
  if (path.moduleId !== null) await requireModuleRow(db, caller, path);
  return {
    parent: parentOf(caller, path),
    canManage: true,
    today: await today(context, db, caller.portalId),
    locks: null,
  };
}

/** 404 unless the module of the path exists under its course or batch. */
export async function requireModuleRow(db: Db, caller: Caller, path: EntityPath): Promise<void> {
  const found = await repository.moduleExists(db, caller.portalId, path.courseId, path.batchId, path.moduleId!);
  if (!found) throw notFound('module', path.moduleId!);
}

/** The view of a row for a caller whose standing is settled. */
export function viewOf(row: ModuleEntityTable, resolved: Resolved): EntityView {
  const mine = resolved.locks?.entities.get(row.id);
  return {
    row,
    settings: JSON.parse(row.settings) as Record<string, any>,
    isLocked: mine?.isLocked ?? (row.lock_until !== null && resolved.today < row.lock_until),
    canManage: resolved.canManage,
    canMarkAsComplete: mine?.canMarkAsComplete ?? false,
  };
}

/** The entity of the kind under the parent, or 404 naming `what`. */
export async function findOrFail(db: Db, resolved: Resolved, entityType: number, entityId: string, what: string) {
  const row = await repository.findEntity(db, resolved.parent, entityType, entityId);
  if (row === undefined) throw notFound(what, entityId);
  return row;
}
