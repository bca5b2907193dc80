import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoriesOf } from './helpers/courses.ts';
import { blendedWorld, enrol, read, selfPacedWorld, type World } from './helpers/progress.ts';
import { type Cast, castOf } from './helpers/roles.ts';
import { createSession, erecnoOf } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let cast: Cast;
let alpha: World;
let beta: World;
let gamma: World;
let shared: World;
let suggested: World;
let left: World;
let categoryId: string;
const hour = 3_600_000;
let betaCreatedAt: number;
beforeAll(async () => {
  lectern = await createTestLectern();
  cast = await castOf(lectern);
  categoryId = Object.values(await categoriesOf(lectern, lectern.adminToken))[0]!;
  alpha = await selfPacedWorld(lectern, cast, { name: 'Alpha Java', categories: [categoryId] });
  lectern.clock.advance(hour);
  betaCreatedAt = lectern.clock.now();
  beta = await selfPacedWorld(lectern, cast, { name: 'beta Python', type: 3 });
  lectern.clock.advance(hour);
  // A full batch: Gustav takes the seat, Fatima waits; Chen Wei teaches it.
  gamma = await blendedWorld(lectern, cast, { maximumCapacity: 1, allowWaitlisting: true });
  await createSession(
    lectern,
    { courseId: gamma.courseId, batchId: gamma.batchId!, moduleId: gamma.moduleId },
    {
      date: '10-06-2026',
    },
  );
  shared = await selfPacedWorld(lectern, cast, { name: 'Shared course' });
  suggested = await selfPacedWorld(lectern, cast, { name: 'Suggested course' });
  left = await selfPacedWorld(lectern, cast, { name: 'Left course' });
  await enrol(lectern, alpha, [cast.learner]);
  await enrol(lectern, beta, [cast.learner]);
  await enrol(lectern, gamma, [cast.otherLearner, cast.learner]);
  await enrol(lectern, left, [cast.learner]);
  const post = (url: string, token = lectern.adminToken, method: 'POST' | 'PUT' = 'POST') =>
    lectern.app.inject({ method, url, headers: lectern.auth(token) });
  expect(
    (await post(`/api/v1/courses/${left.courseId}/unenroll?erecnosList=[${cast.learner.erecno}]`)).statusCode,
  ).toBe(200);
  expect(
    (
      await post(
        `/api/v1/courses/${shared.courseId}/share?erecnosList=[${cast.learner.erecno}]`,
        lectern.adminToken,
        'PUT',
      )
    ).statusCode,
  ).toBe(200);
  expect(
    (await post(`/api/v1/courses/${suggested.courseId}/suggest?erecnosList=[${cast.learner.erecno}]`)).statusCode,
  ).toBe(200);
  expect((await post(`/api/v1/courses/${beta.courseId}/favorite`, cast.learner.token)).statusCode).toBe(200);
});
afterAll(() => lectern.close());

async function mine(query = '', token = cast.learner.token): Promise<string[]> {
  const response = await read(lectern, `/api/v1/courses/mycourses${query}`, token);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().courses.map((course: any) => course.courseId);
}

describe('my courses: what the caller joined', () => {
  it('lists enrolled and waitlisted courses, newest first; not left, shared or suggested ones', async () => {
    expect(await mine()).toEqual([gamma.courseId, beta.courseId, alpha.courseId]);
  });

  it('keeps listing what the caller owns or administers', async () => {
    const byCourseAdmin = await mine('', cast.courseAdmin.token);
    for (const world of [alpha, beta, gamma, shared, suggested, left]) expect(byCourseAdmin).toContain(world.courseId);
  });

  it('sharedToMe and suggestedToMe list those courses, joined or not', async () => {
    expect(await mine('?sharedToMe=true')).toEqual([shared.courseId]);
    expect(await mine('?suggestedToMe=True')).toEqual([suggested.courseId]);
    expect(await mine('?sharedToMe=false')).toEqual([gamma.courseId, beta.courseId, alpha.courseId]);
  });
});

describe('my courses: each filter', () => {
  it('search, type, categoryId and MyfavouriteCategories', async () => {
    expect(await mine('?search=JAVA')).toEqual([alpha.courseId]);
    expect(await mine('?type=3')).toEqual([beta.courseId]);
    expect(await mine('?type=2')).toEqual([gamma.courseId]);
    expect(await mine(`?categoryId=${categoryId}`)).toEqual([alpha.courseId]);
    expect(await mine('?categoryId=MyfavouriteCategories')).toEqual([beta.courseId]);
  });

  it('trainerId: the courses the trainer teaches', async () => {
    expect(await mine(`?trainerId=${erecnoOf(lectern, 'Chen Wei')}`)).toEqual([gamma.courseId]);
    expect(await mine(`?trainerId=${erecnoOf(lectern, 'Divya Raman')}`)).toEqual([]);
  });

  it('state: drafted, published, disabled', async () => {
    expect(await mine('?state=published')).toEqual([gamma.courseId, beta.courseId, alpha.courseId]);
    expect(await mine('?state=drafted')).toEqual([]);
    const disable = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${left.courseId}/disable`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(disable.statusCode, disable.body).toBe(200);
    const adminDisabled = await mine('?state=disabled', lectern.adminToken);
    expect(adminDisabled).toEqual([left.courseId]);
  });

  it('sortBy name and -name, A to Z regardless of case', async () => {
    // "Alpha Java", "beta Python", "Blended course N": a binary sort would put "beta" last.
    expect(await mine('?sortBy=name')).toEqual([alpha.courseId, beta.courseId, gamma.courseId]);
    expect(await mine('?sortBy=-name')).toEqual([gamma.courseId, beta.courseId, alpha.courseId]);
  });

  it('startDate and endDate bound the creation time (epoch ms)', async () => {
    expect(await mine(`?startDate=${betaCreatedAt}`)).toEqual([gamma.courseId, beta.courseId]);
    expect(await mine(`?endDate=${betaCreatedAt}`)).toEqual([beta.courseId, alpha.courseId]);
    expect(await mine(`?startDate=${betaCreatedAt}&endDate=${betaCreatedAt}`)).toEqual([beta.courseId]);
  });

  it('startIndex pages', async () => {
    expect(await mine('?startIndex=1')).toEqual([beta.courseId, alpha.courseId]);
    expect(await mine('?startIndex=3')).toEqual([]);
  });

  it.each([
    ['type', '4'],
    ['state', 'archived'],
    ['sortBy', 'date'],
    ['categoryId', 'favourites'],
    ['trainerId', 'chen'],
    ['startDate', 'today'],
    ['sharedToMe', 'yes'],
    ['suggestedToMe', '1'],
  ])('refuses %s=%s naming it', async (name, value) => {
    const response = await read(lectern, `/api/v1/courses/mycourses?${name}=${value}`, cast.learner.token);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: name });
  });
});

describe('my courses from other portals and roles', () => {
  it("another portal's token sees none of these courses", async () => {
    const other = await lectern.otherPortal();
    const theirs = await mine('', other.token);
    for (const world of [alpha, beta, gamma]) expect(theirs).not.toContain(world.courseId);
  });

  it('another learner sees only their own: Gustav holds the seat in gamma', async () => {
    expect(await mine('', cast.otherLearner.token)).toEqual([gamma.courseId]);
    expect(await mine('', cast.bystander.token)).toEqual([]);
  });
});
