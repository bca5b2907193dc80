/**
 * Factories for the Session, Trainer and calendar tests: a blended course with a batch and a module (batch and module
 * rows written straight into their tables), the demo portal's trainers, rooms and grade categories, and session calls.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createBlendedCourse, insertBatch } from './blended.ts';
import { jsonType } from './courses.ts';
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
  const text = readFileSync(new URL('../../../shared/seeds/update-session.txt', import.meta.url), 'utf8');
  const start = text.indexOf('Copied{');
  const end = text.indexOf('Show full', start);
  return JSON.parse(text.slice(start + 'Copied'.length, end)).session;
}
