/** The learner history: what enrolment writes, the answer's shape, filters and paging, and that history outlives things. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { createCourse, publishCourse } from './helpers/courses.ts';
import { enrol, enrolUrl } from './helpers/enrolments.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

const erecno = (name: string) => lectern.employees.find((employee) => employee.display_name === name)!.erecno;

function get(url: string, token = lectern.adminToken) {
  return lectern.app.inject({ url, headers: lectern.auth(token) });
}

function call(method: 'POST' | 'DELETE', url: string) {
  return lectern.app.inject({ method, url, headers: lectern.auth(lectern.adminToken) });
}

/** A published batch of `seats` seats that keeps a waitlist. */
async function waitlistedBatch(seats: number) {
  const courseId = await createBlendedCourse(lectern);
  const batchId = await insertBatch(lectern, courseId, {
    startDate: '2026-06-01',
    endDate: '2026-06-30',
    maximumCapacity: seats,
    allowWaitlisting: true,
    publishStatus: 'published',
  });
  return { courseId, batchId };
}

const brief = (entry: any) => [entry.type, entry.learner.displayName, entry.before, entry.after];

describe('what enrolment writes', () => {
  it('records enrolled, waitlisted, promoted, unenrolled and removed with before and after, oldest first', async () => {
    const place = await waitlistedBatch(1);
    lectern.clock.set(Date.UTC(2026, 4, 10, 9, 30));
    expect(await enrol(lectern, place, [erecno('Fatima Zahra'), erecno('Gustav Lind'), erecno('Hana Sato')])).toEqual([
      'enrolled',
      'waitlisted',
      'waitlisted',
    ]);
    const left = await call('POST', `${enrolUrl(place, 'unenroll')}?erecnosList=[${erecno('Fatima Zahra')}]`);
    expect(left.statusCode, left.body).toBe(200);
    const base = `/api/v1/courses/${place.courseId}/batches/${place.batchId}`;
    expect((await call('DELETE', `${base}/learners/${erecno('Hana Sato')}`)).statusCode).toBe(200);

    const response = await get(`/lectern/v1/courses/${place.courseId}/history`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['code', 'history', 'hasMoreRecords', 'message']);
    expect(body).toMatchObject({ code: '200', hasMoreRecords: false, message: 'success' });
    expect(body.history.map(brief)).toEqual([
      ['learner.enrolled.v1', 'Fatima Zahra', null, { status: 'enrolled' }],
      ['learner.waitlisted.v1', 'Gustav Lind', null, { status: 'waitlisted', position: 0 }],
      ['learner.waitlisted.v1', 'Hana Sato', null, { status: 'waitlisted', position: 1 }],
      ['learner.unenrolled.v1', 'Fatima Zahra', { status: 'enrolled' }, null],
      ['learner.promoted.v1', 'Gustav Lind', { status: 'waitlisted', position: 0 }, { status: 'enrolled' }],
      ['learner.removed.v1', 'Hana Sato', { status: 'waitlisted', position: 1 }, null],
    ]);
    const [first] = body.history;
    const fatima = lectern.employees.find((employee) => employee.display_name === 'Fatima Zahra')!;
    expect(first).toEqual({
      historyId: expect.stringMatching(/^[0-9]+$/),
      type: 'learner.enrolled.v1',
      courseId: place.courseId,
      batchId: place.batchId,
      learner: {
        erecno: fatima.erecno,
        displayName: 'Fatima Zahra',
        employeeId: fatima.employee_id,
        emailId: fatima.email_id,
        displayPictureURL: `http://lectern.test/lectern/v1/employees/${fatima.erecno}/photo`,
      },
      by: expect.objectContaining({ erecno: lectern.adminErecno, displayName: 'Adam Fischer' }),
      at: Date.UTC(2026, 4, 10, 9, 30),
      atAsDisplayString: '10-May-2026 09:30 AM',
      subject: { kind: 'batch', id: place.batchId },
      before: null,
      after: { status: 'enrolled' },
    });
    const ids = body.history.map((entry: any) => Number(entry.historyId));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('records course-level seats with the course as subject, and nothing for a refused or repeated enrolment', async () => {
    const course = await createCourse(lectern, lectern.adminToken, { type: 1 });
    await publishCourse(lectern, course.courseId, lectern.adminToken);
    const place = { courseId: course.courseId, batchId: null };
    await enrol(lectern, place, [erecno('Ivan Petrov')]);
    await enrol(lectern, place, [erecno('Ivan Petrov')]);
    const inactive = await call('POST', `${enrolUrl(place)}?erecnosList=[${erecno('Tove Berg')}]`);
    expect(inactive.statusCode).toBe(400);
    const history = (await get(`/lectern/v1/courses/${course.courseId}/history`)).json().history;
    expect(history.map(brief)).toEqual([['learner.enrolled.v1', 'Ivan Petrov', null, { status: 'enrolled' }]]);
    expect(history[0]).toMatchObject({ batchId: null, subject: { kind: 'course', id: course.courseId } });
  });
});

describe('filters and paging', () => {
  let place: { courseId: string; batchId: string };
  let other: { courseId: string; batchId: string };
  const names = ['Fatima Zahra', 'Gustav Lind', 'Hana Sato', 'Ivan Petrov', 'Julia Moreau', 'Kofi Mensah'];
  beforeAll(async () => {
    place = await waitlistedBatch(3);
    other = {
      courseId: place.courseId,
      batchId: await insertBatch(lectern, place.courseId, {
        startDate: '2026-07-01',
        endDate: '2026-07-31',
        publishStatus: 'published',
      }),
    };
    lectern.clock.set(Date.UTC(2026, 0, 1));
    // One learner a day: the first three are seated, the rest wait.
    for (const name of names) {
      await enrol(lectern, place, [erecno(name)]);
      lectern.clock.advance(24 * 3600 * 1000);
    }
    await enrol(lectern, other, [erecno('Lena Novak')]);
  });

  const historyOf = async (query: string) => {
    const response = await get(`/lectern/v1/courses/${place.courseId}/history${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('filters by batch, by type (one or a comma list) and by time (inclusive bounds)', async () => {
    expect((await historyOf('')).history).toHaveLength(7);
    expect((await historyOf(`?batchId=${other.batchId}`)).history.map(brief)).toEqual([
      ['learner.enrolled.v1', 'Lena Novak', null, { status: 'enrolled' }],
    ]);
    const waiting = await historyOf(`?batchId=${place.batchId}&type=learner.waitlisted.v1`);
    expect(waiting.history.map((entry: any) => entry.learner.displayName)).toEqual(names.slice(3));
    const both = await historyOf('?type=learner.waitlisted.v1,learner.enrolled.v1');
    expect(both.history).toHaveLength(7);
    const day = 24 * 3600 * 1000;
    const from = Date.UTC(2026, 0, 2);
    const window = await historyOf(`?from=${from}&to=${from + 2 * day}`);
    expect(window.history.map((entry: any) => entry.learner.displayName)).toEqual(names.slice(1, 4));
    expect((await historyOf('?type=marks.recorded.v1')).history).toEqual([]);
  });

  it('pages with startIndex and limit (25 by default), telling whether more exist', async () => {
    const first = await historyOf('?limit=4');
    expect(first.history).toHaveLength(4);
    expect(first.hasMoreRecords).toBe(true);
    const second = await historyOf('?limit=4&startIndex=4');
    expect(second.history).toHaveLength(3);
    expect(second.hasMoreRecords).toBe(false);
    const ids = [...first.history, ...second.history].map((entry: any) => entry.historyId);
    expect(new Set(ids).size).toBe(7);
    expect((await historyOf('')).hasMoreRecords).toBe(false);
  });

  it('reads the same filters on the learner path', async () => {
    const learner = await get(`/lectern/v1/learners/${erecno('Kofi Mensah')}/history?type=learner.waitlisted.v1`);
    expect(learner.statusCode, learner.body).toBe(200);
    expect(learner.json().history.map(brief)).toEqual([
      ['learner.waitlisted.v1', 'Kofi Mensah', null, { status: 'waitlisted', position: 2 }],
    ]);
  });

  it.each([
    ['?type=enrolled', 'type'],
    ['?type=learner.enrolled.v1,DROP%20TABLE', 'type'],
    ['?from=yesterday', 'from'],
    ['?from=-5', 'from'],
    ['?from=10&to=5', 'to'],
    ['?limit=0', 'limit'],
    ['?limit=201', 'limit'],
    ['?startIndex=-1', 'startIndex'],
    ['?batchId=abc', 'batchId'],
  ])('refuses %s with 400 naming %s', async (query, parameter) => {
    const response = await get(`/lectern/v1/courses/${place.courseId}/history${query}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter });
  });

  it('answers 400 naming a non-numeric path id and 404 for unknown ones', async () => {
    const learner = await get('/lectern/v1/learners/abc/history');
    expect(learner.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'erecno' });
    const course = await get('/lectern/v1/courses/abc/history');
    expect(course.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'courseId' });
    expect((await get('/lectern/v1/learners/123456789012345678/history')).statusCode).toBe(404);
    expect((await get('/lectern/v1/courses/123456789012345678/history')).statusCode).toBe(404);
  });
});

describe('history outlives what it is about', () => {
  it('keeps a learner’s entries after unenrolment and after the course is deleted (LMS admins still read it)', async () => {
    const place = await waitlistedBatch(2);
    await enrol(lectern, place, [erecno('Mateo Rossi')]);
    expect(
      (await call('POST', `${enrolUrl(place, 'unenroll')}?erecnosList=[${erecno('Mateo Rossi')}]`)).statusCode,
    ).toBe(200);
    expect((await call('DELETE', `/api/v1/courses/${place.courseId}`)).statusCode).toBe(200);
    const learner = await get(`/lectern/v1/learners/${erecno('Mateo Rossi')}/history`);
    expect(
      learner
        .json()
        .history.filter((entry: any) => entry.courseId === place.courseId)
        .map(brief),
    ).toEqual([
      ['learner.enrolled.v1', 'Mateo Rossi', null, { status: 'enrolled' }],
      ['learner.unenrolled.v1', 'Mateo Rossi', { status: 'enrolled' }, null],
    ]);
    const course = await get(`/lectern/v1/courses/${place.courseId}/history`);
    expect(course.statusCode, course.body).toBe(200);
    expect(course.json().history).toHaveLength(2);
    // Nobody but an LMS admin reads a deleted course's history; another portal never finds it.
    const mateo = await lectern.token(['READ'], erecno('Mateo Rossi'));
    expect((await get(`/lectern/v1/courses/${place.courseId}/history`, mateo)).statusCode).toBe(404);
    const otherPortal = await lectern.otherPortal();
    expect((await get(`/lectern/v1/courses/${place.courseId}/history`, otherPortal.token)).statusCode).toBe(404);
  });
});
