/** What other features call on sessions: counts, date ranges, cloning and bulk deletes (session.service.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSessionDateRange } from '../src/features/batches/batch.repository.ts';
import {
  cloneBatchSessions,
  countBatchSessions,
  deleteBatchSessions,
  deleteModuleSessions,
} from '../src/features/sessions/session.service.ts';
import { insertBatch } from './helpers/blended.ts';
import { seatLearners } from './helpers/enrolments.ts';
import {
  createBatchModule,
  createSession,
  erecnoOf,
  insertModule,
  type ModulePath,
  sessionsUrl,
} from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

async function trainerRows(courseId: string): Promise<string[]> {
  const rows = await lectern.app.lectern.db
    .selectFrom('course_members')
    .select('erecno')
    .where('course_id', '=', courseId)
    .where('relation', '=', 'trainer')
    .orderBy('erecno')
    .execute();
  return rows.map((row) => row.erecno);
}

describe('countBatchSessions and findSessionDateRange', () => {
  it('count a batch sessions and give their first and last dates', async () => {
    const path = await createBatchModule(lectern);
    const db = lectern.app.lectern.db;
    expect(await countBatchSessions(db, path.batchId)).toBe(0);
    expect(await findSessionDateRange(db, path.batchId)).toBeUndefined();
    await createSession(lectern, path, { date: '20-01-2026', roomId: '' });
    await createSession(lectern, path, { date: '02-03-2026', roomId: '' });
    expect(await countBatchSessions(db, path.batchId)).toBe(2);
    expect(await findSessionDateRange(db, path.batchId)).toEqual({ first: '2026-01-20', last: '2026-03-02' });
  });
});

describe('cloneBatchSessions', () => {
  it('copies the sessions into the mapped modules, shifted by whole days, without attendance', async () => {
    const path: ModulePath = await createBatchModule(lectern);
    const secondModule = await insertModule(lectern, path.courseId, path.batchId);
    const unmapped = await insertModule(lectern, path.courseId, path.batchId);
    const a = await createSession(lectern, path, { name: 'A', date: '30-01-2026', lockUntil: '28-01-2026' });
    await createSession(lectern, { ...path, moduleId: secondModule }, { name: 'B', date: '31-03-2026', roomId: '' });
    await createSession(lectern, { ...path, moduleId: unmapped }, { name: 'Skipped', roomId: '' });
    await seatLearners(lectern, path, [erecnoOf(lectern, 'Hana Sato')]);
    await lectern.app.inject({
      method: 'POST',
      url: `${sessionsUrl(path, a.sessionId, 'markAttendance')}?learnerErecno=${erecnoOf(lectern, 'Hana Sato')}&status=Present`,
      headers: lectern.auth(lectern.adminToken),
    });

    const target = await insertBatch(lectern, path.courseId, { startDate: '2026-04-01', endDate: '2026-06-30' });
    const firstCopy = await insertModule(lectern, path.courseId, target);
    const secondCopy = await insertModule(lectern, path.courseId, target);
    const db = lectern.app.lectern.db;
    const copied = await db.transaction().execute((trx) =>
      cloneBatchSessions(trx, {
        portalId: lectern.portalId,
        fromBatchId: path.batchId,
        toBatchId: target,
        moduleIdMap: new Map([
          [path.moduleId, firstCopy],
          [secondModule, secondCopy],
        ]),
        dayShift: 63,
        ids: lectern.app.lectern.ids,
        now: lectern.clock.now(),
      }),
    );
    expect(copied).toBe(2);
    const response = await lectern.app.inject({
      url: `/api/v1/courses/${path.courseId}/batches/${target}/sessions`,
      headers: lectern.auth(lectern.adminToken),
    });
    const sessions = response.json().sessions;
    expect(sessions).toEqual([
      {
        ...a,
        sessionId: expect.not.stringMatching(a.sessionId),
        moduleId: firstCopy,
        sessionStartDate: '03-04-2026',
        lockUntil: '01-04-2026',
        totalLearnersCount: 0,
        presentLeanersCount: 0,
      },
      expect.objectContaining({ sessionName: 'B', moduleId: secondCopy, sessionStartDate: '02-06-2026' }),
    ]);
    expect(await countBatchSessions(db, path.batchId)).toBe(3);
  });
});

describe('deleteBatchSessions and deleteModuleSessions', () => {
  it('delete sessions with their attendance and drop the trainer rows no session supports', async () => {
    const path = await createBatchModule(lectern);
    const otherModule = await insertModule(lectern, path.courseId, path.batchId);
    const secondBatch = await insertBatch(lectern, path.courseId, { startDate: '2026-01-01', endDate: '2026-03-31' });
    const secondPath = {
      ...path,
      batchId: secondBatch,
      moduleId: await insertModule(lectern, path.courseId, secondBatch),
    };
    const chen = erecnoOf(lectern, 'Chen Wei');
    const rosa = erecnoOf(lectern, 'Rosa Alvarez');
    const beatriz = erecnoOf(lectern, 'Beatriz Santos');
    const first = await createSession(lectern, path, { trainerErecno: chen, roomId: '' });
    await createSession(lectern, { ...path, moduleId: otherModule }, { trainerErecno: rosa, roomId: '' });
    await createSession(lectern, secondPath, { trainerErecno: chen, roomId: '' });
    await createSession(lectern, secondPath, { trainerErecno: beatriz, roomId: '' });
    await seatLearners(lectern, path, [erecnoOf(lectern, 'Hana Sato')]);
    await lectern.app.inject({
      method: 'POST',
      url: `${sessionsUrl(path, first.sessionId, 'markAttendance')}?learnerErecno=${erecnoOf(lectern, 'Hana Sato')}&status=Present`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(await trainerRows(path.courseId)).toEqual([chen, rosa, beatriz].sort());

    const db = lectern.app.lectern.db;
    const now = lectern.clock.now();
    await db
      .transaction()
      .execute((trx) => deleteModuleSessions(trx, { portalId: lectern.portalId, moduleIds: [otherModule], now }));
    expect(await trainerRows(path.courseId)).toEqual([chen, beatriz].sort());
    await db
      .transaction()
      .execute((trx) => deleteBatchSessions(trx, { portalId: lectern.portalId, batchId: path.batchId, now }));
    expect(await countBatchSessions(db, path.batchId)).toBe(0);
    // Chen still trains in the second batch.
    expect(await trainerRows(path.courseId)).toEqual([chen, beatriz].sort());
    const attendance = await db
      .selectFrom('session_attendance')
      .selectAll()
      .where('session_id', '=', first.sessionId)
      .execute();
    expect(attendance).toEqual([]);
    await db
      .transaction()
      .execute((trx) => deleteBatchSessions(trx, { portalId: lectern.portalId, batchId: secondBatch, now }));
    expect(await trainerRows(path.courseId)).toEqual([]);
  });
});
