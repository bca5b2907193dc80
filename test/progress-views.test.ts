import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchCourse } from './helpers/courses.ts';
import {
  blendedWorld,
  complete,
  enrol,
  lecternWithStartedCourse,
  read,
  selfPacedWorld,
  type World,
} from './helpers/progress.ts';
import type { Cast } from './helpers/roles.ts';
import type { TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let cast: Cast;
let world: World;
beforeAll(async () => {
  ({ lectern, cast, world } = await lecternWithStartedCourse());
  await complete(lectern, world, cast.learner, 'links', world.links[1]);
  await complete(lectern, world, cast.learner, 'links', world.links[2]);
});
afterAll(() => lectern.close());

const progressKeys = (course: any) => ({
  hasUserStarted: course.hasUserStarted,
  hasUserCompleted: course.hasUserCompleted,
  percentageOfProgress: course.percentageOfProgress,
  progressAsDisplayString: course.progressAsDisplayString,
  canUserComplete: course.canUserComplete,
  canUserRevokeCompletion: course.canUserRevokeCompletion,
});

describe('the course object for its caller', () => {
  it("shows a learner's own progress: 3 of 4 Completed, 75%", async () => {
    const response = await read(lectern, `/api/v1/courses/${world.courseId}`, cast.learner.token);
    expect(response.statusCode, response.body).toBe(200);
    expect(progressKeys(response.json().course)).toEqual({
      hasUserStarted: true,
      hasUserCompleted: false,
      percentageOfProgress: 75,
      progressAsDisplayString: '3 of 4 Completed',
      canUserComplete: false,
      canUserRevokeCompletion: false,
    });
    expect(response.json().course.currentUserRole.learner).toBe(true);
  });

  it('a learner who did nothing, and a non-learner, read 0 of ... and not started', async () => {
    const gustav = (await read(lectern, `/api/v1/courses/${world.courseId}`, cast.otherLearner.token)).json().course;
    expect(progressKeys(gustav)).toMatchObject({
      hasUserStarted: false,
      percentageOfProgress: 0,
      progressAsDisplayString: '0 of 4 Completed',
    });
    const admin = (await read(lectern, `/api/v1/courses/${world.courseId}`, lectern.adminToken)).json().course;
    expect(progressKeys(admin)).toMatchObject({ hasUserStarted: false, progressAsDisplayString: '0 of 0 Completed' });
  });

  it('the same progress in the course list and in my courses (one load for the page)', async () => {
    const list = (await read(lectern, '/api/v1/courses', cast.learner.token)).json().courses as any[];
    expect(list.find((course) => course.courseId === world.courseId).progressAsDisplayString).toBe('3 of 4 Completed');
    const mine = (await read(lectern, '/api/v1/courses/mycourses', cast.learner.token)).json().courses as any[];
    expect(mine.map((course) => course.courseId)).toEqual([world.courseId]);
    expect(mine[0].percentageOfProgress).toBe(75);
  });

  it('rule 1: the learner may complete the course, then revoke it', async () => {
    const course = await selfPacedWorld(lectern, cast, {
      permissionSettings: { whenACourseIsConsideredAsCompleted: 1 },
    });
    await enrol(lectern, course, [cast.learner]);
    const before = (await read(lectern, `/api/v1/courses/${course.courseId}`, cast.learner.token)).json().course;
    expect(progressKeys(before)).toMatchObject({ canUserComplete: true, canUserRevokeCompletion: false });
    const mark = await lectern.app.inject({
      method: 'POST',
      url: `/lectern/v1${course.path}/learners/${cast.learner.erecno}/markAsComplete`,
      headers: lectern.auth(cast.learner.token),
    });
    expect(mark.statusCode, mark.body).toBe(200);
    const after = (await read(lectern, `/api/v1/courses/${course.courseId}`, cast.learner.token)).json().course;
    expect(progressKeys(after)).toMatchObject({
      hasUserStarted: true,
      hasUserCompleted: true,
      canUserComplete: false,
      canUserRevokeCompletion: true,
    });
  });

  it('rule 2: completing every mandatory entity completes the course', async () => {
    const course = await selfPacedWorld(lectern, cast);
    await enrol(lectern, course, [cast.learner]);
    await complete(lectern, course, cast.learner, 'links', course.links[0]);
    await complete(lectern, course, cast.learner, 'links', course.links[1]);
    await complete(lectern, course, cast.learner, 'contents', course.contentId);
    const after = (await read(lectern, `/api/v1/courses/${course.courseId}`, cast.learner.token)).json().course;
    expect(progressKeys(after)).toMatchObject({
      hasUserCompleted: true,
      percentageOfProgress: 75,
      progressAsDisplayString: '3 of 4 Completed',
      canUserComplete: false,
    });
  });

  it('rule 3: managers may revoke completion, learners may not complete', async () => {
    const patched = await patchCourse(lectern, world.courseId, lectern.adminToken, {
      permissionSettings: { whenACourseIsConsideredAsCompleted: 3 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().course.canUserRevokeCompletion).toBe(true);
    const learner = (await read(lectern, `/api/v1/courses/${world.courseId}`, cast.learner.token)).json().course;
    expect(progressKeys(learner)).toMatchObject({ canUserComplete: false, canUserRevokeCompletion: false });
    await patchCourse(lectern, world.courseId, lectern.adminToken, {
      permissionSettings: { whenACourseIsConsideredAsCompleted: 2 },
    });
  });
});

describe('the batch object for its caller', () => {
  it('shows seat, waitlist and progress per caller; waitlistedCount for everyone', async () => {
    const batch = await blendedWorld(lectern, cast, { maximumCapacity: 1, allowWaitlisting: true });
    const outcomes = await enrol(lectern, batch, [cast.learner, cast.otherLearner]);
    expect(outcomes.map((row) => row.status)).toEqual(['enrolled', 'waitlisted']);
    await complete(lectern, batch, cast.learner, 'contents', batch.contentId);
    const url = `/api/v1${batch.path}`;
    const keys = (body: any) => {
      const { isUserEnrolled, isUserWaitlisted, waitlistedCount, hasUserStarted, percentageOfProgress } = body;
      return { isUserEnrolled, isUserWaitlisted, waitlistedCount, hasUserStarted, percentageOfProgress };
    };
    const fatima = (await read(lectern, url, cast.learner.token)).json().batch;
    expect(keys(fatima)).toEqual({
      isUserEnrolled: true,
      isUserWaitlisted: false,
      waitlistedCount: 1,
      hasUserStarted: true,
      percentageOfProgress: 25,
    });
    expect(fatima.progressAsDisplayString).toBe('1 of 4 Completed');
    expect(fatima.learnersCount).toBe(1);
    const gustav = (await read(lectern, url, cast.otherLearner.token)).json().batch;
    expect(keys(gustav)).toEqual({
      isUserEnrolled: false,
      isUserWaitlisted: true,
      waitlistedCount: 1,
      hasUserStarted: false,
      percentageOfProgress: 0,
    });
    const admin = (await read(lectern, url, lectern.adminToken)).json().batch;
    expect(keys(admin)).toMatchObject({ isUserEnrolled: false, isUserWaitlisted: false, waitlistedCount: 1 });
    const list = (await read(lectern, `/api/v1/courses/${batch.courseId}/batches`, cast.learner.token)).json().batches;
    expect(keys(list[0])).toEqual(keys(fatima));
    const course = (await read(lectern, `/api/v1/courses/${batch.courseId}`, cast.learner.token)).json().course;
    expect(course.progressAsDisplayString).toBe('1 of 4 Completed');
  });
});
