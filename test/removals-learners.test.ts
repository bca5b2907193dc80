/**
 * Deleting a batch or a course with learners in it: each learner gets a learner.removed.v1 event (history, outbox),
 * a batch's learners stop being learners of the course, and a deleted course leaves every learning plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blendedBatch, enrol, selfPacedCourse } from './helpers/completion.ts';
import { jsonType, type Person } from './helpers/courses.ts';
import { type Cast, castOf } from './helpers/roles.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let cast: Cast;
beforeAll(async () => {
  lectern = await createTestLectern();
  cast = await castOf(lectern);
});
afterAll(() => lectern.close());

function call(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown, token = lectern.adminToken) {
  return lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(token), ...(body === undefined ? {} : jsonType) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

async function historyTypes(person: Person, courseId: string): Promise<string[]> {
  const response = await call('GET', `/lectern/v1/learners/${person.erecno}/history`);
  expect(response.statusCode, response.body).toBe(200);
  return response
    .json()
    .history.filter((entry: { courseId: string }) => entry.courseId === courseId)
    .map((entry: { type: string }) => entry.type);
}

describe('deleting what learners are in', () => {
  it('deleting a batch removes its learners with an event each, and they stop being learners of the course', async () => {
    const batch = await blendedBatch(lectern, {}, [{ name: 'Only', links: [{ name: 'Read' }] }]);
    await enrol(lectern, batch, [cast.learner, cast.otherLearner]);
    const before = await call('GET', `/api/v1/courses/${batch.courseId}`, undefined, cast.learner.token);
    expect(before.json().course.currentUserRole.learner).toBe(true);

    const deleted = await call('DELETE', `/api/v1/courses/${batch.courseId}/batches/${batch.batchId}`);
    expect(deleted.statusCode, deleted.body).toBe(200);

    for (const person of [cast.learner, cast.otherLearner]) {
      expect(await historyTypes(person, batch.courseId)).toEqual(['learner.enrolled.v1', 'learner.removed.v1']);
    }
    const after = await call('GET', `/api/v1/courses/${batch.courseId}`, undefined, lectern.adminToken);
    expect(after.statusCode, after.body).toBe(200);
    const members = await lectern.app.lectern.db
      .selectFrom('course_members')
      .select('erecno')
      .where('course_id', '=', batch.courseId)
      .where('relation', '=', 'learner')
      .execute();
    expect(members).toEqual([]);
    // Each learner is told, with a cancellation of the batch's sessions.
    const outbox = await call('GET', `/lectern/v1/notifications?erecno=${cast.learner.erecno}&type=learner.removed.v1`);
    expect(outbox.statusCode, outbox.body).toBe(200);
    expect(outbox.json().notifications).toHaveLength(1);
  });

  it('deleting a course removes its learners with an event each and takes it out of learning plans', async () => {
    const course = await selfPacedCourse(lectern, {}, [{ name: 'Only', links: [{ name: 'Read' }] }]);
    await enrol(lectern, course, [cast.learner]);
    const plan = await call('POST', '/lectern/v1/learning-plans', { name: 'Plan', courseIds: [course.courseId] });
    expect(plan.statusCode, plan.body).toBe(200);
    const planId = plan.json().learningPlan.learningPlanId as string;

    const deleted = await call('DELETE', `/api/v1/courses/${course.courseId}`);
    expect(deleted.statusCode, deleted.body).toBe(200);

    expect(await historyTypes(cast.learner, course.courseId)).toEqual(['learner.enrolled.v1', 'learner.removed.v1']);
    const rows = await lectern.app.lectern.db
      .selectFrom('learning_plan_courses')
      .select('course_id')
      .where('plan_id', '=', planId)
      .execute();
    expect(rows).toEqual([]);
    const plans = await call('GET', '/api/v1/learning-plans?startIndex=1&limit=100');
    const listed = plans
      .json()
      .learningPlans.find((item: { learningPlanId: string }) => item.learningPlanId === planId);
    expect(listed).toMatchObject({ coursesCount: 0, courses: [] });
  });
});
