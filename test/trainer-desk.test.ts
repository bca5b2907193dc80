/**
 * The trainer desk's API: a trainer's sessions as JSON, a session's roster with attendance, and marks sheets and
 * marks a trainer may give in the batches they train (and nowhere else).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, expectRefusal, setUpWorld } from './helpers/assessments.ts';
import { jsonType } from './helpers/courses.ts';
import { enrol } from './helpers/enrolments.ts';
import {
  createBatchModule,
  createSession,
  erecnoOf,
  type ModulePath,
  sessionWithSeatedLearners,
} from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let path: ModulePath;
let otherPath: ModulePath;
let sessionId: string;
let divya: string;
let chen: string;
let fatima: string;
let gustav: string;
const learners = ['Fatima Zahra', 'Gustav Lind'];

beforeAll(async () => {
  lectern = await createTestLectern();
  // Divya Raman trains a session of one batch (two learners seated); Chen Wei one of another batch.
  const made = await sessionWithSeatedLearners(lectern, learners, []);
  path = made.path;
  sessionId = made.session.sessionId;
  otherPath = await createBatchModule(lectern);
  await createSession(lectern, otherPath, { name: 'Other batch', roomId: '' });
  divya = erecnoOf(lectern, 'Divya Raman');
  chen = erecnoOf(lectern, 'Chen Wei');
  fatima = erecnoOf(lectern, 'Fatima Zahra');
  gustav = erecnoOf(lectern, 'Gustav Lind');
});
afterAll(() => lectern?.close());

const get = (url: string, token: string) => lectern.app.inject({ url, headers: lectern.auth(token) });
const tokenOf = (erecno: string) => lectern.token(['ALL'], erecno);
const attendanceUrl = (at: ModulePath, id: string) =>
  `/lectern/v1/courses/${at.courseId}/batches/${at.batchId}/modules/${at.moduleId}/sessions/${id}/attendance`;

describe("a trainer's sessions", () => {
  it('lists the trainer’s own sessions with their course, batch and instants, to the trainer and to admins', async () => {
    const token = await tokenOf(divya);
    const response = await get(`/lectern/v1/trainers/${divya}/sessions`, token);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ code: 200, hasMoreRecords: false, message: 'success' });
    expect(body.sessions).toHaveLength(1);
    const session = body.sessions[0];
    expect(session).toMatchObject({
      sessionId,
      courseId: path.courseId,
      batchId: path.batchId,
      moduleId: path.moduleId,
      trainerErecno: divya,
      totalLearnersCount: 2,
      canUserEdit: false,
    });
    expect(session.endMillis - session.startMillis).toBe(3_600_000);
    expect(typeof session.courseName).toBe('string');
    const byAdmin = await get(`/lectern/v1/trainers/${divya}/sessions`, lectern.adminToken);
    expect(byAdmin.json().sessions).toHaveLength(1);
  });

  it('keeps to the window of dates asked for', async () => {
    const token = await tokenOf(divya);
    const march = await get(`/lectern/v1/trainers/${divya}/sessions?from=01-03-2026&to=31-03-2026`, token);
    expect(march.statusCode, march.body).toBe(200);
    expect(march.json().sessions).toEqual([]);
    const february = await get(`/lectern/v1/trainers/${divya}/sessions?from=01-02-2026&to=28-02-2026`, token);
    expect(february.json().sessions).toHaveLength(1);
  });

  it('refuses another trainer’s list, bad dates and overlong windows, naming the parameter', async () => {
    const chenToken = await tokenOf(chen);
    const other = await get(`/lectern/v1/trainers/${divya}/sessions`, chenToken);
    expect(other.statusCode, other.body).toBe(403);
    expectRefusal(await get(`/lectern/v1/trainers/${divya}/sessions?from=2026-02-01`, lectern.adminToken), 'from');
    expectRefusal(
      await get(`/lectern/v1/trainers/${divya}/sessions?from=01-02-2026&to=01-01-2026`, lectern.adminToken),
      'to',
    );
    expectRefusal(
      await get(`/lectern/v1/trainers/${divya}/sessions?from=01-01-2026&to=01-01-2028`, lectern.adminToken),
      'to',
    );
    expectRefusal(await get('/lectern/v1/trainers/abc/sessions', lectern.adminToken), 'erecno');
    const unknown = await get('/lectern/v1/trainers/999999999/sessions', lectern.adminToken);
    expect(unknown.statusCode, unknown.body).toBe(404);
  });
});

describe("a session's roster", () => {
  it('lists the seated learners unmarked, then with the marks the bulk call wrote', async () => {
    const token = await tokenOf(divya);
    const before = await get(attendanceUrl(path, sessionId), token);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().learners.map((learner: { status: unknown }) => learner.status)).toEqual([null, null]);
    const marked = await lectern.app.inject({
      method: 'POST',
      url: attendanceUrl(path, sessionId),
      headers: { ...lectern.auth(token), ...jsonType },
      payload: JSON.stringify({
        attendance: [
          { learnerErecno: fatima, status: 'Present' },
          { learnerErecno: gustav, status: 'Absent' },
        ],
      }),
    });
    expect(marked.statusCode, marked.body).toBe(200);
    const after = (await get(attendanceUrl(path, sessionId), token)).json();
    expect(after.session).toMatchObject({ sessionId, presentLeanersCount: 1, totalLearnersCount: 2 });
    expect(after.learners).toEqual([
      expect.objectContaining({ learnerErecno: fatima, displayName: 'Fatima Zahra', status: 'Present' }),
      expect.objectContaining({ learnerErecno: gustav, displayName: 'Gustav Lind', status: 'Absent' }),
    ]);
  });

  it('is refused to a trainer of another session and to learners', async () => {
    for (const erecno of [chen, fatima]) {
      const response = await get(attendanceUrl(path, sessionId), await tokenOf(erecno));
      expect(response.statusCode, response.body).toBe(403);
    }
    const unknown = await get(attendanceUrl(path, '123456789'), lectern.adminToken);
    expect(unknown.statusCode, unknown.body).toBe(404);
  });
});

describe('marks given by trainers', () => {
  async function offlineTestIn(at: ModulePath) {
    const moduleUrl = `/api/v1/courses/${at.courseId}/batches/${at.batchId}/modules/${at.moduleId}/offlineTests`;
    const test = await createItem(lectern, moduleUrl, 'offlineTestData', 'offlineTest', {
      name: 'Practical',
      marks: 20,
      duration: 30,
    });
    const id = test.offlineTestId as string;
    const lecternBase = `/lectern/v1/courses/${at.courseId}/batches/${at.batchId}/modules/${at.moduleId}`;
    return { id, sheetUrl: `${lecternBase}/offlineTests/${id}/marks`, updateUrl: `${moduleUrl}/${id}/updateMarks` };
  }

  const storedMarks = (entityId: string) =>
    lectern.app.lectern.db
      .selectFrom('entity_marks')
      .select(['erecno', 'marks', 'marked_by'])
      .where('entity_id', '=', entityId)
      .execute();

  it('lets the trainer of a batch’s session read the sheet and mark its learners', async () => {
    const { id, sheetUrl, updateUrl } = await offlineTestIn(path);
    const token = await tokenOf(divya);
    const sheet = await get(sheetUrl, token);
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(sheet.json()).toMatchObject({ code: 200, maximumMarks: 20 });
    expect(sheet.json().learners.map((learner: { marks: unknown }) => learner.marks)).toEqual([null, null]);
    const marked = await lectern.app.inject({
      method: 'POST',
      url: updateUrl,
      headers: { ...lectern.auth(token), ...jsonType },
      payload: JSON.stringify({ marksList: [{ learnerErecno: fatima, marks: 18 }] }),
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(await storedMarks(id)).toEqual([{ erecno: fatima, marks: 18, marked_by: divya }]);
    const again = (await get(sheetUrl, token)).json();
    expect(again.learners.map((learner: { marks: unknown }) => learner.marks)).toEqual([18, null]);
  });

  it('refuses a trainer of another batch and learners, writing nothing', async () => {
    const { id, sheetUrl, updateUrl } = await offlineTestIn(path);
    for (const erecno of [chen, fatima]) {
      const token = await tokenOf(erecno);
      expect((await get(sheetUrl, token)).statusCode).toBe(403);
      const marked = await lectern.app.inject({
        method: 'POST',
        url: `${updateUrl}?learnerErecno=${fatima}&marks=5`,
        headers: lectern.auth(token),
      });
      expect(marked.statusCode, marked.body).toBe(403);
    }
    expect(await storedMarks(id)).toEqual([]);
    // Divya trains in the first batch only: the other batch's items stay closed to her.
    const other = await offlineTestIn(otherPath);
    const token = await tokenOf(divya);
    expect((await get(other.sheetUrl, token)).statusCode).toBe(403);
    const refused = await lectern.app.inject({
      method: 'POST',
      url: `${other.updateUrl}?learnerErecno=${fatima}&marks=5`,
      headers: lectern.auth(token),
    });
    expect(refused.statusCode, refused.body).toBe(403);
  });

  it('keeps a self-paced course’s sheet to its managers: trainers have no batch there', async () => {
    const world = await setUpWorld(lectern);
    const family = world.families.find((candidate) => candidate.name === 'self-paced')!;
    await enrol(lectern, { courseId: family.courseId, batchId: null }, [fatima]);
    const test = await createItem(lectern, `${family.moduleUrl}/offlineTests`, 'offlineTestData', 'offlineTest', {
      name: 'Quiz',
      marks: 10,
      duration: 15,
    });
    const sheetUrl = `/lectern/v1/courses/${family.courseId}/modules/${family.moduleId}/offlineTests/${test.offlineTestId}/marks`;
    const byAdmin = await get(sheetUrl, lectern.adminToken);
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json()).toMatchObject({
      maximumMarks: 10,
      learners: [{ learnerErecno: fatima, displayName: 'Fatima Zahra', marks: null }],
    });
    const byTrainer = await get(sheetUrl, await tokenOf(divya));
    expect(byTrainer.statusCode, byTrainer.body).toBe(403);
  });
});
