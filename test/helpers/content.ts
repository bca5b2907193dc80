/**
 * Factories for module entities through the HTTP API: a mandatory link (what a course or batch needs before it can be
 * published: NO_MANDATORY_FILES_OR_LINK_FOUND_TO_PUBLISH) and contents through Lectern's own write API.
 */
import { expect } from 'vitest';
import type { TestLectern } from './test-app.ts';

// Not imported from courses.ts, whose publishCourse imports this file.
const jsonType = { 'content-type': 'application/json' };

/** Where an entity goes: a course's module, or a batch's (batchId set); a module is made when none is named. */
export interface EntityTarget {
  courseId: string;
  batchId?: string | null;
  moduleId?: string;
  token?: string;
}

/** The course's or batch's base URL under a prefix (`/api/v1` or `/lectern/v1`). */
export function parentUrl(target: EntityTarget, prefix = '/api/v1'): string {
  const batch = target.batchId ? `/batches/${target.batchId}` : '';
  return `${prefix}/courses/${target.courseId}${batch}`;
}

/** Creates a module through the Module API; answers its id. */
export async function addModule(lectern: TestLectern, target: EntityTarget, name = 'Content module'): Promise<string> {
  const response = await lectern.app.inject({
    method: 'POST',
    url: `${parentUrl(target)}/modules`,
    headers: { ...lectern.auth(target.token ?? lectern.adminToken), ...jsonType },
    payload: JSON.stringify({ name }),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().module.moduleId as string;
}

/** Adds a link (mandatory unless said otherwise) to the module, or to a new module; answers both ids. */
export async function addMandatoryLink(
  lectern: TestLectern,
  target: EntityTarget,
  linkData: Record<string, unknown> = {},
): Promise<{ moduleId: string; linkId: string }> {
  const moduleId = target.moduleId ?? (await addModule(lectern, target));
  const response = await lectern.app.inject({
    method: 'POST',
    url: `${parentUrl(target)}/modules/${moduleId}/links`,
    headers: { ...lectern.auth(target.token ?? lectern.adminToken), ...jsonType },
    payload: JSON.stringify({ name: 'Required reading', embedURL: 'https://example.org/read', ...linkData }),
  });
  expect(response.statusCode, response.body).toBe(200);
  return { moduleId, linkId: response.json().link.linkId as string };
}

/** Adds a content through Lectern's own write API (mandatory unless said otherwise); answers both ids. */
export async function addContent(
  lectern: TestLectern,
  target: EntityTarget,
  contentData: Record<string, unknown> = {},
): Promise<{ moduleId: string; contentId: string }> {
  const moduleId = target.moduleId ?? (await addModule(lectern, target));
  const response = await lectern.app.inject({
    method: 'POST',
    url: `${parentUrl(target, '/lectern/v1')}/modules/${moduleId}/contents`,
    headers: { ...lectern.auth(target.token ?? lectern.adminToken), ...jsonType },
    payload: JSON.stringify({ name: 'Reading', content: '<p>Read this.</p>', ...contentData }),
  });
  expect(response.statusCode, response.body).toBe(200);
  return { moduleId, contentId: response.json().content.contentId as string };
}
