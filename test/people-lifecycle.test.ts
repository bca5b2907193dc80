/**
 * Deactivating and reactivating a person: their tokens are refused while inactive and work again after; they cannot
 * be enrolled nor offered as a trainer; their waitlist places go (with events) and their seats, progress and history
 * stay; the change is one transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { employeeNamed } from './helpers/courses.ts';
import { enrol, enrolUrl } from './helpers/enrolments.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

const erecnoOf = (name: string) => employeeNamed(lectern, name).erecno;

function statusChange(erecno: string, action: 'deactivate' | 'reactivate', token = lectern.adminToken) {
  return lectern.app.inject({
    method: 'POST',
    url: `/lectern/v1/employees/${erecno}/${action}`,
    headers: lectern.auth(token),
  });
}

async function publishedBatch(seats: number) {
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
  return { courseId, batchId };
}

async function placesOf(erecno: string) {
  return lectern.app.lectern.db
    .selectFrom('enrolments')
    .select(['batch_id', 'status'])
    .where('erecno', '=', erecno)
    .execute();
}

async function history(erecno: string, type: string) {
  const response = await lectern.app.inject({
    url: `/lectern/v1/learners/${erecno}/history?type=${type}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().history as { type: string; batchId: string; by: { erecno: string } }[];
}

describe('deactivating a person', () => {
  it('refuses their tokens while inactive and accepts them again after reactivation', async () => {
    const erecno = erecnoOf('Gustav Lind');
    const token = await lectern.token(['ALL'], erecno);
    const call = () => lectern.app.inject({ url: '/api/v1/courses', headers: lectern.auth(token) });
    expect((await call()).statusCode).toBe(200);
    const deactivated = await statusChange(erecno, 'deactivate');
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect(deactivated.json()).toMatchObject({ employee: { erecno, status: 'inactive' }, leftWaitlists: [] });
    const refused = await call();
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toMatch(/inactive/);
    const reactivated = await statusChange(erecno, 'reactivate');
    expect(reactivated.json().employee.status).toBe('active');
    expect((await call()).statusCode).toBe(200);
  });

  it('gives up waitlist places with a learner.removed.v1 event, keeps seats, and refuses enrolling them', async () => {
    const seated = await publishedBatch(1);
    const full = await publishedBatch(1);
    const hana = erecnoOf('Hana Sato');
    expect(await enrol(lectern, seated, [hana])).toEqual(['enrolled']);
    expect(await enrol(lectern, full, [erecnoOf('Ivan Petrov'), hana])).toEqual(['enrolled', 'waitlisted']);

    const response = await statusChange(hana, 'deactivate');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().leftWaitlists).toEqual([{ courseId: full.courseId, batchId: full.batchId }]);
    expect(await placesOf(hana)).toEqual([{ batch_id: seated.batchId, status: 'enrolled' }]);
    const removed = await history(hana, 'learner.removed.v1');
    expect(removed).toMatchObject([{ batchId: full.batchId, by: { erecno: lectern.adminErecno } }]);
    // History from before stays.
    expect((await history(hana, 'learner.enrolled.v1')).length).toBe(1);

    const again = await lectern.app.inject({
      method: 'POST',
      url: `${enrolUrl(full)}?erecnosList=[${hana}]`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain(hana);
    expect(again.json().message).toMatch(/inactive/);

    // Deactivating twice changes nothing more.
    const twice = await statusChange(hana, 'deactivate');
    expect(twice.json()).toMatchObject({ employee: { status: 'inactive' }, leftWaitlists: [] });

    await statusChange(hana, 'reactivate');
    expect(await placesOf(hana)).toEqual([{ batch_id: seated.batchId, status: 'enrolled' }]);
    const seatedAgain = await lectern.app.inject({ url: `/api/v1/courses`, headers: lectern.auth(lectern.adminToken) });
    expect(seatedAgain.statusCode).toBe(200);
  });

  it('is no longer offered as a trainer until reactivated', async () => {
    const erecno = erecnoOf('Beatriz Santos');
    const trainers = async () => {
      const response = await lectern.app.inject({ url: '/api/v1/trainers', headers: lectern.auth(lectern.adminToken) });
      return response.json().trainers.map((trainer: { erecno: string }) => trainer.erecno) as string[];
    };
    expect(await trainers()).toContain(erecno);
    await statusChange(erecno, 'deactivate');
    expect(await trainers()).not.toContain(erecno);
    await statusChange(erecno, 'reactivate');
    expect(await trainers()).toContain(erecno);
  });

  it('refuses deactivating oneself, a non-admin caller, an unknown person and a malformed id', async () => {
    const self = await statusChange(lectern.adminErecno, 'deactivate');
    expect(self.statusCode).toBe(403);
    const learner = await lectern.token(['ALL'], erecnoOf('Julia Moreau'));
    expect((await statusChange(erecnoOf('Kofi Mensah'), 'deactivate', learner)).statusCode).toBe(403);
    expect((await statusChange('123456789012345678', 'deactivate')).statusCode).toBe(404);
    expect((await statusChange('x1', 'reactivate')).statusCode).toBe(400);
    expect(employeeNamed(lectern, 'Kofi Mensah').status).toBe('active');
    const listed = await lectern.app.inject({
      url: `/lectern/v1/employees/${erecnoOf('Kofi Mensah')}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(listed.json().employee.status).toBe('active');
  });
});
