/**
 * Factories for the completion tests: a published self-paced course or a published batch of a blended course with
 * the given completion settings, modules (with locks) and links, learners enrolled, and the learner's actions.
 */
import { expect } from 'vitest';
import { createBlendedCourse, insertBatch } from './blended.ts';
import { addMandatoryLink, parentUrl } from './content.ts';
import { jsonType, type Person, patchCourse } from './courses.ts';
import { createSession, erecnoOf } from './sessions.ts';
import type { TestLectern } from './test-app.ts';

/** The three completion settings, as numbers. */
export interface CompletionSettings {
  entity?: number;
  module?: number;
  course?: number;
}

/** A course (batchId null) or a batch of a blended course. */
export interface Place {
  courseId: string;
  batchId: string | null;
}

/** A module to make: its lock, and its links (true: mandatory). */
export interface ModulePlan {
  name: string;
  lockType?: number;
  lockUntil?: string;
  links?: { name: string; isMandatory?: boolean; lockUntil?: string }[];
}

/** The ids made for a plan: modules by name, links by name. */
export interface Built extends Place {
  modules: Record<string, string>;
  links: Record<string, string>;
  /** The module id of each link, by link name. */
  linkModules: Record<string, string>;
}

/** The base URL of a place under a prefix. */
export function placeUrl(place: Place, prefix = '/api/v1'): string {
  return parentUrl(place, prefix);
}

async function post(lectern: TestLectern, url: string, token: string, body?: object) {
  return lectern.app.inject({
    method: 'POST',
    url,
    headers: { ...lectern.auth(token), ...jsonType },
    payload: JSON.stringify(body ?? {}),
  });
}

async function buildModules(lectern: TestLectern, place: Place, plans: ModulePlan[]): Promise<Built> {
  const built: Built = { ...place, modules: {}, links: {}, linkModules: {} };
  for (const plan of plans) {
    const created = await post(lectern, `${placeUrl(place)}/modules`, lectern.adminToken, {
      name: plan.name,
      ...(plan.lockType === undefined ? {} : { lockType: plan.lockType }),
      ...(plan.lockUntil === undefined ? {} : { lockUntil: plan.lockUntil }),
    });
    expect(created.statusCode, created.body).toBe(200);
    const moduleId = created.json().module.moduleId as string;
    built.modules[plan.name] = moduleId;
    for (const link of plan.links ?? []) {
      const { linkId } = await addMandatoryLink(
        lectern,
        { ...place, moduleId },
        {
          name: link.name,
          isMandatory: link.isMandatory ?? true,
          ...(link.lockUntil === undefined ? {} : { lockUntil: link.lockUntil }),
        },
      );
      built.links[link.name] = linkId;
      built.linkModules[link.name] = moduleId;
    }
  }
  return built;
}

/** Enrols people (by the admin) into the place. */
export async function enrol(lectern: TestLectern, place: Place, people: Person[]): Promise<void> {
  const list = people.map((person) => person.erecno).join(',');
  const response = await post(lectern, `${placeUrl(place)}/enroll?erecnosList=[${list}]`, lectern.adminToken);
  expect(response.statusCode, response.body).toBe(200);
}

/**
 * A published self-paced course with the settings and modules (the first module should hold a mandatory link so
 * that it can be published), with Julia Moreau as course admin when given.
 */
export async function selfPacedCourse(
  lectern: TestLectern,
  settings: CompletionSettings,
  plans: ModulePlan[],
  extra: Record<string, unknown> = {},
): Promise<Built> {
  const created = await post(lectern, '/api/v1/courses', lectern.adminToken, {
    name: 'Completion course',
    type: 1,
    ...extra,
  });
  expect(created.statusCode, created.body).toBe(200);
  const courseId = created.json().course.courseId as string;
  await setSettings(lectern, courseId, settings);
  const built = await buildModules(lectern, { courseId, batchId: null }, plans);
  const published = await post(lectern, `/api/v1/courses/${courseId}/publish`, lectern.adminToken);
  expect(published.statusCode, published.body).toBe(200);
  return built;
}

/**
 * A published batch (January and February 2026) of a new blended course with the settings and modules, and one
 * session (a batch needs one to be published; sessions count as mandatory) in a free hour of February in the first
 * module.
 */
export async function blendedBatch(
  lectern: TestLectern,
  settings: CompletionSettings,
  plans: ModulePlan[],
): Promise<Built & { sessionId: string }> {
  const courseId = await createBlendedCourse(lectern);
  await setSettings(lectern, courseId, settings);
  const batchId = await insertBatch(lectern, courseId, { startDate: '2026-01-01', endDate: '2026-02-28' });
  const built = await buildModules(lectern, { courseId, batchId }, plans);
  const moduleId = Object.values(built.modules)[0]!;
  const session = await createSession(
    lectern,
    { courseId, batchId, moduleId },
    {
      trainerErecno: erecnoOf(lectern, 'Divya Raman'),
      roomId: '',
    },
  );
  const published = await post(lectern, `${placeUrl(built)}/publish`, lectern.adminToken);
  expect(published.statusCode, published.body).toBe(200);
  return { ...built, sessionId: session.sessionId as string };
}

/** Sets the course's completion settings. */
export async function setSettings(lectern: TestLectern, courseId: string, settings: CompletionSettings) {
  const permissionSettings: Record<string, number> = {};
  if (settings.entity !== undefined) permissionSettings.whenAnEntityIsConsideredAsCompleted = settings.entity;
  if (settings.module !== undefined) permissionSettings.whenAModuleIsConsideredAsCompleted = settings.module;
  if (settings.course !== undefined) permissionSettings.whenACourseIsConsideredAsCompleted = settings.course;
  const patched = await patchCourse(lectern, courseId, lectern.adminToken, { permissionSettings });
  expect(patched.statusCode, patched.body).toBe(200);
}

/** POSTs a learner action on a link: markAsComplete, markAsIncomplete or open (all Lectern's paths). */
export function actOnLink(
  lectern: TestLectern,
  built: Built,
  link: string,
  action: 'markAsComplete' | 'markAsIncomplete' | 'open',
  token: string,
) {
  const linkId = built.links[link]!;
  const moduleId = built.linkModules[link]!;
  return post(lectern, `${placeUrl(built, '/lectern/v1')}/modules/${moduleId}/links/${linkId}/${action}`, token);
}

/** POSTs markAsComplete / markAsIncomplete of a module (Lectern's path). */
export function actOnModule(
  lectern: TestLectern,
  built: Built,
  module: string,
  action: 'markAsComplete' | 'markAsIncomplete',
  token: string,
) {
  return post(lectern, `${placeUrl(built, '/lectern/v1')}/modules/${built.modules[module]}/${action}`, token);
}

/** POSTs markAsComplete / markAsIncomplete of a learner's course (Lectern's path). */
export function actOnCourse(
  lectern: TestLectern,
  place: Place,
  learner: Person,
  action: 'markAsComplete' | 'markAsIncomplete',
  token: string,
) {
  return post(lectern, `${placeUrl(place, '/lectern/v1')}/learners/${learner.erecno}/${action}`, token);
}
