import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actOnCourse,
  actOnLink,
  actOnModule,
  type Built,
  blendedBatch,
  enrol,
  placeUrl,
} from './helpers/completion.ts';
import { jsonType, type Person, personNamed } from './helpers/courses.ts';
import { type Cast, castOf } from './helpers/roles.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let cast: Cast;
let trainer: Person;
let otherPortalToken: string;
beforeAll(async () => {
  lectern = await createTestLectern();
  cast = await castOf(lectern);
  trainer = await personNamed(lectern, 'Divya Raman');
  otherPortalToken = (await lectern.otherPortal()).token;
});
afterAll(() => lectern.close());

/** A published batch with Julia as course admin, Divya as trainer, and Fatima and Gustav enrolled. */
async function world(settings: { entity?: number; module?: number; course?: number }) {
  const built = await blendedBatch(lectern, settings, [{ name: 'One', links: [{ name: 'a' }] }]);
  const patched = await lectern.app.inject({
    method: 'PATCH',
    url: `/api/v1/courses/${built.courseId}`,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify({ courseAdmins: [cast.courseAdmin.erecno] }),
  });
  expect(patched.statusCode, patched.body).toBe(200);
  await enrol(lectern, built, [cast.learner, cast.otherLearner]);
  return built;
}

/** A role's name, its token and the status it must get. */
type RoleRow = readonly [string, string, number];

/** Acts once from each role's token, in order, then expects each role's status (named by label and role). */
async function expectStatusesFrom(
  label: string,
  rows: readonly RoleRow[],
  act: (token: string) => Promise<{ statusCode: number }>,
) {
  const results: [string, number, number][] = [];
  for (const [who, token, expected] of rows) results.push([who, (await act(token)).statusCode, expected]);
  for (const [who, status, expected] of results) expect(status, `${label} by ${who}`).toBe(expected);
}

/** Who completes a course under rule 3 or records a test result: the LMS admin, a course admin and a trainer. */
const staffOnly = (): RoleRow[] => [
  ['learner', cast.learner.token, 403],
  ['another learner', cast.otherLearner.token, 403],
  ['manager', cast.manager.token, 403],
  ['another portal', otherPortalToken, 404],
  ['admin', cast.admin.token, 200],
  ['course admin', cast.courseAdmin.token, 200],
  ['trainer', trainer.token, 200],
];

describe('who may act on completion, from each role', () => {
  let built: Built;
  beforeAll(async () => {
    built = await world({ entity: 1, module: 1, course: 3 });
  });

  it('an entity: only the enrolled learner themself', async () => {
    await expectStatusesFrom(
      'markAsComplete',
      [
        ['admin', cast.admin.token, 403],
        ['course admin', cast.courseAdmin.token, 403],
        ['manager', cast.manager.token, 403],
        ['trainer', trainer.token, 403],
        ['another portal', otherPortalToken, 404],
        ['learner', cast.learner.token, 200],
      ],
      (token) => actOnLink(lectern, built, 'a', 'markAsComplete', token),
    );
    // Another learner marks their own progress, not the first learner's.
    const own = await actOnLink(lectern, built, 'a', 'markAsComplete', cast.otherLearner.token);
    expect(own.json().completion.state).toBe('completed');
  });

  it('a module: only the enrolled learner themself', async () => {
    await expectStatusesFrom(
      'module markAsComplete',
      [
        ['admin', cast.admin.token, 403],
        ['course admin', cast.courseAdmin.token, 403],
        ['manager', cast.manager.token, 403],
        ['another portal', otherPortalToken, 404],
        ['learner', cast.learner.token, 200],
      ],
      (token) => actOnModule(lectern, built, 'One', 'markAsComplete', token),
    );
  });

  it('the course under rule 3: the LMS admin, a course admin and a trainer; not the learner or their manager', async () => {
    await expectStatusesFrom('course markAsComplete', staffOnly(), (token) =>
      actOnCourse(lectern, built, cast.learner, 'markAsComplete', token),
    );
  });

  it('an online test result: the LMS admin, a course admin and a trainer', async () => {
    const moduleUrl = `${placeUrl(built)}/modules/${built.modules.One}`;
    const created = await lectern.app.inject({
      method: 'POST',
      url: `${moduleUrl}/onlineTests`,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: JSON.stringify({ name: 'Quiz', durationFor: 'none', maximumAttemptsAllowed: 1, questionPerPage: 'all' }),
    });
    expect(created.statusCode, created.body).toBe(200);
    const url = `${placeUrl(built, '/lectern/v1')}/modules/${built.modules.One}/onlineTests/${created.json().onlineTest.onlineTestId}/result?learnerId=${cast.learner.erecno}&marks=70`;
    await expectStatusesFrom('record result', staffOnly(), (token) =>
      lectern.app.inject({ method: 'POST', url, headers: lectern.auth(token) }),
    );
  });

  it('needs the CREATE scope', async () => {
    const readOnly = await lectern.token(['READ'], cast.learner.erecno);
    const response = await actOnLink(lectern, built, 'a', 'markAsIncomplete', readOnly);
    expect(response.statusCode, response.body).toBe(403);
  });

  it('reads bad input as a 400 naming the parameter, never a 500', async () => {
    const base = `${placeUrl(built, '/lectern/v1')}/modules/${built.modules.One}/onlineTests/123456789012345678/result`;
    for (const [query, parameter] of [
      ['', 'learnerId'],
      [`?learnerId=${cast.learner.erecno}`, 'marks'],
      [`?learnerId=${cast.learner.erecno}&marks=ten`, 'marks'],
      [`?learnerId=abc&marks=1`, 'learnerId'],
      [`?learnerId=${cast.learner.erecno}&marks=1&maximumMarks=0`, 'maximumMarks'],
    ]) {
      const response = await lectern.app.inject({
        method: 'POST',
        url: `${base}${query}`,
        headers: lectern.auth(cast.admin.token),
      });
      expect(response.statusCode, `${query}: ${response.body}`).toBe(400);
      expect(response.json().message).toContain(parameter!);
    }
  });
});
