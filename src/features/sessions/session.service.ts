/** The Session API's rules: sessions of blended batch modules, with their trainer, room and attendance. */
import type { Static } from '@sinclair/typebox';
import { type Caller, canManage, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { ClassSessionTable, Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { recordEvents } from '../../events/index.ts';
import { loadBatchForChange, requireBatch } from '../batches/index.ts';
import { loadViews } from '../courses/index.ts';
import { requireModule } from '../modules/index.ts';
import * as repository from './session.repository.ts';
import type { SessionDataInput, SessionUpdateInput } from './session.schemas.ts';
import { findRoomForBooking, findTrainerForBooking, syncCourseTrainers } from './session-booking.repository.ts';
import {
  changesCalendar,
  checkConflicts,
  checkGradeCategory,
  checkInsideBatch,
  checkRoom,
  checkTrainer,
  optionalId,
  parseLockUntil,
  parseSlot,
  type SessionSlot,
} from './session-booking.ts';
import { sessionEvent } from './session-events.ts';

export {
  cloneBatchSessions,
  countBatchSessions,
  deleteBatchSessions,
  deleteModuleSessions,
  findBatchTrainer,
  findNextSessionOfTrainer,
  listCancelledFeedSessions,
  listFeedSessions,
} from './session-bulk.ts';

type SessionInput = Static<typeof SessionDataInput>;
type SessionUpdate = Static<typeof SessionUpdateInput>;

/** Where a session lives. */
export interface SessionPath {
  courseId: string;
  batchId: string;
  moduleId: string;
}

/** Options of a session change. */
export interface SessionChangeOptions {
  /** notifyApplicableUsers (Lectern's addition, default true): tell the batch's people, once it is published. */
  notify: boolean;
}

/** Sessions to present, whether the caller manages the course, and booking clashes accepted with a warning. */
export interface SessionResult {
  rows: repository.SessionRow[];
  canManage: boolean;
  warnings: string[];
}

/** The module as the caller may see it, and whether the caller manages its course. */
async function readModule(db: Db, caller: Caller, path: SessionPath) {
  const { course } = await requireModule(db, caller, path.courseId, path.batchId, path.moduleId);
  const [view] = await loadViews(db, caller, [course]);
  return { manages: canManage(rolesOnCourse(caller, view!.relations)) };
}

/** For a write: the batch (locked; the caller must manage the course) and its module, or 404. */
async function changeModule(context: AppContext, db: Db, caller: Caller, path: SessionPath) {
  const { batch } = await loadBatchForChange(context, db, caller, path.courseId, path.batchId);
  await requireModule(db, caller, path.courseId, path.batchId, path.moduleId);
  return batch;
}

async function findOrFail(db: Db, caller: Caller, path: SessionPath, sessionId: string, context?: AppContext) {
  const session = await repository.findSession(db, { ...path, portalId: caller.portalId, sessionId }, context?.dialect);
  if (session === undefined) throw notFound('session', sessionId);
  return session;
}

async function viewOf(db: Db, caller: Caller, sessionId: string): Promise<repository.SessionRow> {
  const row = await repository.findSessionView(db, caller.portalId, sessionId);
  if (row === undefined) throw notFound('session', sessionId);
  return row;
}

/** One session as the caller may see it. */
export async function getSession(context: AppContext, caller: Caller, path: SessionPath, sessionId: string) {
  const { manages } = await readModule(context.db, caller, path);
  await findOrFail(context.db, caller, path, sessionId);
  return { rows: [await viewOf(context.db, caller, sessionId)], canManage: manages, warnings: [] };
}

/** A page of a module's sessions (moduleId given) or of a batch's, by date and time. */
export async function listSessions(
  context: AppContext,
  caller: Caller,
  where: { courseId: string; batchId: string; moduleId?: string },
  startIndex: number,
  limit: number,
): Promise<SessionResult> {
  let manages: boolean;
  if (where.moduleId === undefined) {
    const { view } = await requireBatch(context.db, caller, where.courseId, where.batchId);
    manages = canManage(rolesOnCourse(caller, view.relations));
  } else {
    manages = (await readModule(context.db, caller, { ...where, moduleId: where.moduleId })).manages;
  }
  const rows = await repository.listSessionViews(
    context.db,
    { ...where, portalId: caller.portalId },
    startIndex,
    limit,
  );
  return { rows, canManage: manages, warnings: [] };
}

/** Schedules a session in a batch module (course managers only), with a session.created.v1 event. */
export async function createSession(
  context: AppContext,
  caller: Caller,
  path: SessionPath,
  input: SessionInput,
  options: SessionChangeOptions = { notify: true },
): Promise<SessionResult> {
  const slot = parseSlot(input);
  const lockUntil = parseLockUntil(input.lockUntil) ?? null;
  const roomId = optionalId(input.roomId) ?? null;
  const gradeCategoryId = optionalId(input.gradeCategoryId) ?? null;
  return context.db.transaction().execute(async (trx) => {
    const batch = await changeModule(context, trx, caller, path);
    checkInsideBatch(slot.date, batch);
    const trainer = await checkTrainer(trx, caller.portalId, input.trainerErecno, context.dialect);
    const room = roomId === null ? null : await checkRoom(trx, caller.portalId, roomId, context.dialect);
    if (gradeCategoryId !== null) await checkGradeCategory(trx, caller.portalId, gradeCategoryId);
    const warnings = await checkConflicts(trx, context.config, {
      portalId: caller.portalId,
      slot,
      trainer: { erecno: trainer.erecno, name: trainer.display_name },
      room,
      zoneRoomId: roomId,
      excludeSessionId: null,
    });
    const now = context.clock.now();
    const session: ClassSessionTable = {
      id: context.ids.next(),
      portal_id: caller.portalId,
      course_id: path.courseId,
      batch_id: path.batchId,
      module_id: path.moduleId,
      name: input.name.trim(),
      description: input.description ?? '',
      session_type: input.type,
      date: slot.date,
      start_minute: slot.startMinute,
      end_minute: slot.endMinute,
      trainer_erecno: trainer.erecno,
      room_id: roomId,
      lock_until: lockUntil,
      grade_category_id: gradeCategoryId,
      sequence: 0,
      created_at: now,
      updated_at: now,
    };
    await repository.insertSessions(trx, [session]);
    await syncCourseTrainers(
      trx,
      { portalId: caller.portalId, courseId: path.courseId },
      [trainer.erecno],
      caller.erecno,
      now,
    );
    const change = { batch, before: null, after: session, by: caller.erecno, at: now, notify: options.notify };
    await recordEvents(trx, context, [sessionEvent('session.created.v1', change)]);
    return { rows: [await viewOf(trx, caller, session.id)], canManage: true, warnings };
  });
}

/** The columns an update sets, keeping only values that differ from the stored ones. */
function changedColumns(current: ClassSessionTable, wanted: Partial<ClassSessionTable>): Partial<ClassSessionTable> {
  const changes: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(wanted)) {
    if (value !== undefined && value !== current[column as keyof ClassSessionTable]) changes[column] = value;
  }
  return changes as Partial<ClassSessionTable>;
}

/**
 * Applies a partial update; `sequence` rises, and a session.updated.v1 event is recorded, only when something a
 * calendar shows changed.
 */
export async function updateSession(
  context: AppContext,
  caller: Caller,
  path: SessionPath,
  sessionId: string,
  input: SessionUpdate,
  options: SessionChangeOptions = { notify: true },
): Promise<SessionResult> {
  const lockUntil = parseLockUntil(input.lockUntil);
  const roomId = optionalId(input.roomId);
  const gradeCategoryId = optionalId(input.gradeCategoryId);
  return context.db.transaction().execute(async (trx) => {
    const batch = await changeModule(context, trx, caller, path);
    const current = await findOrFail(trx, caller, path, sessionId, context);
    const stored: SessionSlot = {
      date: current.date,
      startMinute: current.start_minute,
      endMinute: current.end_minute,
    };
    const slot = parseSlot(input, stored);
    if (input.date !== undefined) checkInsideBatch(slot.date, batch);
    const changes = changedColumns(current, {
      name: input.name?.trim(),
      description: input.description,
      session_type: input.type,
      date: slot.date,
      start_minute: slot.startMinute,
      end_minute: slot.endMinute,
      trainer_erecno: input.trainerErecno,
      room_id: roomId,
      lock_until: lockUntil,
      grade_category_id: gradeCategoryId,
    });
    // References are checked when they change: a saved session stays editable after its trainer stops training.
    const portalId = caller.portalId;
    const newTrainer =
      changes.trainer_erecno === undefined
        ? null
        : await checkTrainer(trx, portalId, changes.trainer_erecno, context.dialect);
    const newRoom = changes.room_id ? await checkRoom(trx, portalId, changes.room_id, context.dialect) : null;
    if (changes.grade_category_id) await checkGradeCategory(trx, portalId, changes.grade_category_id);
    const moved = changes.date !== undefined || changes.start_minute !== undefined || changes.end_minute !== undefined;
    const trainer =
      newTrainer ??
      (moved ? await findTrainerForBooking(trx, portalId, current.trainer_erecno, context.dialect) : null);
    const keptRoomId = changes.room_id === undefined ? current.room_id : null;
    const room =
      newRoom ??
      (moved && keptRoomId !== null ? await findRoomForBooking(trx, portalId, keptRoomId, context.dialect) : null);
    const warnings = await checkConflicts(trx, context.config, {
      portalId,
      slot,
      trainer:
        trainer === null || trainer === undefined ? null : { erecno: trainer.erecno, name: trainer.display_name },
      room: room ?? null,
      zoneRoomId: changes.room_id === undefined ? current.room_id : changes.room_id,
      excludeSessionId: sessionId,
    });
    if (Object.keys(changes).length > 0) {
      const now = context.clock.now();
      const shown = changesCalendar(current, changes);
      const sequence = shown ? current.sequence + 1 : current.sequence;
      await repository.updateSession(trx, portalId, sessionId, { ...changes, sequence, updated_at: now });
      if (shown) {
        const after = { ...current, ...changes, sequence, updated_at: now };
        const change = { batch, before: current, after, by: caller.erecno, at: now, notify: options.notify };
        await recordEvents(trx, context, [sessionEvent('session.updated.v1', change)]);
      }
      if (changes.trainer_erecno !== undefined) {
        const trainers = [current.trainer_erecno, changes.trainer_erecno];
        await syncCourseTrainers(trx, { portalId, courseId: path.courseId }, trainers, caller.erecno, now);
      }
    }
    return { rows: [await viewOf(trx, caller, sessionId)], canManage: true, warnings };
  });
}

/** Deletes a session with its attendance (course managers only), with a session.cancelled.v1 event. */
export async function deleteSession(
  context: AppContext,
  caller: Caller,
  path: SessionPath,
  sessionId: string,
  options: SessionChangeOptions = { notify: true },
) {
  await context.db.transaction().execute(async (trx) => {
    const batch = await changeModule(context, trx, caller, path);
    const session = await findOrFail(trx, caller, path, sessionId, context);
    const now = context.clock.now();
    await repository.deleteSessions(trx, caller.portalId, { sessionIds: [sessionId] }, now);
    const course = { portalId: caller.portalId, courseId: path.courseId };
    await syncCourseTrainers(trx, course, [session.trainer_erecno], caller.erecno, now);
    const change = { batch, before: session, after: null, by: caller.erecno, at: now, notify: options.notify };
    await recordEvents(trx, context, [sessionEvent('session.cancelled.v1', change)]);
  });
}
