/**
 * Capacity changes and the waitlist: raising maximumCapacity seats the first waiting learners, lowering it keeps
 * every seat, a list unenrol frees several seats at once, and a batch with only waiting learners stays published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { jsonType } from './helpers/courses.ts';
import { enrol, enrolUrl } from './helpers/enrolments.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

const erecno = (name: string) => lectern.employees.find((employee) => employee.display_name === name)!.erecno;
const names = ['Fatima Zahra', 'Gustav Lind', 'Hana Sato', 'Ivan Petrov', 'Julia Moreau', 'Kofi Mensah'];

async function waitlistedBatch(seats: number) {
  const courseId = await createBlendedCourse(lectern);
  const batchId = await insertBatch(lectern, courseId, {
    startDate: '2026-06-01',
    endDate: '2026-06-30',
    minimumCapacity: 0,
    maximumCapacity: seats,
    allowWaitlisting: true,
    publishStatus: 'published',
  });
  await lectern.app.lectern.db.updateTable('courses').set({ status: 1 }).where('id', '=', courseId).execute();
  return { courseId, batchId, url: `/api/v1/courses/${courseId}/batches/${batchId}` };
}

function patchBatch(url: string, data: Record<string, unknown>, token = lectern.adminToken) {
  return lectern.app.inject({
    method: 'PATCH',
    url,
    headers: { ...lectern.auth(token), ...jsonType },
    payload: JSON.stringify(data),
  });
}

async function seats(batchId: string) {
  const rows = await lectern.app.lectern.db
    .selectFrom('enrolments')
    .select(['erecno', 'status', 'position'])
    .where('batch_id', '=', batchId)
    .execute();
  const nameOf = (id: string) => lectern.employees.find((employee) => employee.erecno === id)!.display_name;
  const enrolled = rows.filter((row) => row.status === 'enrolled').map((row) => nameOf(row.erecno));
  const waiting = rows
    .filter((row) => row.status === 'waitlisted')
    .sort((a, b) => Number(a.position) - Number(b.position))
    .map((row) => nameOf(row.erecno));
  return { enrolled: enrolled.sort(), waiting };
}

async function historyTypes(courseId: string, type: string) {
  const response = await lectern.app.inject({
    url: `/lectern/v1/courses/${courseId}/history?type=${type}`,
    headers: lectern.auth(lectern.adminToken),
  });
  return response.json().history.map((entry: any) => [entry.learner.displayName, entry.by?.erecno ?? null]);
}

describe('maximumCapacity changes', () => {
  it('raising it seats the first waiting learners in waitlist order, in the same request, with events', async () => {
    const place = await waitlistedBatch(2);
    await enrol(lectern, place, names.map(erecno));
    expect(await seats(place.batchId)).toEqual({
      enrolled: ['Fatima Zahra', 'Gustav Lind'],
      waiting: ['Hana Sato', 'Ivan Petrov', 'Julia Moreau', 'Kofi Mensah'],
    });
    const raised = await patchBatch(place.url, { maximumCapacity: 4 });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json().batch.learnersCount).toBe(4);
    expect(await seats(place.batchId)).toEqual({
      enrolled: ['Fatima Zahra', 'Gustav Lind', 'Hana Sato', 'Ivan Petrov'],
      waiting: ['Julia Moreau', 'Kofi Mensah'],
    });
    expect(await historyTypes(place.courseId, 'learner.promoted.v1')).toEqual([
      ['Hana Sato', lectern.adminErecno],
      ['Ivan Petrov', lectern.adminErecno],
    ]);
    // The promoted are the course's learners now.
    const members = await lectern.app.lectern.db
      .selectFrom('course_members')
      .select('erecno')
      .where('course_id', '=', place.courseId)
      .where('relation', '=', 'learner')
      .execute();
    expect(members).toHaveLength(4);
  });

  it('lowering it below the enrolled count keeps every seat; newcomers wait until seats free below it', async () => {
    const place = await waitlistedBatch(4);
    await enrol(lectern, place, names.slice(0, 4).map(erecno));
    const lowered = await patchBatch(place.url, { maximumCapacity: 2 });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect(lowered.json().batch).toMatchObject({ maximumCapacity: 2, learnersCount: 4 });
    expect(await enrol(lectern, place, [erecno('Julia Moreau')])).toEqual(['waitlisted']);
    // One leaves: 3 seated is still above 2, so nobody is promoted.
    await lectern.app.inject({
      method: 'POST',
      url: `${enrolUrl(place, 'unenroll')}?erecnosList=[${erecno('Fatima Zahra')}]`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect((await seats(place.batchId)).waiting).toEqual(['Julia Moreau']);
    // Raising it back to 4 seats Julia.
    await patchBatch(place.url, { maximumCapacity: 4 });
    expect(await seats(place.batchId)).toEqual({
      enrolled: ['Gustav Lind', 'Hana Sato', 'Ivan Petrov', 'Julia Moreau'],
      waiting: [],
    });
  });

  it('a refused update (minimum above maximum) promotes nobody', async () => {
    const place = await waitlistedBatch(1);
    await enrol(lectern, place, names.slice(0, 3).map(erecno));
    const refused = await patchBatch(place.url, { maximumCapacity: 3, minimumCapacity: 5 });
    expect(refused.statusCode).toBe(400);
    expect(await seats(place.batchId)).toEqual({ enrolled: ['Fatima Zahra'], waiting: ['Gustav Lind', 'Hana Sato'] });
    expect(await historyTypes(place.courseId, 'learner.promoted.v1')).toEqual([]);
  });
});

describe('unenrolling a list', () => {
  it('frees several seats at once: as many waiting learners are promoted, in order', async () => {
    const place = await waitlistedBatch(3);
    await enrol(lectern, place, names.map(erecno));
    const left = await lectern.app.inject({
      method: 'POST',
      url: `${enrolUrl(place, 'unenroll')}?erecnosList=[${[erecno('Fatima Zahra'), erecno('Hana Sato'), erecno('Kofi Mensah')].join(',')}]`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().learners.map((learner: any) => learner.status)).toEqual([
      'unenrolled',
      'unenrolled',
      'unenrolled',
    ]);
    // Two seats freed (Kofi was waiting): Ivan and Julia, first in line, take them.
    expect(await seats(place.batchId)).toEqual({
      enrolled: ['Gustav Lind', 'Ivan Petrov', 'Julia Moreau'],
      waiting: [],
    });
  });

  it('reads notifyApplicableUsers (True/False, any case) and refuses anything else naming it', async () => {
    const place = await waitlistedBatch(3);
    const url = `${enrolUrl(place)}?erecnosList=[${erecno('Fatima Zahra')}]`;
    const fine = await lectern.app.inject({
      method: 'POST',
      url: `${url}&notifyApplicableUsers=False`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(fine.statusCode, fine.body).toBe(200);
    const bad = await lectern.app.inject({
      method: 'POST',
      url: `${enrolUrl(place, 'unenroll')}?erecnosList=[${erecno('Fatima Zahra')}]&notifyApplicableUsers=maybe`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'notifyApplicableUsers' });
    expect((await seats(place.batchId)).enrolled).toEqual(['Fatima Zahra']);
  });
});
