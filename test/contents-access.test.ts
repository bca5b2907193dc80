/**
 * Content access on every endpoint, Zoho's reads and Lectern's writes: tokens, scopes, roles, unknown and foreign ids,
 * path ids, and the family rule.
 */
import { expect, it } from 'vitest';
import { addContent } from './helpers/content.ts';
import { createCourse } from './helpers/courses.ts';
import { describeEntityAccess } from './helpers/entity-access.ts';

const state = describeEntityAccess({
  plural: 'contents',
  singular: 'content',
  idParameter: 'contentId',
  nameKey: 'contentName',
  writePayload: { name: 'Should not land', content: '<p>x</p>' },
  writePrefix: '/lectern/v1',
  add: async (lectern, target) => {
    const { moduleId, contentId } = await addContent(lectern, target);
    return { moduleId, entityId: contentId };
  },
});

it('hides a drafted course’s contents from a plain employee', async () => {
  const { lectern, plain, call } = state();
  const drafted = (await createCourse(lectern, lectern.adminToken)).courseId;
  const { moduleId, contentId } = await addContent(lectern, { courseId: drafted });
  for (const url of [
    `/api/v1/courses/${drafted}/contents`,
    `/api/v1/courses/${drafted}/modules/${moduleId}/contents`,
    `/api/v1/courses/${drafted}/modules/${moduleId}/contents/${contentId}`,
  ]) {
    expect((await call('GET', url, plain.token)).statusCode, url).toBe(403);
  }
});
