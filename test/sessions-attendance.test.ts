import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formType, jsonType } from './helpers/courses.ts';
import { enrolUrl } from './helpers/enrolments.ts';
import {
  createSession,
  erecnoOf,
  type ModulePath,
  sessionsUrl,
  sessionWithSeatedLearners,
} from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let path: ModulePath;
let session: Record<string, any>;
/** The batch's six enrolled learners; Mateo Rossi waits for a seat. */
const learners = ['Fatima Zahra', 'Gustav Lind', 'Hana Sato', 'Ivan Petrov', 'Julia Moreau', 'Lena Novak'];
beforeAll(async () => {
  lectern = await createTestLectern();
  ({ path, session } = await sessionWithSeatedLearners(lectern, learners, ['Mateo Rossi']));
  session = { ...session, totalLearnersCount: 6 };
});
afterAll(() => lectern.close());

function mark(
  query: string,
  options: { token?: string | null; payload?: string; headers?: object; sessionId?: string } = {},
) {
  const token = options.token === undefined ? lectern.adminToken : options.token;
  return lectern.app.inject({
    method: 'POST',
    url: `${sessionsUrl(path, options.sessionId ?? session.sessionId, 'markAttendance')}${query}`,
    headers: { ...(token === null ? {} : lectern.auth(token)), ...options.headers },
    ...(options.payload === undefined ? {} : { payload: options.payload }),
  });
}

async function attendanceRows() {
  return lectern.app.lectern.db
    .selectFrom('session_attendance')
    .select(['erecno', 'status', 'marked_by'])
    .where('session_id', '=', session.sessionId)
    .orderBy('erecno')
    .execute();
}

describe('mark attendance', () => {
  it('marks enrolled learners Present or Absent (any case) and counts the batch learners and those present', async () => {
    const fatima = erecnoOf(lectern, 'Fatima Zahra');
    const gustav = erecnoOf(lectern, 'Gustav Lind');
    const hana = erecnoOf(lectern, 'Hana Sato');
    const first = await mark(`?learnerErecno=${fatima}&status=Present`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      code: 200,
      session: { ...session, totalLearnersCount: 6, presentLeanersCount: 1 },
      message: 'success',
    });
    expect((await mark(`?learnerErecno=${gustav}&status=absent`)).json().session).toMatchObject({
      totalLearnersCount: 6,
      presentLeanersCount: 1,
    });
    // A form body, and a JSON body with the erecno as a bare number.
    const form = await mark('', { payload: `learnerErecno=${hana}&status=PRESENT`, headers: formType });
    expect(form.json().session).toMatchObject({ totalLearnersCount: 6, presentLeanersCount: 2 });
    const json = await mark('', { payload: `{"learnerErecno":${gustav},"status":"Present"}`, headers: jsonType });
    expect(json.statusCode, json.body).toBe(200);
    // A second mark replaces the first.
    expect(json.json().session).toMatchObject({ totalLearnersCount: 6, presentLeanersCount: 3 });
    expect(await attendanceRows()).toEqual(
      [
        { erecno: fatima, status: 'present', marked_by: lectern.adminErecno },
        { erecno: gustav, status: 'present', marked_by: lectern.adminErecno },
        { erecno: hana, status: 'present', marked_by: lectern.adminErecno },
      ].sort((a, b) => a.erecno.localeCompare(b.erecno)),
    );
    const fetched = await lectern.app.inject({
      url: sessionsUrl(path, session.sessionId),
      headers: lectern.auth(lectern.adminToken),
    });
    expect(fetched.json().session).toMatchObject({ totalLearnersCount: 6, presentLeanersCount: 3 });
  });

  it('refuses a waitlisted learner and an employee who is not in the batch, naming learnerErecno', async () => {
    const before = await attendanceRows();
    for (const name of ['Mateo Rossi', 'Kofi Mensah']) {
      const response = await mark(`?learnerErecno=${erecnoOf(lectern, name)}&status=Present`);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'learnerErecno' });
      expect(response.json().message).toContain(`${name} (${erecnoOf(lectern, name)}) is not a learner of this batch`);
    }
    expect(await attendanceRows()).toEqual(before);
  });

  it('stops counting a learner who leaves; the promoted one counts instead; their mark stays stored', async () => {
    const other = await createSession(lectern, path, { roomId: '' });
    const lena = erecnoOf(lectern, 'Lena Novak');
    const marked = await mark(`?learnerErecno=${lena}&status=Present`, { sessionId: other.sessionId });
    expect(marked.json().session).toMatchObject({ totalLearnersCount: 6, presentLeanersCount: 1 });
    const left = await lectern.app.inject({
      method: 'POST',
      url: `${enrolUrl(path, 'unenroll')}?erecnosList=[${lena}]`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(left.statusCode, left.body).toBe(200);
    const fetched = await lectern.app.inject({
      url: sessionsUrl(path, other.sessionId),
      headers: lectern.auth(lectern.adminToken),
    });
    // Mateo Rossi took Lena's seat: still six learners, none of them present.
    expect(fetched.json().session).toMatchObject({ totalLearnersCount: 6, presentLeanersCount: 0 });
    const mateo = await mark(`?learnerErecno=${erecnoOf(lectern, 'Mateo Rossi')}&status=Present`, {
      sessionId: other.sessionId,
    });
    expect(mateo.statusCode, mateo.body).toBe(200);
    expect(mateo.json().session).toMatchObject({ totalLearnersCount: 6, presentLeanersCount: 1 });
    const kept = await lectern.app.lectern.db
      .selectFrom('session_attendance')
      .select('status')
      .where('session_id', '=', other.sessionId)
      .where('erecno', '=', lena)
      .execute();
    expect(kept).toEqual([{ status: 'present' }]);
  });

  it('writes an attendance.marked.v1 history entry per mark, with the mark before and after', async () => {
    const ivan = erecnoOf(lectern, 'Ivan Petrov');
    await mark(`?learnerErecno=${ivan}&status=Absent`);
    await mark(`?learnerErecno=${ivan}&status=Present`);
    const history = await lectern.app.inject({
      url: `/lectern/v1/learners/${ivan}/history?type=attendance.marked.v1`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(history.statusCode, history.body).toBe(200);
    const entries = history.json().history.filter((entry: any) => entry.subject.id === session.sessionId);
    expect(entries.slice(-2)).toEqual([
      expect.objectContaining({
        type: 'attendance.marked.v1',
        courseId: path.courseId,
        batchId: path.batchId,
        by: expect.objectContaining({ erecno: lectern.adminErecno }),
        subject: { kind: 'session', id: session.sessionId },
        after: { status: 'absent' },
      }),
      expect.objectContaining({ before: { status: 'absent' }, after: { status: 'present' } }),
    ]);
  });

  it("lets the session's trainer mark, not another trainer or a plain employee", async () => {
    const learner = erecnoOf(lectern, 'Ivan Petrov');
    const divya = await lectern.token(['CREATE'], erecnoOf(lectern, 'Divya Raman'));
    const byTrainer = await mark(`?learnerErecno=${learner}&status=Present`, { token: divya });
    expect(byTrainer.statusCode, byTrainer.body).toBe(200);
    expect(byTrainer.json().session).toMatchObject({ canUserEdit: false, canUserDelete: false });
    const chen = await lectern.token(['ALL'], erecnoOf(lectern, 'Chen Wei'));
    expect((await mark(`?learnerErecno=${learner}&status=Absent`, { token: chen })).statusCode).toBe(403);
    const plain = await lectern.token(['ALL'], learner);
    expect((await mark(`?learnerErecno=${learner}&status=Absent`, { token: plain })).statusCode).toBe(403);
  });

  it('needs CREATE (not UPDATE) and a token', async () => {
    const learner = erecnoOf(lectern, 'Julia Moreau');
    const update = await lectern.token(['UPDATE']);
    expect((await mark(`?learnerErecno=${learner}&status=Present`, { token: update })).statusCode).toBe(403);
    expect((await mark(`?learnerErecno=${learner}&status=Present`, { token: null })).statusCode).toBe(401);
    const create = await lectern.token(['CREATE']);
    expect((await mark(`?learnerErecno=${learner}&status=Present`, { token: create })).statusCode).toBe(200);
  });

  it.each([
    ['', 'INPUT_PARAMETER_MISSING', 'learnerErecno'],
    ['?status=Present', 'INPUT_PARAMETER_MISSING', 'learnerErecno'],
    ['?learnerErecno=LEARNER', 'INPUT_PARAMETER_MISSING', 'status'],
    ['?learnerErecno=LEARNER&status=Late', 'INVALID_INPUT', 'status'],
    ['?learnerErecno=abc&status=Present', 'INVALID_INPUT', 'learnerErecno'],
    ['?learnerErecno=123456789012345678&status=Present', 'INVALID_INPUT', 'learnerErecno'],
    ['?learnerErecno=INACTIVE&status=Present', 'INVALID_INPUT', 'learnerErecno'],
  ])('refuses %s with %s naming %s, writing nothing', async (query, code, parameter) => {
    const before = await attendanceRows();
    const filled = query
      .replace('LEARNER', erecnoOf(lectern, 'Kofi Mensah'))
      .replace('INACTIVE', erecnoOf(lectern, 'Tove Berg'));
    const response = await mark(filled);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code, parameter });
    expect(await attendanceRows()).toEqual(before);
  });

  it('answers 404 for an unknown session or one of another portal, and 400 for a non-numeric id', async () => {
    const learner = erecnoOf(lectern, 'Hana Sato');
    expect(
      (await mark(`?learnerErecno=${learner}&status=Present`, { sessionId: '123456789012345678' })).statusCode,
    ).toBe(404);
    const other = await lectern.otherPortal();
    const otherLearner = await lectern.app.lectern.db
      .selectFrom('employees')
      .select('erecno')
      .where('portal_id', '=', other.portalId)
      .executeTakeFirstOrThrow();
    // Our session seen with another portal's token is unknown there; another portal's learner is unknown here.
    expect((await mark(`?learnerErecno=${learner}&status=Present`, { token: other.token })).statusCode).toBe(404);
    const foreign = await mark(`?learnerErecno=${otherLearner.erecno}&status=Present`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().parameter).toBe('learnerErecno');
    const bad = await mark(`?learnerErecno=${learner}&status=Present`, { sessionId: 'x1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'sessionId' });
  });

  it('goes away with the session; the history of the mark stays', async () => {
    const other = await createSession(lectern, path, { roomId: '' });
    const learner = erecnoOf(lectern, 'Julia Moreau');
    expect((await mark(`?learnerErecno=${learner}&status=Present`, { sessionId: other.sessionId })).statusCode).toBe(
      200,
    );
    await lectern.app.inject({
      method: 'DELETE',
      url: sessionsUrl(path, other.sessionId),
      headers: lectern.auth(lectern.adminToken),
    });
    const left = await lectern.app.lectern.db
      .selectFrom('session_attendance')
      .selectAll()
      .where('session_id', '=', other.sessionId)
      .execute();
    expect(left).toEqual([]);
    const history = await lectern.app.inject({
      url: `/lectern/v1/courses/${path.courseId}/history?type=attendance.marked.v1`,
      headers: lectern.auth(lectern.adminToken),
    });
    const marks = history.json().history.filter((entry: any) => entry.subject.id === other.sessionId);
    expect(marks.map((entry: any) => [entry.learner.erecno, entry.after])).toEqual([[learner, { status: 'present' }]]);
  });
});
