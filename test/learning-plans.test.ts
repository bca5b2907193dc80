import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formType, jsonType, type Person } from './helpers/courses.ts';
import { complete, enrol, read, selfPacedWorld, type World } from './helpers/progress.ts';
import { type Cast, castOf } from './helpers/roles.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let cast: Cast;
let done: World;
let half: World;
let untouched: World;
let other: { portalId: string; token: string };
beforeAll(async () => {
  lectern = await createTestLectern();
  cast = await castOf(lectern);
  [done, half, untouched] = [
    await selfPacedWorld(lectern, cast),
    await selfPacedWorld(lectern, cast),
    await selfPacedWorld(lectern, cast),
  ];
  await enrol(lectern, done, [cast.learner]);
  await enrol(lectern, half, [cast.learner]);
  // Course rule 2: every mandatory entity completed completes the course.
  await complete(lectern, done, cast.learner, 'links', done.links[0]);
  await complete(lectern, done, cast.learner, 'links', done.links[1]);
  await complete(lectern, done, cast.learner, 'contents', done.contentId);
  await complete(lectern, half, cast.learner, 'links', half.links[0]);
  await complete(lectern, half, cast.learner, 'contents', half.contentId);
  other = await lectern.otherPortal();
});
afterAll(() => lectern.close());

function send(method: 'POST' | 'PATCH' | 'DELETE', url: string, body: unknown, token = lectern.adminToken) {
  return lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(token), ...jsonType },
    payload: JSON.stringify(body),
  });
}

async function createPlan(data: Record<string, unknown>, members: Person[] = []): Promise<string> {
  const response = await send('POST', '/lectern/v1/learning-plans', data);
  expect(response.statusCode, response.body).toBe(200);
  const planId = response.json().learningPlan.learningPlanId as string;
  if (members.length > 0) {
    const added = await send('POST', `/lectern/v1/learning-plans/${planId}/members`, {
      erecnosList: members.map((person) => person.erecno),
    });
    expect(added.statusCode, added.body).toBe(200);
  }
  return planId;
}

describe("Lectern's plan writes", () => {
  it('creates a plan with its courses in order, changes and deletes it', async () => {
    const created = await send('POST', '/lectern/v1/learning-plans', {
      name: '  Onboarding ',
      description: 'First weeks',
      courseIds: [half.courseId, done.courseId, half.courseId],
    });
    expect(created.statusCode, created.body).toBe(200);
    const plan = created.json().learningPlan;
    expect(Object.keys(created.json())).toEqual(['code', 'learningPlan', 'message']);
    expect(plan).toMatchObject({ name: 'Onboarding', description: 'First weeks', coursesCount: 2, membersCount: 0 });
    expect(plan.courses.map((course: any) => course.courseId)).toEqual([half.courseId, done.courseId]);
    expect(plan.courses[0]).toEqual({ courseId: half.courseId, name: expect.any(String), type: '1' });
    const patched = await send('PATCH', `/lectern/v1/learning-plans/${plan.learningPlanId}`, {
      courseIds: [untouched.courseId],
    });
    expect(patched.json().learningPlan).toMatchObject({ name: 'Onboarding', coursesCount: 1 });
    const renamed = await lectern.app.inject({
      method: 'PATCH',
      url: `/lectern/v1/learning-plans/${plan.learningPlanId}`,
      headers: { ...lectern.auth(lectern.adminToken), ...formType },
      payload: `learningPlanData=${encodeURIComponent(JSON.stringify({ name: 'Renamed' }))}`,
    });
    expect(renamed.json().learningPlan).toMatchObject({ name: 'Renamed', coursesCount: 1 });
    const deleted = await send('DELETE', `/lectern/v1/learning-plans/${plan.learningPlanId}`, {});
    expect(deleted.json()).toEqual({ code: '200', message: 'success' });
    expect((await send('DELETE', `/lectern/v1/learning-plans/${plan.learningPlanId}`, {})).statusCode).toBe(404);
  });

  it('names bad input and writes nothing', async () => {
    const before = (await read(lectern, '/api/v1/learning-plans?limit=100', lectern.adminToken)).json().learningPlans
      .length;
    const cases: [unknown, string][] = [
      [{}, 'learningPlanData.name'],
      [{ name: '   ' }, 'learningPlanData.name'],
      [{ name: 'x', courseIds: ['abc'] }, 'learningPlanData.courseIds.0'],
      [{ name: 'x', courseIds: ['123456789012345678'] }, 'courseIds'],
    ];
    for (const [body, parameter] of cases) {
      const response = await send('POST', '/lectern/v1/learning-plans', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().parameter, JSON.stringify(body)).toBe(parameter);
    }
    const planId = await createPlan({ name: 'Members' });
    const unknown = await send('POST', `/lectern/v1/learning-plans/${planId}/members`, {
      erecnosList: ['123456789012345678'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().parameter).toBe('erecnosList');
    const missing = await send('POST', `/lectern/v1/learning-plans/${planId}/members`, {});
    expect(missing.json().code).toBe('INPUT_PARAMETER_MISSING');
    const after = (await read(lectern, '/api/v1/learning-plans?limit=100', lectern.adminToken)).json().learningPlans
      .length;
    expect(after).toBe(before + 1);
  });

  it('adds members (ids as numbers or strings, in the query), and removes them', async () => {
    const planId = await createPlan({ name: 'People', courseIds: [done.courseId] });
    const added = await lectern.app.inject({
      method: 'POST',
      url: `/lectern/v1/learning-plans/${planId}/members?erecnosList=[${cast.learner.erecno},${cast.otherLearner.erecno}]`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(added.json().learners.map((person: any) => person.displayName)).toEqual(['Fatima Zahra', 'Gustav Lind']);
    const members = await read(lectern, `/api/v1/learning-plans/${planId}/members`, lectern.adminToken);
    expect(members.json().learners.map((person: any) => person.erecno)).toEqual([
      cast.learner.erecno,
      cast.otherLearner.erecno,
    ]);
    const removed = await send('DELETE', `/lectern/v1/learning-plans/${planId}/members`, {
      erecnosList: [cast.otherLearner.erecno],
    });
    expect(removed.statusCode, removed.body).toBe(200);
    const learners = await read(lectern, `/api/v1/learning-plans/${planId}/learners`, lectern.adminToken);
    expect(learners.json().learners.map((person: any) => person.erecno)).toEqual([cast.learner.erecno]);
    const again = await send('DELETE', `/lectern/v1/learning-plans/${planId}/members`, {
      erecnosList: [cast.otherLearner.erecno],
    });
    expect(again.statusCode).toBe(404);
  });

  it('only LMS admins write plans', async () => {
    for (const person of [cast.courseAdmin, cast.manager, cast.learner]) {
      const response = await send('POST', '/lectern/v1/learning-plans', { name: 'No' }, person.token);
      expect(response.statusCode, person.name).toBe(403);
    }
    const planId = await createPlan({ name: 'Guarded' });
    const foreign = await send('PATCH', `/lectern/v1/learning-plans/${planId}`, { name: 'Taken' }, other.token);
    expect(foreign.statusCode).toBe(404);
    expect(
      (
        await send(
          'POST',
          `/lectern/v1/learning-plans/${planId}/members`,
          { erecnosList: [cast.learner.erecno] },
          cast.learner.token,
        )
      ).statusCode,
    ).toBe(403);
  });
});

describe("Zoho's plan reads and progress", () => {
  let planId: string;
  beforeAll(async () => {
    planId = await createPlan(
      { name: 'Track', description: 'Three courses', courseIds: [done.courseId, half.courseId, untouched.courseId] },
      [cast.learner],
    );
  });

  it('#48: completed courses of courses, per plan', async () => {
    const response = await read(
      lectern,
      `/api/v1/learners/${cast.learner.erecno}/learning-plans/progress`,
      cast.learner.token,
    );
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['learningPlans', 'code', 'message', 'hasMoreRecords']);
    const track = body.learningPlans.find((plan: any) => plan.learningPlanId === planId);
    expect(track).toMatchObject({
      name: 'Track',
      coursesCount: 3,
      completedCoursesCount: 1,
      percentageOfProgress: 33,
      progressAsDisplayString: '1 of 3 Completed',
      hasUserStarted: true,
      hasUserCompleted: false,
      learner: { erecno: cast.learner.erecno },
    });
  });

  it("#49: each course of the plan with the learner's progress, in the plan's order", async () => {
    const url = `/api/v1/learners/${cast.learner.erecno}/learning-plans/${planId}/courses/progress`;
    const response = await read(lectern, url, cast.manager.token);
    expect(response.statusCode, response.body).toBe(200);
    expect(
      response
        .json()
        .courses.map((course: any) => [
          course.courseId,
          course.isEnrolled,
          course.hasUserCompleted,
          course.progressAsDisplayString,
          course.percentageOfProgress,
        ]),
    ).toEqual([
      [done.courseId, true, true, '3 of 4 Completed', 75],
      [half.courseId, true, false, '2 of 4 Completed', 50],
      [untouched.courseId, false, false, '0 of 0 Completed', 0],
    ]);
    const paged = await read(lectern, `${url}?startIndex=2&Limit=25`, cast.learner.token);
    expect(paged.json().courses.map((course: any) => course.courseId)).toEqual([half.courseId, untouched.courseId]);
    expect((await read(lectern, `${url}?startIndex=0&limit=100`, cast.learner.token)).json().courses).toHaveLength(3);
    const small = await read(lectern, `${url}?Limit=10`, cast.learner.token);
    expect(small.statusCode).toBe(400);
    expect(small.json().parameter).toBe('Limit');
    const notMember = `/api/v1/learners/${cast.otherLearner.erecno}/learning-plans/${planId}/courses/progress`;
    expect((await read(lectern, notMember, lectern.adminToken)).statusCode).toBe(404);
  });

  it('#46: startIndex 0 and 1 both start at the first plan; limit pages, 1 to 100, 1 by default', async () => {
    const extra = [await createPlan({ name: 'P2' }), await createPlan({ name: 'P3' })];
    const all = (await read(lectern, '/api/v1/learning-plans?startIndex=0&limit=50', lectern.adminToken)).json();
    expect(Object.keys(all)).toEqual(['learningPlans', 'code', 'message', 'hasMoreRecords']);
    const ids = all.learningPlans.map((plan: any) => plan.learningPlanId);
    expect(ids.slice(-2)).toEqual(extra);
    const fromOne = (await read(lectern, '/api/v1/learning-plans?startIndex=1&limit=50', lectern.adminToken)).json();
    expect(fromOne.learningPlans.map((plan: any) => plan.learningPlanId)).toEqual(ids);
    const second = (await read(lectern, '/api/v1/learning-plans?startIndex=2&limit=1', lectern.adminToken)).json();
    expect(second.learningPlans.map((plan: any) => plan.learningPlanId)).toEqual([ids[1]]);
    expect(second.hasMoreRecords).toBe(true);
    // Zoho's page: limit and startIndex both default to 1, so a bare call answers the first plan only.
    const bare = (await read(lectern, '/api/v1/learning-plans', lectern.adminToken)).json();
    expect(bare.learningPlans.map((plan: any) => plan.learningPlanId)).toEqual([ids[0]]);
    expect(bare.hasMoreRecords).toBe(true);
    const most = await read(lectern, '/api/v1/learning-plans?limit=100', lectern.adminToken);
    expect(most.statusCode, most.body).toBe(200);
    expect(most.json().learningPlans).toHaveLength(ids.length);
    for (const limit of ['0', '101', '-1', '2.5', 'ten']) {
      const bad = await read(lectern, `/api/v1/learning-plans?limit=${limit}`, lectern.adminToken);
      expect(bad.statusCode, limit).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'limit' });
      expect(bad.json().message).toMatch(/from 1 to 100/);
    }
  });

  it('#46: others see the plans of themselves and their reports', async () => {
    const url = '/api/v1/learning-plans?limit=100';
    const mine = (await read(lectern, url, cast.learner.token)).json().learningPlans;
    expect(mine.map((plan: any) => plan.learningPlanId)).toContain(planId);
    const ofReports = (await read(lectern, url, cast.manager.token)).json().learningPlans;
    expect(ofReports.map((plan: any) => plan.learningPlanId)).toContain(planId);
    const none = (await read(lectern, url, cast.bystander.token)).json().learningPlans;
    expect(none.map((plan: any) => plan.learningPlanId)).not.toContain(planId);
    expect((await read(lectern, url, other.token)).json().learningPlans).toEqual([]);
  });

  it('#47: members for LMS admins; 403 for others; 404 in another portal', async () => {
    expect((await read(lectern, `/api/v1/learning-plans/${planId}/learners`, lectern.adminToken)).statusCode).toBe(200);
    for (const person of [cast.courseAdmin, cast.manager, cast.learner, cast.otherLearner]) {
      const response = await read(lectern, `/api/v1/learning-plans/${planId}/members`, person.token);
      expect(response.statusCode, person.name).toBe(403);
    }
    expect((await read(lectern, `/api/v1/learning-plans/${planId}/members`, other.token)).statusCode).toBe(404);
  });

  it('#48 and #49 from each role', async () => {
    const urls = [
      `/api/v1/learners/${cast.learner.erecno}/learning-plans/progress`,
      `/api/v1/learners/${cast.learner.erecno}/learning-plans/${planId}/courses/progress`,
    ];
    const cases: [string, string, number][] = [
      ['admin', lectern.adminToken, 200],
      ['manager', cast.manager.token, 200],
      ['learner', cast.learner.token, 200],
      ['course admin', cast.courseAdmin.token, 403],
      ['another learner', cast.otherLearner.token, 403],
      ['another portal', other.token, 404],
    ];
    for (const url of urls) {
      for (const [role, token, status] of cases) {
        expect((await read(lectern, url, token)).statusCode, `${role} ${url}`).toBe(status);
      }
    }
  });
});
