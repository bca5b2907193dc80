/**
 * What other features rely on: deleting a module takes its sessions and attendance with it, and the service's
 * contract functions requireModule and cloneModuleTree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../src/access/caller.ts';
import { LmsError } from '../src/errors.ts';
import { cloneModuleTree, deleteParentModules, requireModule } from '../src/features/modules/module.service.ts';
import { findCaller } from '../src/features/people/token.repository.ts';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { createCourse, jsonType, personNamed } from './helpers/courses.ts';
import { insertAttendance, insertSession } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let admin: Caller;
let courseId: string;
let batchId: string;
let url: string;

beforeAll(async () => {
  lectern = await createTestLectern();
  admin = (await findCaller(lectern.app.lectern.db, lectern.adminToken))!;
  courseId = await createBlendedCourse(lectern);
  batchId = await insertBatch(lectern, courseId, { startDate: '2026-02-01', endDate: '2026-02-28' });
  url = `/api/v1/courses/${courseId}/batches/${batchId}/modules`;
});
afterAll(() => lectern.close());

async function create(parentUrl: string, data: Record<string, unknown>): Promise<Record<string, any>> {
  const response = await lectern.app.inject({
    method: 'POST',
    url: parentUrl,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify(data),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().module;
}

/** Writes a session with one attendance row straight into the tables (the Session API is another feature's). */
async function insertSessionWithAttendance(moduleId: string): Promise<string> {
  const trainerErecno = (await personNamed(lectern, 'Chen Wei')).erecno;
  const id = await insertSession(lectern, { courseId, batchId, moduleId }, { date: '2026-02-10', trainerErecno });
  await insertAttendance(lectern, id);
  return id;
}

async function sessionRows(sessionIds: string[]) {
  const db = lectern.app.lectern.db;
  const sessions = await db.selectFrom('class_sessions').select('id').where('id', 'in', sessionIds).execute();
  const attendance = await db
    .selectFrom('session_attendance')
    .select('session_id')
    .where('session_id', 'in', sessionIds)
    .execute();
  return { sessions: sessions.map((row) => row.id).sort(), attendance: attendance.map((row) => row.session_id).sort() };
}

describe('delete', () => {
  it("deletes the module's sessions and their attendance, and leaves other modules' sessions", async () => {
    const doomed = await create(url, { name: 'Doomed' });
    const kept = await create(url, { name: 'Kept' });
    const doomedSessions = [
      await insertSessionWithAttendance(doomed.moduleId),
      await insertSessionWithAttendance(doomed.moduleId),
    ];
    const keptSession = await insertSessionWithAttendance(kept.moduleId);
    const response = await lectern.app.inject({
      method: 'DELETE',
      url: `${url}/${doomed.moduleId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await sessionRows([...doomedSessions, keptSession])).toEqual({
      sessions: [keptSession],
      attendance: [keptSession],
    });
  });

  it('deletes nothing when refused', async () => {
    const target = await create(url, { name: 'Protected' });
    const session = await insertSessionWithAttendance(target.moduleId);
    const readOnly = await lectern.token(['READ']);
    const plain = await personNamed(lectern, 'Julia Moreau');
    for (const token of [readOnly, plain.token]) {
      const response = await lectern.app.inject({
        method: 'DELETE',
        url: `${url}/${target.moduleId}`,
        headers: lectern.auth(token),
      });
      expect(response.statusCode).toBe(403);
    }
    expect(await sessionRows([session])).toEqual({ sessions: [session], attendance: [session] });
  });
});

describe('requireModule', () => {
  it('answers the course, the batch and the module', async () => {
    const created = await create(url, { name: 'Required', duration: 5 });
    const found = await requireModule(lectern.app.lectern.db, admin, courseId, batchId, created.moduleId);
    expect(found.course.id).toBe(courseId);
    expect(found.batch?.id).toBe(batchId);
    expect(found.courseModule).toMatchObject({ id: created.moduleId, name: 'Required', duration_minutes: 5 });
  });

  it('answers a null batch for a self-paced course', async () => {
    const selfPaced = (await createCourse(lectern, lectern.adminToken)).courseId;
    const created = await create(`/api/v1/courses/${selfPaced}/modules`, { name: 'Own' });
    const found = await requireModule(lectern.app.lectern.db, admin, selfPaced, null, created.moduleId);
    expect(found.batch).toBeNull();
    expect(found.courseModule.batch_id).toBeNull();
  });

  it('throws 404 for a module of another batch, 400 for the wrong family, 403 for a hidden course', async () => {
    const created = await create(url, { name: 'Elsewhere' });
    const otherBatch = await insertBatch(lectern, courseId, { startDate: '2026-05-01', endDate: '2026-05-31' });
    const db = lectern.app.lectern.db;
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: LmsError) => (error instanceof LmsError ? [error.status, error.code] : error),
      );
    expect(await failure(requireModule(db, admin, courseId, otherBatch, created.moduleId))).toEqual([404, '404']);
    expect(await failure(requireModule(db, admin, courseId, null, created.moduleId))).toEqual([
      400,
      'UNSUPPORTED_OPERATION',
    ]);
    const plainToken = (await personNamed(lectern, 'Julia Moreau')).token;
    const plain = (await findCaller(db, plainToken))!;
    expect(await failure(requireModule(db, plain, courseId, batchId, created.moduleId))).toEqual([403, '403']);
  });
});

describe('cloneModuleTree', () => {
  it("copies a batch's modules in order into another batch and maps the ids", async () => {
    const source = await insertBatch(lectern, courseId, { startDate: '2026-06-01', endDate: '2026-06-30' });
    const target = await insertBatch(lectern, courseId, { startDate: '2026-07-01', endDate: '2026-07-31' });
    const sourceUrl = `/api/v1/courses/${courseId}/batches/${source}/modules`;
    const targetUrl = `/api/v1/courses/${courseId}/batches/${target}/modules`;
    const names = ['Zeta', 'Alpha', 'Mu'];
    const originals = [];
    for (const name of names) {
      originals.push(await create(sourceUrl, { name, duration: 20, lockType: 1, lockUntil: '01-07-2026' }));
    }
    const existing = await create(targetUrl, { name: 'Already there' });
    const context = lectern.app.lectern;
    const idMap = await context.db.transaction().execute((trx) =>
      cloneModuleTree(trx, {
        portalId: lectern.portalId,
        fromBatchId: source,
        toBatchId: target,
        ids: context.ids,
        now: lectern.clock.now(),
      }),
    );
    expect([...idMap.keys()]).toEqual(originals.map((original) => original.moduleId));
    const listed = (await lectern.app.inject({ url: targetUrl, headers: lectern.auth(lectern.adminToken) })).json()
      .modules;
    expect(listed.map((item: any) => item.moduleName)).toEqual(['Already there', ...names]);
    expect(listed[0].moduleId).toBe(existing.moduleId);
    for (const [index, original] of originals.entries()) {
      expect(listed[index + 1]).toEqual({ ...original, moduleId: idMap.get(original.moduleId), batchId: target });
    }
    // The source keeps its modules.
    const sourceList = (await lectern.app.inject({ url: sourceUrl, headers: lectern.auth(lectern.adminToken) })).json()
      .modules;
    expect(sourceList.map((item: any) => item.moduleId)).toEqual(originals.map((original) => original.moduleId));
  });

  it('answers an empty map for a batch without modules', async () => {
    const empty = await insertBatch(lectern, courseId, { startDate: '2026-08-01', endDate: '2026-08-31' });
    const target = await insertBatch(lectern, courseId, { startDate: '2026-09-01', endDate: '2026-09-30' });
    const context = lectern.app.lectern;
    const idMap = await cloneModuleTree(context.db, {
      portalId: lectern.portalId,
      fromBatchId: empty,
      toBatchId: target,
      ids: context.ids,
      now: lectern.clock.now(),
    });
    expect(idMap.size).toBe(0);
  });
});

describe('deleteParentModules', () => {
  async function names(parentUrl: string): Promise<string[]> {
    const response = await lectern.app.inject({ url: parentUrl, headers: lectern.auth(lectern.adminToken) });
    return response.json().modules.map((item: any) => item.moduleName);
  }

  it("deletes one batch's modules, or one course's own modules, and nothing else", async () => {
    const first = await insertBatch(lectern, courseId, { startDate: '2026-10-01', endDate: '2026-10-31' });
    const second = await insertBatch(lectern, courseId, { startDate: '2026-11-01', endDate: '2026-11-30' });
    const firstUrl = `/api/v1/courses/${courseId}/batches/${first}/modules`;
    const secondUrl = `/api/v1/courses/${courseId}/batches/${second}/modules`;
    await create(firstUrl, { name: 'Gone' });
    await create(secondUrl, { name: 'Stays' });
    const selfPaced = (await createCourse(lectern, lectern.adminToken)).courseId;
    const otherSelfPaced = (await createCourse(lectern, lectern.adminToken)).courseId;
    await create(`/api/v1/courses/${selfPaced}/modules`, { name: 'Own' });
    await create(`/api/v1/courses/${otherSelfPaced}/modules`, { name: 'Other own' });
    const db = lectern.app.lectern.db;
    await deleteParentModules(db, { portalId: lectern.portalId, courseId, batchId: first });
    expect(await names(firstUrl)).toEqual([]);
    expect(await names(secondUrl)).toEqual(['Stays']);
    await deleteParentModules(db, { portalId: lectern.portalId, courseId: selfPaced, batchId: null });
    expect(await names(`/api/v1/courses/${selfPaced}/modules`)).toEqual([]);
    expect(await names(`/api/v1/courses/${otherSelfPaced}/modules`)).toEqual(['Other own']);
  });
});
