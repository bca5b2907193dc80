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
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let admin: Person;
let courseAdmin: Person;
let manager: Person;
let learner: Person;
let otherLearner: Person;
let trainer: Person;
let otherPortalToken: string;
beforeAll(async () => {
  lectern = await createTestLectern();
  admin = await personNamed(lectern, 'Adam Fischer');
  courseAdmin = await personNamed(lectern, 'Julia Moreau');
  manager = await personNamed(lectern, 'Emeka Okafor');
  learner = await personNamed(lectern, 'Fatima Zahra');
  otherLearner = await personNamed(lectern, 'Gustav Lind');
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
    payload: JSON.stringify({ courseAdmins: [courseAdmin.erecno] }),
  });
  expect(patched.statusCode, patched.body).toBe(200);
  await enrol(lectern, built, [learner, otherLearner]);
  return built;
}

function expectStatuses(label: string, results: [string, number, number][]) {
  for (const [who, status, expected] of results) expect(status, `${label} by ${who}`).toBe(expected);
}

describe('who may act on completion, from each role', () => {
  let built: Built;
  beforeAll(async () => {
    built = await world({ entity: 1, module: 1, course: 3 });
  });

  it('an entity: only the enrolled learner themself', async () => {
    const results: [string, number, number][] = [];
    for (const [who, token, expected] of [
      ['admin', admin.token, 403],
      ['course admin', courseAdmin.token, 403],
      ['manager', manager.token, 403],
      ['trainer', trainer.token, 403],
      ['another portal', otherPortalToken, 404],
      ['learner', learner.token, 200],
    ] as const) {
      results.push([who, (await actOnLink(lectern, built, 'a', 'markAsComplete', token)).statusCode, expected]);
    }
    expectStatuses('markAsComplete', results);
    // Another learner marks their own progress, not the first learner's.
    const own = await actOnLink(lectern, built, 'a', 'markAsComplete', otherLearner.token);
    expect(own.json().completion.state).toBe('completed');
  });

  it('a module: only the enrolled learner themself', async () => {
    const results: [string, number, number][] = [];
    for (const [who, token, expected] of [
      ['admin', admin.token, 403],
      ['course admin', courseAdmin.token, 403],
      ['manager', manager.token, 403],
      ['another portal', otherPortalToken, 404],
      ['learner', learner.token, 200],
    ] as const) {
      results.push([who, (await actOnModule(lectern, built, 'One', 'markAsComplete', token)).statusCode, expected]);
    }
    expectStatuses('module markAsComplete', results);
  });

  it('the course under rule 3: the LMS admin, a course admin and a trainer; not the learner or their manager', async () => {
    const results: [string, number, number][] = [];
    for (const [who, token, expected] of [
      ['learner', learner.token, 403],
      ['another learner', otherLearner.token, 403],
      ['manager', manager.token, 403],
      ['another portal', otherPortalToken, 404],
      ['admin', admin.token, 200],
      ['course admin', courseAdmin.token, 200],
      ['trainer', trainer.token, 200],
    ] as const) {
      results.push([who, (await actOnCourse(lectern, built, learner, 'markAsComplete', token)).statusCode, expected]);
    }
    expectStatuses('course markAsComplete', results);
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
    const url = `${placeUrl(built, '/lectern/v1')}/modules/${built.modules.One}/onlineTests/${created.json().onlineTest.onlineTestId}/result?learnerId=${learner.erecno}&marks=70`;
    const results: [string, number, number][] = [];
    for (const [who, token, expected] of [
      ['learner', learner.token, 403],
      ['another learner', otherLearner.token, 403],
      ['manager', manager.token, 403],
      ['another portal', otherPortalToken, 404],
      ['admin', admin.token, 200],
      ['course admin', courseAdmin.token, 200],
      ['trainer', trainer.token, 200],
    ] as const) {
      const response = await lectern.app.inject({ method: 'POST', url, headers: lectern.auth(token) });
      results.push([who, response.statusCode, expected]);
    }
    expectStatuses('record result', results);
  });

  it('needs the CREATE scope', async () => {
    const readOnly = await lectern.token(['READ'], learner.erecno);
    const response = await actOnLink(lectern, built, 'a', 'markAsIncomplete', readOnly);
    expect(response.statusCode, response.body).toBe(403);
  });

  it('reads bad input as a 400 naming the parameter, never a 500', async () => {
    const base = `${placeUrl(built, '/lectern/v1')}/modules/${built.modules.One}/onlineTests/123456789012345678/result`;
    for (const [query, parameter] of [
      ['', 'learnerId'],
      [`?learnerId=${learner.erecno}`, 'marks'],
      [`?learnerId=${learner.erecno}&marks=ten`, 'marks'],
      [`?learnerId=abc&marks=1`, 'learnerId'],
      [`?learnerId=${learner.erecno}&marks=1&maximumMarks=0`, 'maximumMarks'],
    ]) {
      const response = await lectern.app.inject({
        method: 'POST',
        url: `${base}${query}`,
        headers: lectern.auth(admin.token),
      });
      expect(response.statusCode, `${query}: ${response.body}`).toBe(400);
      expect(response.json().message).toContain(parameter!);
    }
  });
});
