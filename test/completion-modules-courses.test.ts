import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actOnCourse,
  actOnLink,
  actOnModule,
  type Built,
  blendedBatch,
  enrol,
  placeUrl,
  selfPacedCourse,
} from './helpers/completion.ts';
import { jsonType, type Person, personNamed } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let learner: Person;
let otherLearner: Person;
let courseAdmin: Person;
const day = 86_400_000;
const start = Date.UTC(2026, 0, 5, 9, 0, 0);
beforeAll(async () => {
  lectern = await createTestLectern();
  learner = await personNamed(lectern, 'Fatima Zahra');
  otherLearner = await personNamed(lectern, 'Gustav Lind');
  courseAdmin = await personNamed(lectern, 'Julia Moreau');
});
afterAll(() => lectern.close());

function post(url: string, token: string, body: object = {}) {
  return lectern.app.inject({
    method: 'POST',
    url,
    headers: { ...lectern.auth(token), ...jsonType },
    payload: JSON.stringify(body),
  });
}

async function events(erecno: string, courseId: string, prefix: string): Promise<string[]> {
  const rows = await lectern.app.lectern.db
    .selectFrom('learner_history')
    .select('type')
    .where('erecno', '=', erecno)
    .where('course_id', '=', courseId)
    .where('type', 'like', `${prefix}.%`)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.type);
}

async function modulesSeenBy(built: Built, token: string): Promise<Record<string, boolean>> {
  const response = await lectern.app.inject({ url: `${placeUrl(built)}/modules`, headers: lectern.auth(token) });
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries(
    response.json().modules.map((module: any) => [module.moduleName, module.isLocked as boolean]),
  );
}

describe('whenAModuleIsConsideredAsCompleted', () => {
  it('1: the learner marks the module, and may unmark it', async () => {
    const built = await selfPacedCourse(lectern, { module: 1, course: 2 }, [{ name: 'One', links: [{ name: 'a' }] }]);
    await enrol(lectern, built, [learner]);
    // Completing every entity does not complete the module under rule 1.
    const link = await actOnLink(lectern, built, 'a', 'markAsComplete', learner.token);
    expect(link.json().completion).toMatchObject({ isModuleCompleted: false, isCourseCompleted: true });
    const marked = await actOnModule(lectern, built, 'One', 'markAsComplete', learner.token);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().completion).toMatchObject({ state: 'completed', isModuleCompleted: true });
    const unmarked = await actOnModule(lectern, built, 'One', 'markAsIncomplete', learner.token);
    expect(unmarked.json().completion).toMatchObject({ state: 'notCompleted', isModuleCompleted: false });
    expect(await events(learner.erecno, built.courseId, 'module')).toEqual([
      'module.completed.v1',
      'module.reopened.v1',
    ]);
    expect((await actOnModule(lectern, built, 'One', 'markAsComplete', otherLearner.token)).statusCode).toBe(403);
  });

  it('2: all mandatory entities complete it (optional ones do not count); marking it is refused', async () => {
    const built = await selfPacedCourse(lectern, { module: 2 }, [
      { name: 'One', links: [{ name: 'must' }, { name: 'may', isMandatory: false }] },
    ]);
    await enrol(lectern, built, [learner]);
    const refused = await actOnModule(lectern, built, 'One', 'markAsComplete', learner.token);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().message).toMatch(/whenAModuleIsConsideredAsCompleted 2/);
    const marked = await actOnLink(lectern, built, 'must', 'markAsComplete', learner.token);
    expect(marked.json().completion.isModuleCompleted).toBe(true);
  });

  it('lockType 2: the next module is locked for each learner until they complete the previous one', async () => {
    const built = await selfPacedCourse(lectern, { module: 2 }, [
      { name: 'One', links: [{ name: 'a' }] },
      { name: 'Two', lockType: 2, links: [{ name: 'b' }] },
    ]);
    await enrol(lectern, built, [learner, otherLearner]);
    expect(await modulesSeenBy(built, learner.token)).toEqual({ One: false, Two: true });
    const refused = await actOnLink(lectern, built, 'b', 'markAsComplete', learner.token);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().code).toBe('UNABLE_TO_MARK_AS_COMPLETE_AS_LINK_LOCKED');
    expect((await actOnLink(lectern, built, 'a', 'markAsComplete', learner.token)).statusCode).toBe(200);
    expect(await modulesSeenBy(built, learner.token)).toEqual({ One: false, Two: false });
    // Another learner's progress is their own; a non-learner sees the course-wide reading.
    expect(await modulesSeenBy(built, otherLearner.token)).toEqual({ One: false, Two: true });
    expect(await modulesSeenBy(built, lectern.adminToken)).toEqual({ One: false, Two: true });
    expect((await actOnLink(lectern, built, 'b', 'markAsComplete', learner.token)).statusCode).toBe(200);
  });
});

describe('whenACourseIsConsideredAsCompleted', () => {
  it('1: the learner marks their own course; nobody else may', async () => {
    const built = await selfPacedCourse(lectern, { course: 1 }, [{ name: 'One', links: [{ name: 'a' }] }], {
      courseAdmins: [courseAdmin.erecno],
    });
    await enrol(lectern, built, [learner]);
    for (const other of [otherLearner.token, courseAdmin.token, lectern.adminToken]) {
      const refused = await actOnCourse(lectern, built, learner, 'markAsComplete', other);
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().message).toMatch(/whenACourseIsConsideredAsCompleted 1/);
    }
    const marked = await actOnCourse(lectern, built, learner, 'markAsComplete', learner.token);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().completion.isCourseCompleted).toBe(true);
    expect(await events(learner.erecno, built.courseId, 'course')).toEqual(['course.completed.v1']);
  });

  it('3: a course admin (or the LMS admin) marks the learner and revokes it; the learner may not', async () => {
    const built = await selfPacedCourse(lectern, { course: 3 }, [{ name: 'One', links: [{ name: 'a' }] }], {
      courseAdmins: [courseAdmin.erecno],
    });
    await enrol(lectern, built, [learner]);
    const refused = await actOnCourse(lectern, built, learner, 'markAsComplete', learner.token);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().message).toMatch(/whenACourseIsConsideredAsCompleted 3/);
    const marked = await actOnCourse(lectern, built, learner, 'markAsComplete', courseAdmin.token);
    expect(marked.json().completion.isCourseCompleted).toBe(true);
    const revoked = await actOnCourse(lectern, built, learner, 'markAsIncomplete', lectern.adminToken);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().completion.isCourseCompleted).toBe(false);
    expect(await events(learner.erecno, built.courseId, 'course')).toEqual([
      'course.completed.v1',
      'course.reopened.v1',
    ]);
    // A learner who is not enrolled cannot be marked.
    expect((await actOnCourse(lectern, built, otherLearner, 'markAsComplete', courseAdmin.token)).statusCode).toBe(404);
  });

  it('4, blended: completed once the batch end date (28 February) has passed in the portal time zone', async () => {
    lectern.clock.set(start);
    const built = await blendedBatch(lectern, { course: 4 }, [{ name: 'One', links: [{ name: 'a' }] }]);
    await enrol(lectern, built, [learner]);
    const db = lectern.app.lectern.db;
    await db.updateTable('portals').set({ time_zone: 'Asia/Kolkata' }).where('id', '=', lectern.portalId).execute();
    // 20:00 UTC on 28 February is already 1 March in Kolkata.
    lectern.clock.set(Date.UTC(2026, 1, 28, 18, 0, 0));
    const before = await actOnLink(lectern, built, 'a', 'open', learner.token);
    expect(before.json().completion.isCourseCompleted).toBe(false);
    const refused = await actOnCourse(lectern, built, learner, 'markAsComplete', lectern.adminToken);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().message).toMatch(/by date/);
    lectern.clock.set(Date.UTC(2026, 1, 28, 20, 0, 0));
    const after = await actOnLink(lectern, built, 'a', 'open', learner.token);
    expect(after.json().completion.isCourseCompleted).toBe(true);
    // Time passing writes nothing, so no course.completed.v1 is recorded for a completion by date.
    expect(await events(learner.erecno, built.courseId, 'course')).toEqual([]);
    await db.updateTable('portals').set({ time_zone: 'UTC' }).where('id', '=', lectern.portalId).execute();
    lectern.clock.set(start);
  });

  it('4, self-paced: completed when the course duration has passed since enrolment', async () => {
    lectern.clock.set(start);
    const built = await selfPacedCourse(lectern, { course: 4 }, [{ name: 'One', links: [{ name: 'a' }] }], {
      duration: 2,
      durationUnit: 'day',
    });
    await enrol(lectern, built, [learner]);
    lectern.clock.advance(2 * day - 1);
    expect((await actOnLink(lectern, built, 'a', 'open', learner.token)).json().completion.isCourseCompleted).toBe(
      false,
    );
    lectern.clock.advance(1);
    expect((await actOnLink(lectern, built, 'a', 'open', learner.token)).json().completion.isCourseCompleted).toBe(
      true,
    );
    lectern.clock.set(start);
  });
});

describe('tests, assignments and sessions complete by marks, results and attendance', () => {
  it('an offline test by its marks, an online test by a passing result, a session by attendance', async () => {
    const built = await blendedBatch(lectern, { entity: 1, module: 2, course: 2 }, [
      { name: 'One', links: [{ name: 'a' }] },
    ]);
    const moduleUrl = `${placeUrl(built)}/modules/${built.modules.One}`;
    const offline = await post(`${moduleUrl}/offlineTests`, lectern.adminToken, {
      name: 'Paper',
      marks: 10,
      duration: 30,
    });
    expect(offline.statusCode, offline.body).toBe(200);
    const offlineId = offline.json().offlineTest.offlineTestId as string;
    const online = await post(`${moduleUrl}/onlineTests`, lectern.adminToken, {
      name: 'Quiz',
      durationFor: 'none',
      maximumAttemptsAllowed: 1,
      questionPerPage: 'all',
      passPercentage: 50,
    });
    expect(online.statusCode, online.body).toBe(200);
    const onlineId = online.json().onlineTest.onlineTestId as string;
    await enrol(lectern, built, [learner]);

    // A learner cannot mark a test completed.
    const refused = await post(
      `/lectern/v1${moduleUrl.slice('/api/v1'.length)}/offlineTests/${offlineId}/markAsComplete`,
      learner.token,
    );
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().message).toMatch(/marks are recorded/);
    expect((await actOnLink(lectern, built, 'a', 'markAsComplete', learner.token)).statusCode).toBe(200);

    const marks = await post(`${moduleUrl}/offlineTests/${offlineId}/updateMarks`, lectern.adminToken, {
      learnerErecno: learner.erecno,
      marks: 4,
    });
    expect(marks.statusCode, marks.body).toBe(200);
    // Recording marks completes the test in the same transaction (entity-marks.service takes a snapshot around it).
    expect(await events(learner.erecno, built.courseId, 'entity')).toEqual([
      'entity.completed.v1',
      'entity.completed.v1',
    ]);
    const opened = await post(
      `/lectern/v1${moduleUrl.slice('/api/v1'.length)}/offlineTests/${offlineId}/open`,
      learner.token,
    );
    expect(opened.json().completion.state).toBe('completed');

    const resultUrl = `/lectern/v1${moduleUrl.slice('/api/v1'.length)}/onlineTests/${onlineId}/result`;
    const failed = await post(resultUrl, lectern.adminToken, { learnerId: learner.erecno, marks: 40 });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json().completion).toMatchObject({ state: 'inProgress', isCourseCompleted: false });
    const passed = await post(resultUrl, lectern.adminToken, {
      learnerId: learner.erecno,
      marks: '6',
      maximumMarks: 10,
    });
    expect(passed.json().completion).toMatchObject({ state: 'completed', isCourseCompleted: false });
    const over = await post(resultUrl, lectern.adminToken, { learnerId: learner.erecno, marks: 11, maximumMarks: 10 });
    expect(over.statusCode, over.body).toBe(400);
    expect(over.json().message).toMatch(/marks/);
    expect((await post(resultUrl, learner.token, { learnerId: learner.erecno, marks: 100 })).statusCode).toBe(403);

    const attendance = await lectern.app.inject({
      method: 'POST',
      url: `${placeUrl(built)}/modules/${built.modules.One}/sessions/${built.sessionId}/markAttendance?learnerErecno=${learner.erecno}&status=present`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(attendance.statusCode, attendance.body).toBe(200);
    const last = await actOnLink(lectern, built, 'a', 'open', learner.token);
    expect(last.json().completion).toMatchObject({ isModuleCompleted: true, isCourseCompleted: true });
  });
});
