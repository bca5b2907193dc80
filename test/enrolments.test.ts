import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { createCourse, formType, jsonType, personNamed, publishCourse } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

const erecno = (name: string) => lectern.employees.find((employee) => employee.display_name === name)!.erecno;

function call(method: 'POST' | 'DELETE', url: string, token = lectern.adminToken) {
  return lectern.app.inject({ method, url, headers: lectern.auth(token) });
}

function enrol(base: string, erecnos: string[], token = lectern.adminToken, verb = 'enroll') {
  return call('POST', `${base}/${verb}?erecnosList=[${erecnos.join(',')}]`, token);
}

async function publishedCourse(data: Record<string, unknown> = {}): Promise<string> {
  const course = await createCourse(lectern, lectern.adminToken, { type: 1, ...data });
  await publishCourse(lectern, course.courseId, lectern.adminToken);
  return course.courseId as string;
}

/** A published batch of a blended course (rows written directly; the course marked published as a batch would). */
async function publishedBatch(maximumCapacity: number, allowWaitlisting: boolean, publishStatus = 'published') {
  const courseId = await createBlendedCourse(lectern);
  const batchId = await insertBatch(lectern, courseId, {
    startDate: '2026-06-01',
    endDate: '2026-06-30',
    maximumCapacity,
    allowWaitlisting,
    publishStatus: publishStatus as 'published',
  });
  await lectern.app.lectern.db.updateTable('courses').set({ status: 1 }).where('id', '=', courseId).execute();
  return { courseId, batchId, base: `/api/v1/courses/${courseId}/batches/${batchId}` };
}

async function learnersCount(courseId: string, batchId: string): Promise<number> {
  const response = await lectern.app.inject({
    url: `/api/v1/courses/${courseId}/batches/${batchId}`,
    headers: lectern.auth(lectern.adminToken),
  });
  return response.json().batch.learnersCount;
}

describe('course-level enrolment (self-paced, e-material)', () => {
  it('enrols, reports per person, unenrols and removes; the course view follows', async () => {
    const courseId = await publishedCourse();
    const base = `/api/v1/courses/${courseId}`;
    const response = await enrol(base, [erecno('Fatima Zahra'), erecno('Gustav Lind')]);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.code).toBe('200');
    expect(body.message).toBe('success');
    expect(body.learners.map((learner: any) => [learner.displayName, learner.status])).toEqual([
      ['Fatima Zahra', 'enrolled'],
      ['Gustav Lind', 'enrolled'],
    ]);
    expect(Object.keys(body.learners[0])).toEqual([
      'erecno',
      'displayName',
      'employeeId',
      'emailId',
      'displayPictureURL',
      'status',
    ]);

    const again = await enrol(base, [erecno('Fatima Zahra')]);
    expect(again.json().learners[0].status).toBe('alreadyEnrolled');

    const fatima = await personNamed(lectern, 'Fatima Zahra');
    const view = await lectern.app.inject({ url: base, headers: lectern.auth(fatima.token) });
    expect(view.json().course.currentUserRole.learner).toBe(true);
    expect(view.json().course.canUserEnroll).toBe(false);

    const unpublish = await call('POST', `${base}/unpublish`);
    expect(unpublish.statusCode).toBe(400);
    expect(unpublish.json().code).toBe('UNABLE_TO_UNPUBLISH_WITH_MEMBERS');

    const left = await enrol(base, [erecno('Fatima Zahra'), erecno('Hana Sato')], lectern.adminToken, 'unenroll');
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().learners.map((learner: any) => learner.status)).toEqual(['unenrolled', 'notEnrolled']);
    const after = await lectern.app.inject({ url: base, headers: lectern.auth(fatima.token) });
    expect(after.json().course.currentUserRole.learner).toBe(false);

    const removed = await call('DELETE', `${base}/learners/${erecno('Gustav Lind')}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toEqual({ code: '200', message: 'success' });
    const missing = await call('DELETE', `${base}/learners/${erecno('Gustav Lind')}`);
    expect(missing.statusCode).toBe(404);
    expect((await call('POST', `${base}/unpublish`)).statusCode).toBe(200);
  });

  it('reads erecnosList from the query, a form field, a JSON body and a comma list', async () => {
    const courseId = await publishedCourse();
    const url = `/api/v1/courses/${courseId}/enroll`;
    const auth = lectern.auth(lectern.adminToken);
    const forms = [
      { url: `${url}?erecnosList=${erecno('Kofi Mensah')},${erecno('Lena Novak')}` },
      { url, headers: formType, payload: `erecnosList=${encodeURIComponent(`[${erecno('Mateo Rossi')}]`)}` },
      { url, headers: jsonType, payload: `{"erecnosList":[${erecno('Priya Nair')}]}` },
      { url, headers: jsonType, payload: JSON.stringify({ erecnosList: [erecno('Samir Khan')] }) },
    ];
    for (const form of forms) {
      const response = await lectern.app.inject({
        method: 'POST',
        url: form.url,
        headers: { ...auth, ...(form.headers ?? {}) },
        ...(form.payload === undefined ? {} : { payload: form.payload }),
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().learners.every((learner: any) => learner.status === 'enrolled')).toBe(true);
    }
    const none = await call('POST', url);
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('INPUT_PARAMETER_MISSING');
  });

  it('names its errors: before publish, blended at course level, unknown and inactive people', async () => {
    const drafted = await createCourse(lectern, lectern.adminToken, { type: 1 });
    const early = await enrol(`/api/v1/courses/${drafted.courseId}`, [erecno('Fatima Zahra')]);
    expect(early.statusCode).toBe(400);
    expect(early.json().code).toBe('UNABLE_TO_ADD_LEARNERS_BEFORE_PUBLISH');

    const { courseId, base } = await publishedBatch(5, false);
    const wrongLevel = await enrol(`/api/v1/courses/${courseId}`, [erecno('Fatima Zahra')]);
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().code).toBe('UNSUPPORTED_OPERATION');
    const selfPaced = await publishedCourse();
    const wrongBatch = await enrol(`/api/v1/courses/${selfPaced}/batches/${base.split('/').at(-1)}`, [
      erecno('Fatima Zahra'),
    ]);
    expect(wrongBatch.statusCode).toBe(400);
    expect(wrongBatch.json().code).toBe('UNSUPPORTED_OPERATION');
    expect((await call('DELETE', `/api/v1/courses/${courseId}/learners/${erecno('Fatima Zahra')}`)).statusCode).toBe(
      400,
    );

    const unknown = await enrol(`/api/v1/courses/${selfPaced}`, ['123456789012345678']);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().parameter).toBe('erecnosList');
    const inactive = await enrol(`/api/v1/courses/${selfPaced}`, [erecno('Tove Berg')]);
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().code).toBe('INVALID_INPUT');
    const partly = await enrol(`/api/v1/courses/${selfPaced}`, [erecno('Tove Berg'), erecno('Hana Sato')]);
    expect(partly.statusCode).toBe(200);
    expect(partly.json().learners.map((learner: any) => learner.status)).toEqual(['refused', 'enrolled']);
    expect(partly.json().learners[0].reason).toMatch(/inactive/);
  });
});

describe('batch enrolment, capacity and waitlist', () => {
  it('refuses an unpublished batch with UNABLE_TO_ADD_LEARNERS_BEFORE_PUBLISH', async () => {
    const { base } = await publishedBatch(5, false, 'unpublished');
    const response = await enrol(base, [erecno('Fatima Zahra')]);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('UNABLE_TO_ADD_LEARNERS_BEFORE_PUBLISH');
  });

  it('past maximumCapacity without a waitlist: 422 Maximum limit exceeded, or refused per person in a list', async () => {
    const { courseId, batchId, base } = await publishedBatch(2, false);
    const first = await enrol(base, [erecno('Fatima Zahra'), erecno('Gustav Lind'), erecno('Hana Sato')]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().learners.map((learner: any) => learner.status)).toEqual(['enrolled', 'enrolled', 'refused']);
    expect(first.json().learners[2].reason).toMatch(/^Maximum limit exceeded/);
    const full = await enrol(base, [erecno('Hana Sato')]);
    expect(full.statusCode).toBe(422);
    expect(full.json().code).toBe('BATCH_MAXIMUM_CAPACITY_EXCEEDED');
    expect(full.json().message).toMatch(/^Maximum limit exceeded/);
    expect(await learnersCount(courseId, batchId)).toBe(2);

    const unpublish = await call('POST', `${base}/unpublish`);
    expect(unpublish.json().code).toBe('UNABLE_TO_UNPUBLISH_WITH_MEMBERS');
  });

  it('waitlists past capacity and promotes the first waiting learner when a seat frees', async () => {
    const { courseId, batchId, base } = await publishedBatch(2, true);
    const names = ['Fatima Zahra', 'Gustav Lind', 'Hana Sato', 'Ivan Petrov'];
    const response = await enrol(base, names.map(erecno));
    expect(response.json().learners.map((learner: any) => learner.status)).toEqual([
      'enrolled',
      'enrolled',
      'waitlisted',
      'waitlisted',
    ]);
    expect((await enrol(base, [erecno('Hana Sato')])).json().learners[0].status).toBe('waitlisted');
    expect(await learnersCount(courseId, batchId)).toBe(2);

    const left = await enrol(base, [erecno('Fatima Zahra')], lectern.adminToken, 'unenroll');
    expect(left.statusCode, left.body).toBe(200);
    const rows = await lectern.app.lectern.db
      .selectFrom('enrolments')
      .select(['erecno', 'status'])
      .where('batch_id', '=', batchId)
      .execute();
    const statusOf = (name: string) => rows.find((row) => row.erecno === erecno(name))?.status;
    expect(statusOf('Hana Sato')).toBe('enrolled');
    expect(statusOf('Ivan Petrov')).toBe('waitlisted');
    expect(await learnersCount(courseId, batchId)).toBe(2);

    const removed = await call('DELETE', `${base}/learners/${erecno('Gustav Lind')}`);
    expect(removed.statusCode, removed.body).toBe(200);
    const ivan = await personNamed(lectern, 'Ivan Petrov');
    const view = await lectern.app.inject({ url: `/api/v1/courses/${courseId}`, headers: lectern.auth(ivan.token) });
    expect(view.json().course.currentUserRole.learner).toBe(true);
    expect(await learnersCount(courseId, batchId)).toBe(2);

    const list = await lectern.app.inject({
      url: `/api/v1/courses/${courseId}/batches`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(list.json().batches[0].learnersCount).toBe(2);
  });
});

describe('removals', () => {
  async function enrolmentRows(courseId: string): Promise<number> {
    const rows = await lectern.app.lectern.db
      .selectFrom('enrolments')
      .select('erecno')
      .where('course_id', '=', courseId)
      .execute();
    return rows.length;
  }

  it('deleting a batch or a course deletes its enrolments too', async () => {
    const { courseId, batchId, base } = await publishedBatch(5, false);
    expect((await enrol(base, [erecno('Hana Sato'), erecno('Ivan Petrov')])).statusCode).toBe(200);
    expect(await enrolmentRows(courseId)).toBe(2);
    expect((await call('DELETE', `/api/v1/courses/${courseId}/batches/${batchId}`)).statusCode).toBe(200);
    expect(await enrolmentRows(courseId)).toBe(0);

    const selfPaced = await publishedCourse();
    expect((await enrol(`/api/v1/courses/${selfPaced}`, [erecno('Hana Sato')])).statusCode).toBe(200);
    expect(await enrolmentRows(selfPaced)).toBe(1);
    expect((await call('DELETE', `/api/v1/courses/${selfPaced}`)).statusCode).toBe(200);
    expect(await enrolmentRows(selfPaced)).toBe(0);
  });
});
