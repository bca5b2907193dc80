/** Who reads the learner history, per learner and per course, from each role's token. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse, publishCourse } from './helpers/courses.ts';
import { enrol } from './helpers/enrolments.ts';
import { type Cast, castOf } from './helpers/roles.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let cast: Cast;
/** Administered by Julia Moreau. */
let managed: string;
/** Not administered by Julia. */
let unmanaged: string;
beforeAll(async () => {
  lectern = await createTestLectern();
  // Emeka Okafor manages Fatima Zahra and Gustav Lind.
  cast = await castOf(lectern);
  managed = (await createCourse(lectern, cast.admin.token, { courseAdmins: [cast.courseAdmin.erecno] })).courseId;
  unmanaged = (await createCourse(lectern, cast.admin.token)).courseId;
  for (const courseId of [managed, unmanaged]) {
    await publishCourse(lectern, courseId, cast.admin.token);
    await enrol(lectern, { courseId, batchId: null }, [cast.learner.erecno, cast.otherLearner.erecno]);
  }
});
afterAll(() => lectern.close());

function read(url: string, token: string) {
  return lectern.app.inject({ url, headers: lectern.auth(token) });
}

/** The courses of the entries a reader gets for Fatima. */
async function coursesSeen(token: string): Promise<string[]> {
  const response = await read(`/lectern/v1/learners/${cast.learner.erecno}/history`, token);
  expect(response.statusCode, response.body).toBe(200);
  const entries = response.json().history as { courseId: string; learner: { erecno: string } }[];
  expect(entries.every((entry) => entry.learner.erecno === cast.learner.erecno)).toBe(true);
  return [...new Set(entries.map((entry) => entry.courseId))].sort();
}

describe("a learner's history", () => {
  it('is read whole by the learner, their manager and the LMS admin', async () => {
    const all = [managed, unmanaged].sort();
    expect(await coursesSeen(cast.learner.token)).toEqual(all);
    expect(await coursesSeen(cast.manager.token)).toEqual(all);
    expect(await coursesSeen(cast.admin.token)).toEqual(all);
  });

  it('is read by a course admin for the courses they administer only', async () => {
    expect(await coursesSeen(cast.courseAdmin.token)).toEqual([managed]);
  });

  it('is refused to another learner (403) and unknown to another portal (404)', async () => {
    const other = await read(`/lectern/v1/learners/${cast.learner.erecno}/history`, cast.otherLearner.token);
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toMatch(/^Sorry! You are not authorized to do this operation/);
    const portal = await lectern.otherPortal();
    expect((await read(`/lectern/v1/learners/${cast.learner.erecno}/history`, portal.token)).statusCode).toBe(404);
  });

  it('needs the READ scope', async () => {
    const create = await lectern.token(['CREATE'], cast.learner.erecno);
    expect((await read(`/lectern/v1/learners/${cast.learner.erecno}/history`, create)).statusCode).toBe(403);
    const readOnly = await lectern.token(['READ'], cast.learner.erecno);
    expect((await read(`/lectern/v1/learners/${cast.learner.erecno}/history`, readOnly)).statusCode).toBe(200);
  });
});

describe("a course's history", () => {
  it('is read by the LMS admin and the course admin, whole', async () => {
    for (const reader of [cast.admin, cast.courseAdmin]) {
      const response = await read(`/lectern/v1/courses/${managed}/history`, reader.token);
      expect(response.statusCode, response.body).toBe(200);
      const people = response.json().history.map((entry: any) => entry.learner.erecno);
      expect(people.sort()).toEqual([cast.learner.erecno, cast.otherLearner.erecno].sort());
    }
  });

  it('is refused to the manager, the learner and another learner (they read the learner path)', async () => {
    for (const reader of [cast.manager, cast.learner, cast.otherLearner]) {
      const response = await read(`/lectern/v1/courses/${managed}/history`, reader.token);
      expect(response.statusCode, `${reader.name}: ${response.body}`).toBe(403);
    }
    const notTheirs = await read(`/lectern/v1/courses/${unmanaged}/history`, cast.courseAdmin.token);
    expect(notTheirs.statusCode).toBe(403);
  });

  it('is unknown to another portal (404)', async () => {
    const portal = await lectern.otherPortal();
    expect((await read(`/lectern/v1/courses/${managed}/history`, portal.token)).statusCode).toBe(404);
  });
});
