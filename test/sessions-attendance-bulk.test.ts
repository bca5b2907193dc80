/** A whole session's attendance in one call (a Lectern addition): all or nothing, each refusal naming its entry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonType } from './helpers/courses.ts';
import { erecnoOf, type ModulePath, sessionWithSeatedLearners } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let path: ModulePath;
let sessionId: string;
const learners = ['Fatima Zahra', 'Gustav Lind', 'Hana Sato', 'Ivan Petrov'];
beforeAll(async () => {
  lectern = await createTestLectern();
  const made = await sessionWithSeatedLearners(lectern, learners, ['Mateo Rossi']);
  path = made.path;
  sessionId = made.session.sessionId;
});
afterAll(() => lectern?.close());

const url = () =>
  `/lectern/v1/courses/${path.courseId}/batches/${path.batchId}/modules/${path.moduleId}/sessions/${sessionId}/attendance`;

function markAll(body: unknown, token = lectern.adminToken) {
  return lectern.app.inject({
    method: 'POST',
    url: url(),
    headers: { ...lectern.auth(token), ...jsonType },
    payload: JSON.stringify(body),
  });
}

async function rows() {
  return lectern.app.lectern.db
    .selectFrom('session_attendance')
    .select(['erecno', 'status'])
    .where('session_id', '=', sessionId)
    .orderBy('erecno')
    .execute();
}

describe('bulk attendance', () => {
  it('marks every learner of the session in one call and answers the session with its counts', async () => {
    const attendance = learners.map((name, index) => ({
      learnerErecno: erecnoOf(lectern, name),
      status: index === 3 ? 'Absent' : 'PRESENT',
    }));
    const response = await markAll({ attendance });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().session).toMatchObject({ totalLearnersCount: 4, presentLeanersCount: 3 });
    expect(await rows()).toHaveLength(4);
    // A second call replaces the marks it names and leaves the others.
    const again = await markAll({
      attendance: [{ learnerErecno: erecnoOf(lectern, 'Ivan Petrov'), status: 'present' }],
    });
    expect(again.json().session).toMatchObject({ presentLeanersCount: 4 });
    const history = await lectern.app.lectern.db
      .selectFrom('learner_history')
      .select('type')
      .where('type', '=', 'attendance.marked.v1')
      .execute();
    expect(history).toHaveLength(5);
  });

  it('refuses the whole list, naming the entry, when one learner has no seat, and writes nothing', async () => {
    await lectern.app.lectern.db.deleteFrom('session_attendance').execute();
    const cases: [unknown, string][] = [
      [
        {
          attendance: [
            { learnerErecno: erecnoOf(lectern, 'Fatima Zahra'), status: 'Present' },
            { learnerErecno: erecnoOf(lectern, 'Mateo Rossi'), status: 'Present' },
          ],
        },
        'attendance[1].learnerErecno',
      ],
      [
        {
          attendance: [
            { learnerErecno: erecnoOf(lectern, 'Gustav Lind'), status: 'Present' },
            { learnerErecno: erecnoOf(lectern, 'Gustav Lind'), status: 'Absent' },
          ],
        },
        'attendance[1].learnerErecno',
      ],
      [{ attendance: [{ learnerErecno: erecnoOf(lectern, 'Hana Sato'), status: 'Late' }] }, 'attendance[0].status'],
      [{ attendance: [{ learnerErecno: '999999999', status: 'Present' }] }, 'attendance[0].learnerErecno'],
      [{ attendance: [] }, 'attendance'],
      [{ attendance: [{ learnerErecno: 'abc', status: 'Present' }] }, 'attendance.0.learnerErecno'],
      [{ marks: [] }, 'attendance'],
    ];
    for (const [body, parameter] of cases) {
      const response = await markAll(body);
      expect(response.statusCode, `${JSON.stringify(body)} ${response.body}`).toBe(400);
      expect(response.json().parameter ?? response.body).toContain(parameter);
    }
    expect(await rows()).toEqual([]);
  });

  it('lets the session trainer mark, and refuses learners and other portals', async () => {
    const trainer = await lectern.token(['ALL'], erecnoOf(lectern, 'Divya Raman'));
    const body = { attendance: [{ learnerErecno: erecnoOf(lectern, 'Hana Sato'), status: 'Present' }] };
    expect((await markAll(body, trainer)).statusCode).toBe(200);
    const learner = await lectern.token(['ALL'], erecnoOf(lectern, 'Hana Sato'));
    expect((await markAll(body, learner)).statusCode).toBe(403);
    const other = await lectern.otherPortal();
    expect((await markAll(body, other.token)).statusCode).toBe(404);
  });
});
