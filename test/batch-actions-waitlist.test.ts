/** Unpublish with only waiting learners: refused like one with enrolled learners, until the waitlist is empty. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMandatoryLink } from './helpers/content.ts';
import { jsonType } from './helpers/courses.ts';
import { enrol } from './helpers/enrolments.ts';
import { createBatchModule, createSession, erecnoOf } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

it('refuses to unpublish a batch whose only members wait for a seat, and writes nothing', async () => {
  const path = await createBatchModule(lectern);
  await createSession(lectern, path);
  await addMandatoryLink(lectern, { courseId: path.courseId, batchId: path.batchId });
  const base = `/api/v1/courses/${path.courseId}/batches/${path.batchId}`;
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, data?: object) =>
    lectern.app.inject({
      method,
      url,
      headers: { ...lectern.auth(lectern.adminToken), ...(data ? jsonType : {}) },
      ...(data ? { payload: JSON.stringify(data) } : {}),
    });
  expect((await send('POST', `${base}/publish`)).statusCode).toBe(200);
  const settings = await send('PATCH', base, { maximumCapacity: 1, minimumCapacity: 0, allowWaitlisting: true });
  expect(settings.statusCode, settings.body).toBe(200);
  const fatima = erecnoOf(lectern, 'Fatima Zahra');
  const gustav = erecnoOf(lectern, 'Gustav Lind');
  expect(await enrol(lectern, path, [fatima, gustav])).toEqual(['enrolled', 'waitlisted']);
  // No seats at all now: when Fatima goes, Gustav keeps waiting.
  expect((await send('PATCH', base, { maximumCapacity: 0 })).statusCode).toBe(200);
  expect((await send('DELETE', `${base}/learners/${fatima}`)).statusCode).toBe(200);

  const refused = await send('POST', `${base}/unpublish`);
  expect(refused.statusCode).toBe(400);
  expect(refused.json()).toEqual({
    code: 'UNABLE_TO_UNPUBLISH_WITH_MEMBERS',
    message: 'The batch has 1 learner on its waitlist: remove them before unpublishing',
  });
  const batch = await lectern.app.inject({ url: base, headers: lectern.auth(lectern.adminToken) });
  expect(batch.json().batch).toMatchObject({ publishStatus: 'published', learnersCount: 0 });
  const waiting = await lectern.app.lectern.db
    .selectFrom('enrolments')
    .select(['erecno', 'status'])
    .where('batch_id', '=', path.batchId)
    .execute();
  expect(waiting).toEqual([{ erecno: gustav, status: 'waitlisted' }]);

  expect((await send('DELETE', `${base}/learners/${gustav}`)).statusCode).toBe(200);
  const unpublished = await send('POST', `${base}/unpublish`);
  expect(unpublished.statusCode, unpublished.body).toBe(200);
  expect(unpublished.json().batch.status).toBe('unpublished');
});
