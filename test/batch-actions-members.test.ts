/** Unpublish with learners: UNABLE_TO_UNPUBLISH_WITH_MEMBERS, with a learner really enrolled and then removed. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMandatoryLink } from './helpers/content.ts';
import { createCourse } from './helpers/courses.ts';
import { insertSession } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

it('refuses to unpublish a batch with learners and changes nothing; without them it unpublishes', async () => {
  const courseId = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
  const data = {
    name: 'Batch',
    startDate: '10-01-2026',
    endDate: '20-02-2026',
    minimumCapacity: 1,
    maximumCapacity: 9,
  };
  const created = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/batches?batchData=${encodeURIComponent(JSON.stringify(data))}`,
    headers: lectern.auth(lectern.adminToken),
  });
  const batchId = created.json().batch.batchId;
  await insertSession(
    lectern,
    { courseId, batchId, moduleId: '700000000000000002' },
    { id: '700000000000000001', date: '2026-01-15' },
  );
  await addMandatoryLink(lectern, { courseId, batchId });
  const act = (action: string) =>
    lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${courseId}/batches/${batchId}/${action}`,
      headers: lectern.auth(lectern.adminToken),
    });
  expect((await act('publish')).statusCode).toBe(200);

  const learner = lectern.employees.find((employee) => employee.display_name === 'Hana Sato')!.erecno;
  const batchUrl = `/api/v1/courses/${courseId}/batches/${batchId}`;
  const enrolled = await lectern.app.inject({
    method: 'POST',
    url: `${batchUrl}/enroll?erecnosList=[${learner}]`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(enrolled.statusCode, enrolled.body).toBe(200);
  const refused = await act('unpublish');
  expect(refused.statusCode).toBe(400);
  expect(refused.json()).toEqual({
    code: 'UNABLE_TO_UNPUBLISH_WITH_MEMBERS',
    message: 'The batch has learners: remove them before unpublishing',
  });
  const batch = await lectern.app.inject({
    url: `/api/v1/courses/${courseId}/batches/${batchId}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(batch.json().batch.publishStatus).toBe('published');

  const removed = await lectern.app.inject({
    method: 'DELETE',
    url: `${batchUrl}/learners/${learner}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(removed.statusCode, removed.body).toBe(200);
  expect((await act('unpublish')).json().batch.status).toBe('unpublished');
});
