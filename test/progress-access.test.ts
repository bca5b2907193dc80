import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, personNamed } from './helpers/courses.ts';
import { blendedWorld, enrol, lecternWithStartedCourse, read, selfPacedWorld, type World } from './helpers/progress.ts';
import type { Cast } from './helpers/roles.ts';
import { createSession } from './helpers/sessions.ts';
import type { TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let cast: Cast;
let world: World;
let other: { portalId: string; token: string };
beforeAll(async () => {
  ({ lectern, cast, world } = await lecternWithStartedCourse());
  other = await lectern.otherPortal();
});
afterAll(() => lectern.close());

/** The five endpoints that read one learner (Fatima), by name. */
function learnerUrls(): Record<string, string> {
  const learner = cast.learner.erecno;
  const base = `/api/v1${world.path}`;
  return {
    '#40': `/api/v1/learners/${learner}/course-progress`,
    '#41': `${base}/learners/${learner}/course-progress`,
    '#43': `${base}/modules/${world.moduleId}/learners/${learner}/progress`,
    '#44': `${base}/learners/${learner}/progress?entityType=links`,
    '#45': `${base}/learners/${learner}/links/${world.links[0]}/progress`,
  };
}

const roles: [string, () => Person | string, number][] = [
  ['the LMS admin', () => lectern.adminToken, 200],
  ['a course admin', () => cast.courseAdmin, 200],
  ["the learner's manager", () => cast.manager, 200],
  ['the learner', () => cast.learner, 200],
  ['another learner', () => cast.otherLearner, 403],
  ['an employee outside the course', () => cast.bystander, 403],
  ['a token of another portal', () => other.token, 404],
];

const tokenOf = (who: Person | string) => (typeof who === 'string' ? who : who.token);

describe("reading one learner's progress", () => {
  for (const [role, who, status] of roles) {
    it(`${role}: ${status} on #40, #41, #43, #44 and #45`, async () => {
      for (const [name, url] of Object.entries(learnerUrls())) {
        const response = await read(lectern, url, tokenOf(who()));
        expect(response.statusCode, `${name} ${url}: ${response.body}`).toBe(status);
        if (status === 200) expect(response.json().code).toBe('200');
      }
    });
  }

  it('a learner reads only their own: Gustav reads himself, not Fatima', async () => {
    const own = await read(
      lectern,
      `/api/v1${world.path}/learners/${cast.otherLearner.erecno}/course-progress`,
      cast.otherLearner.token,
    );
    expect(own.statusCode).toBe(200);
    const refused = await read(lectern, learnerUrls()['#41']!, cast.otherLearner.token);
    expect(refused.json().message).toMatch(/not authorized/);
  });

  it('#40: a course admin sees only the courses they manage', async () => {
    const elsewhere = await selfPacedWorld(lectern, cast, { courseAdmins: [] });
    await enrol(lectern, elsewhere, [cast.learner]);
    const byAdmin = await read(lectern, learnerUrls()['#40']!, lectern.adminToken);
    expect(byAdmin.json().courseProgress.map((row: any) => row.courseId)).toEqual([world.courseId, elsewhere.courseId]);
    const byCourseAdmin = await read(lectern, learnerUrls()['#40']!, cast.courseAdmin.token);
    expect(byCourseAdmin.json().courseProgress.map((row: any) => row.courseId)).toEqual([world.courseId]);
  });

  it('needs the READ scope', async () => {
    const createOnly = await lectern.token(['CREATE'], cast.learner.erecno);
    expect((await read(lectern, learnerUrls()['#41']!, createOnly)).statusCode).toBe(403);
    const readOnly = await lectern.token(['READ'], cast.learner.erecno);
    expect((await read(lectern, learnerUrls()['#41']!, readOnly)).statusCode).toBe(200);
  });
});

describe("#42: every learner's progress", () => {
  const cases: [string, () => Person | string, number][] = [
    ['the LMS admin', () => lectern.adminToken, 200],
    ['a course admin', () => cast.courseAdmin, 200],
    ["a learner's manager", () => cast.manager, 403],
    ['a learner', () => cast.learner, 403],
    ['an employee outside the course', () => cast.bystander, 403],
    ['a token of another portal', () => other.token, 404],
  ];
  for (const [role, who, status] of cases) {
    it(`${role}: ${status}`, async () => {
      const response = await read(lectern, `/api/v1${world.path}/course-progress`, tokenOf(who()));
      expect(response.statusCode, response.body).toBe(status);
      if (status === 200) expect(response.json().courseProgress).toHaveLength(2);
    });
  }
});

describe('trainers of the course', () => {
  it("read every learner's progress in it; other trainers do not", async () => {
    const batch = await blendedWorld(lectern, cast);
    await enrol(lectern, batch, [cast.learner]);
    await createSession(
      lectern,
      { courseId: batch.courseId, batchId: batch.batchId!, moduleId: batch.moduleId },
      {
        date: '10-06-2026',
      },
    );
    const teaching = await personNamed(lectern, 'Chen Wei');
    const notTeaching = await personNamed(lectern, 'Divya Raman');
    const urls = [
      `/api/v1${batch.path}/course-progress`,
      `/api/v1${batch.path}/learners/${cast.learner.erecno}/course-progress`,
      `/api/v1/learners/${cast.learner.erecno}/course-progress`,
    ];
    for (const url of urls) {
      expect((await read(lectern, url, teaching.token)).statusCode, `Chen Wei ${url}`).toBe(200);
      expect((await read(lectern, url, notTeaching.token)).statusCode, `Divya Raman ${url}`).toBe(403);
    }
    const everywhere = await read(lectern, urls[2]!, teaching.token);
    expect(everywhere.json().courseProgress.map((row: any) => row.batchId)).toEqual([batch.batchId]);
  });
});
