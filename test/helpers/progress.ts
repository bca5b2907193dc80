/**
 * Worlds for the progress, learning plan and my-courses tests: published courses and batches with known entities,
 * enrolled learners, and completions made through the completion endpoints.
 */
import { expect } from 'vitest';
import { createBlendedCourse, insertBatch } from './blended.ts';
import { addContent, addMandatoryLink, addModule } from './content.ts';
import { createCourse, type Person } from './courses.ts';
import { type Cast, castOf } from './roles.ts';
import { createTestLectern, type TestLectern } from './test-app.ts';

/** A course (or a batch of one) with one module of 3 mandatory links or contents and 1 optional link. */
export interface World {
  courseId: string;
  batchId: string | null;
  moduleId: string;
  /** Mandatory: two links and a content; optional: the third link. */
  links: [string, string, string];
  contentId: string;
  /** `/courses/{c}` or `/courses/{c}/batches/{b}`. */
  path: string;
}

async function fillModule(lectern: TestLectern, courseId: string, batchId: string | null) {
  const target = { courseId, batchId };
  const moduleId = await addModule(lectern, target, 'Basics');
  const first = await addMandatoryLink(lectern, { ...target, moduleId }, { name: 'Link one' });
  const second = await addMandatoryLink(lectern, { ...target, moduleId }, { name: 'Link two' });
  const optional = await addMandatoryLink(lectern, { ...target, moduleId }, { name: 'Extra', isMandatory: false });
  const content = await addContent(lectern, { ...target, moduleId }, { name: 'Reading' });
  return {
    moduleId,
    links: [first.linkId, second.linkId, optional.linkId] as [string, string, string],
    contentId: content.contentId,
  };
}

/** A published self-paced course administered by Julia (Adam owns it). */
export async function selfPacedWorld(
  lectern: TestLectern,
  cast: Cast,
  data: Record<string, unknown> = {},
): Promise<World> {
  const course = await createCourse(lectern, lectern.adminToken, { courseAdmins: [cast.courseAdmin.erecno], ...data });
  const courseId = course.courseId as string;
  const filled = await fillModule(lectern, courseId, null);
  const publish = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/publish`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(publish.statusCode, publish.body).toBe(200);
  return { courseId, batchId: null, ...filled, path: `/courses/${courseId}` };
}

/** A published batch of a blended course administered by Julia (rows written directly, as enrolment tests do). */
export async function blendedWorld(
  lectern: TestLectern,
  cast: Cast,
  options: { maximumCapacity?: number; allowWaitlisting?: boolean } = {},
): Promise<World> {
  const courseId = await createBlendedCourse(lectern);
  const patch = await lectern.app.inject({
    method: 'PATCH',
    url: `/api/v1/courses/${courseId}`,
    headers: { ...lectern.auth(lectern.adminToken), 'content-type': 'application/json' },
    payload: JSON.stringify({ courseAdmins: [cast.courseAdmin.erecno] }),
  });
  expect(patch.statusCode, patch.body).toBe(200);
  const batchId = await insertBatch(lectern, courseId, {
    startDate: '2026-06-01',
    endDate: '2026-06-30',
    maximumCapacity: options.maximumCapacity ?? 30,
    allowWaitlisting: options.allowWaitlisting,
    publishStatus: 'published',
  });
  await lectern.app.lectern.db.updateTable('courses').set({ status: 1 }).where('id', '=', courseId).execute();
  const filled = await fillModule(lectern, courseId, batchId);
  return { courseId, batchId, ...filled, path: `/courses/${courseId}/batches/${batchId}` };
}

/** Enrols people (as the LMS admin) into the world's course or batch. */
export async function enrol(lectern: TestLectern, world: World, people: Person[]) {
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1${world.path}/enroll?erecnosList=[${people.map((person) => person.erecno).join(',')}]`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().learners as { erecno: string; status: string }[];
}

/** The learner marks one of the world's links or its content completed. */
export async function complete(
  lectern: TestLectern,
  world: World,
  person: Person,
  kind: 'links' | 'contents',
  id: string,
) {
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/lectern/v1${world.path}/modules/${world.moduleId}/${kind}/${id}/markAsComplete`,
    headers: lectern.auth(person.token),
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** GET with a token (the raw response). */
export function read(lectern: TestLectern, url: string, token: string) {
  return lectern.app.inject({ url, headers: lectern.auth(token) });
}

/** A fresh Lectern, its cast, and a self-paced world with Fatima and Gustav enrolled and Fatima past link one. */
export async function lecternWithStartedCourse(): Promise<{ lectern: TestLectern; cast: Cast; world: World }> {
  const lectern = await createTestLectern();
  const cast = await castOf(lectern);
  const world = await selfPacedWorld(lectern, cast);
  await enrol(lectern, world, [cast.learner, cast.otherLearner]);
  await complete(lectern, world, cast.learner, 'links', world.links[0]);
  return { lectern, cast, world };
}
