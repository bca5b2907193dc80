/**
 * Factories for the Session, Trainer and calendar tests: a blended course with a batch and a module (batch and module
 * rows written straight into their tables), the demo portal's trainers, rooms and grade categories, and session calls.
 */

import { expect } from 'vitest';
import { createBlendedCourse, insertBatch } from './blended.ts';
import { jsonType } from './courses.ts';
import { enrol } from './enrolments.ts';
import { readSeedPage } from './seed-samples.ts';
import type { TestLectern } from './test-app.ts';

/** Where a session lives. */
export interface ModulePath {
  courseId: string;
  batchId: string;
  moduleId: string;
}

let moduleNumber = 0;

/** Inserts a module of a batch into `course_modules` directly; answers its id. */
export async function insertModule(
  lectern: TestLectern,
  courseId: string,
  batchId: string,
  portalId = lectern.portalId,
): Promise<string> {
  const id = lectern.app.lectern.ids.next();
  const now = lectern.clock.now();
  await lectern.app.lectern.db
    .insertInto('course_modules')
    .values({
      id,
      portal_id: portalId,
      course_id: courseId,
      batch_id: batchId,
      name: `Module ${++moduleNumber}`,
      description: '',
      duration_minutes: null,
      lock_type: 0,
      lock_until: null,
      position: moduleNumber,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A blended course with one batch (dates `YYYY-MM-DD`, Jan to Mar 2026 unless given) and one module of it. */
export async function createBatchModule(
  lectern: TestLectern,
  dates: { startDate: string; endDate: string } = { startDate: '2026-01-01', endDate: '2026-03-31' },
  token = lectern.adminToken,
): Promise<ModulePath> {
  const courseId = await createBlendedCourse(lectern, token);
  const batchId = await insertBatch(lectern, courseId, dates);
  const moduleId = await insertModule(lectern, courseId, batchId);
  return { courseId, batchId, moduleId };
}

/** A cancelled Jan to Mar 2026 batch of a course, with a module of it. */
export async function cancelledBatchModule(lectern: TestLectern, courseId: string): Promise<ModulePath> {
  const dates = { startDate: '2026-01-01', endDate: '2026-03-31' };
  const batchId = await insertBatch(lectern, courseId, { ...dates, publishStatus: 'cancelled' });
  return { courseId, batchId, moduleId: await insertModule(lectern, courseId, batchId) };
}

/** The demo portal's employee of that display name. */
export function erecnoOf(lectern: TestLectern, name: string): string {
  const employee = lectern.employees.find((candidate) => candidate.display_name === name);
  if (employee === undefined) throw new Error(`the demo portal has no ${name}`);
  return employee.erecno;
}

/** The demo portal's rooms by name. */
export async function roomsOf(lectern: TestLectern, portalId = lectern.portalId): Promise<Record<string, string>> {
  const rows = await lectern.app.lectern.db
    .selectFrom('rooms')
    .select(['id', 'name'])
    .where('portal_id', '=', portalId)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.name, row.id]));
}

/** The portal's categories of one kind by name. */
export async function categoriesOfKind(
  lectern: TestLectern,
  kind: 'course' | 'grade',
): Promise<Record<string, string>> {
  const rows = await lectern.app.lectern.db
    .selectFrom('categories')
    .select(['id', 'name'])
    .where('portal_id', '=', lectern.portalId)
    .where('kind', '=', kind)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.name, row.id]));
}

/** The URL of a module's sessions, or of one session (and an action under it). */
export function sessionsUrl(path: ModulePath, sessionId?: string, action?: string): string {
  const base = `/api/v1/courses/${path.courseId}/batches/${path.batchId}/modules/${path.moduleId}/sessions`;
  return [base, sessionId, action].filter(Boolean).join('/');
}

let slotNumber = 0;

/**
 * A free hour in February 2026 for each call (28 days, 8 AM to 4 PM), so that sessions made by different tests of a
 * file never double-book the demo portal's trainers and rooms.
 */
export function nextSlot(): { date: string; startTime: string; endTime: string } {
  const slot = slotNumber++;
  const day = String(1 + (slot % 28)).padStart(2, '0');
  const hour = 8 + (Math.floor(slot / 28) % 8);
  const text = (h: number) => `${String(h > 12 ? h - 12 : h).padStart(2, '0')}:00 ${h >= 12 ? 'PM' : 'AM'}`;
  return { date: `${day}-02-2026`, startTime: text(hour), endTime: text(hour + 1) };
}

/** A valid sessionData for the portal: Chen Wei in Room One, in a free hour of February 2026. */
export async function sessionData(lectern: TestLectern, overrides: Record<string, unknown> = {}) {
  const rooms = await roomsOf(lectern);
  return {
    name: 'Session API Testing',
    trainerErecno: erecnoOf(lectern, 'Chen Wei'),
    type: '0',
    ...nextSlot(),
    description: 'API testing',
    roomId: rooms['Room One'],
    ...overrides,
  };
}

/** POSTs a session with sessionData as a bare JSON body (the raw response). */
export function postSession(lectern: TestLectern, path: ModulePath, data: object, token = lectern.adminToken) {
  return lectern.app.inject({
    method: 'POST',
    url: sessionsUrl(path),
    headers: { ...lectern.auth(token), ...jsonType },
    payload: JSON.stringify(data),
  });
}

/** PATCHes a session with sessionData as a bare JSON body (the raw response). */
export function patchSession(
  lectern: TestLectern,
  path: ModulePath,
  sessionId: string,
  data: object,
  token = lectern.adminToken,
) {
  return lectern.app.inject({
    method: 'PATCH',
    url: sessionsUrl(path, sessionId),
    headers: { ...lectern.auth(token), ...jsonType },
    payload: JSON.stringify(data),
  });
}

/** Creates a session (expecting success) and answers Zoho's session object. */
export async function createSession(
  lectern: TestLectern,
  path: ModulePath,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const response = await postSession(lectern, path, await sessionData(lectern, overrides));
  expect(response.statusCode, response.body).toBe(200);
  return response.json().session;
}

/** The `session` of the Update Session page's sample response, read from the seed page. */
export function sampleSession(): Record<string, unknown> {
  const text = readSeedPage('update-session.txt');
  const start = text.indexOf('Copied{');
  const end = text.indexOf('Show full', start);
  return JSON.parse(text.slice(start + 'Copied'.length, end)).session;
}

/** What insertSession may be told; the date is `YYYY-MM-DD`. Anything else takes a plain default. */
export interface SessionRowOptions {
  date: string;
  /** The row's id: a new one unless given. */
  id?: string;
  name?: string;
  startMinute?: number;
  endMinute?: number;
  trainerErecno?: string;
  sequence?: number;
  /** When the row was created and last updated: now unless given. */
  createdAt?: number;
}

/** Inserts a session (10:00 to 11:00, the portal admin as trainer, unless told) into `class_sessions`; its id. */
export async function insertSession(
  lectern: TestLectern,
  path: ModulePath,
  options: SessionRowOptions,
): Promise<string> {
  const id = options.id ?? lectern.app.lectern.ids.next();
  const now = options.createdAt ?? lectern.clock.now();
  await lectern.app.lectern.db
    .insertInto('class_sessions')
    .values({
      id,
      portal_id: lectern.portalId,
      course_id: path.courseId,
      batch_id: path.batchId,
      module_id: path.moduleId,
      name: options.name ?? 'Session',
      description: '',
      session_type: 0,
      date: options.date,
      start_minute: options.startMinute ?? 600,
      end_minute: options.endMinute ?? 660,
      trainer_erecno: options.trainerErecno ?? lectern.adminErecno,
      room_id: null,
      lock_until: null,
      grade_category_id: null,
      sequence: options.sequence ?? 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Marks the portal admin present at a session, in `session_attendance` directly. */
export async function insertAttendance(lectern: TestLectern, sessionId: string): Promise<void> {
  await lectern.app.lectern.db
    .insertInto('session_attendance')
    .values({
      portal_id: lectern.portalId,
      session_id: sessionId,
      erecno: lectern.adminErecno,
      status: 'present',
      marked_by: lectern.adminErecno,
      marked_at: lectern.clock.now(),
    })
    .execute();
}

/** A room, a trainer and a grade category of another portal, for the foreign-id checks. */
export interface ForeignStaff {
  roomId: string;
  trainer: string;
  grade: string;
}

/** The first room, trainer and grade category of the given portal. */
export async function foreignStaff(lectern: TestLectern, portalId: string): Promise<ForeignStaff> {
  const db = lectern.app.lectern.db;
  const room = await db.selectFrom('rooms').select('id').where('portal_id', '=', portalId).executeTakeFirstOrThrow();
  const trainer = await db
    .selectFrom('employees')
    .select('erecno')
    .where('portal_id', '=', portalId)
    .where('is_trainer', '=', 1)
    .executeTakeFirstOrThrow();
  const grade = await db
    .selectFrom('categories')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('kind', '=', 'grade')
    .executeTakeFirstOrThrow();
  return { roomId: room.id, trainer: trainer.erecno, grade: grade.id };
}

/** Another portal of the same store, its token, a module of a blended batch there, and its staff. */
export interface ForeignPortal extends ForeignStaff {
  portalId: string;
  token: string;
  path: ModulePath;
}

/** Makes another portal with a blended course, a Jan to Mar 2026 batch and a module in it. */
export async function foreignPortalWithModule(lectern: TestLectern): Promise<ForeignPortal> {
  const portal = await lectern.otherPortal();
  const courseId = await createBlendedCourse(lectern, portal.token);
  const batchId = await insertBatch(lectern, courseId, {
    startDate: '2026-01-01',
    endDate: '2026-03-31',
    portalId: portal.portalId,
  });
  const moduleId = await insertModule(lectern, courseId, batchId, portal.portalId);
  return { ...portal, path: { courseId, batchId, moduleId }, ...(await foreignStaff(lectern, portal.portalId)) };
}

/**
 * A session of a fresh published batch whose seats (as many as `seated`) are all taken by the named learners, and
 * whose waitlist holds the `waiting` ones: the attendance tests' world.
 */
export async function sessionWithSeatedLearners(
  lectern: TestLectern,
  seated: readonly string[],
  waiting: readonly string[],
): Promise<{ path: ModulePath; session: Record<string, any> }> {
  const path = await createBatchModule(lectern);
  const session = await createSession(lectern, path, { trainerErecno: erecnoOf(lectern, 'Divya Raman'), roomId: '' });
  await lectern.app.lectern.db
    .updateTable('batches')
    .set({ publish_status: 'published', maximum_capacity: seated.length, allow_waitlisting: 1 })
    .where('id', '=', path.batchId)
    .execute();
  const statuses = await enrol(
    lectern,
    path,
    [...seated, ...waiting].map((name) => erecnoOf(lectern, name)),
  );
  expect(statuses).toEqual([...seated.map(() => 'enrolled'), ...waiting.map(() => 'waitlisted')]);
  return { path, session };
}
