/** Link API access: tokens, scopes, roles, unknown and foreign ids, path ids, and the family rule, on every endpoint. */
import { expect, it } from 'vitest';
import { createBlendedCourse } from './helpers/blended.ts';
import { addMandatoryLink } from './helpers/content.ts';
import { createCourse } from './helpers/courses.ts';
import { describeEntityAccess } from './helpers/entity-access.ts';

const state = describeEntityAccess({
  plural: 'links',
  singular: 'link',
  idParameter: 'linkId',
  nameKey: 'linkName',
  writePayload: { name: 'Should not land', embedURL: 'https://example.org' },
  writePrefix: '/api/v1',
  add: async (lectern, target) => {
    const { moduleId, linkId } = await addMandatoryLink(lectern, target);
    return { moduleId, entityId: linkId };
  },
});

it('hides a drafted course’s links from a plain employee, and a batch’s from another course', async () => {
  const { lectern, plain, call, fixtures } = state();
  const drafted = (await createCourse(lectern, lectern.adminToken)).courseId;
  const { moduleId } = await addMandatoryLink(lectern, { courseId: drafted });
  expect((await call('GET', `/api/v1/courses/${drafted}/links`, plain.token)).statusCode).toBe(403);
  expect((await call('GET', `/api/v1/courses/${drafted}/modules/${moduleId}/links`, plain.token)).statusCode).toBe(403);
  const otherCourse = await createBlendedCourse(lectern);
  const wrong = `/api/v1/courses/${otherCourse}/batches/${fixtures.blended.batchId}/links`;
  expect((await call('GET', wrong, lectern.adminToken)).statusCode).toBe(404);
});
