import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmployeeTable } from '../src/db/database.ts';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

/** Adds `count` active employees straight into the portal (the demo portal has only ~19 active people). */
async function addEmployees(count: number): Promise<string[]> {
  const rows: EmployeeTable[] = Array.from({ length: count }, (_, index) => {
    const erecno = lectern.app.lectern.ids.next();
    return {
      erecno,
      portal_id: lectern.portalId,
      employee_id: String(1000 + index),
      display_name: `Racer ${index}`,
      email_id: `racer.${erecno}@example.com`,
      photo_url: `https://people.zoho.com/api/viewEmployeePhoto?filename=${erecno}`,
      manager_erecno: null,
      status: 'active',
      is_admin: 0,
      is_settings_admin: 0,
      is_data_admin: 0,
      is_trainer: 0,
    };
  });
  await lectern.app.lectern.db.insertInto('employees').values(rows).execute();
  return rows.map((row) => row.erecno);
}

/** A published batch of 10 seats, 5 of them taken already. */
async function batchWithFiveSeatsLeft(allowWaitlisting: boolean) {
  const courseId = await createBlendedCourse(lectern);
  const batchId = await insertBatch(lectern, courseId, {
    startDate: '2026-06-01',
    endDate: '2026-06-30',
    maximumCapacity: 10,
    allowWaitlisting,
    publishStatus: 'published',
  });
  await lectern.app.lectern.db.updateTable('courses').set({ status: 1 }).where('id', '=', courseId).execute();
  const base = `/api/v1/courses/${courseId}/batches/${batchId}`;
  const first = (await addEmployees(5)).join(',');
  const seated = await lectern.app.inject({
    method: 'POST',
    url: `${base}/enroll?erecnosList=[${first}]`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(seated.statusCode, seated.body).toBe(200);
  return { batchId, base };
}

async function race(base: string) {
  const racers = await addEmployees(30);
  return Promise.all(
    racers.map((erecno) =>
      lectern.app.inject({
        method: 'POST',
        url: `${base}/enroll?erecnosList=[${erecno}]`,
        headers: lectern.auth(lectern.adminToken),
      }),
    ),
  );
}

async function rowsOf(batchId: string) {
  return lectern.app.lectern.db.selectFrom('enrolments').selectAll().where('batch_id', '=', batchId).execute();
}

describe('30 concurrent enrolments for the last 5 seats', () => {
  it('without a waitlist: exactly 5 enrolled, 25 refused with 422', async () => {
    const { batchId, base } = await batchWithFiveSeatsLeft(false);
    const responses = await race(base);
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 422)).toHaveLength(25);
    const rows = await rowsOf(batchId);
    expect(rows.filter((row) => row.status === 'enrolled')).toHaveLength(10);
    expect(rows.filter((row) => row.status === 'waitlisted')).toHaveLength(0);
  });

  it('with a waitlist: exactly 5 enrolled, 25 waitlisted in distinct positions', async () => {
    const { batchId, base } = await batchWithFiveSeatsLeft(true);
    const responses = await race(base);
    expect(responses.every((response) => response.statusCode === 200)).toBe(true);
    const outcomes = responses.map((response) => response.json().learners[0].status);
    expect(outcomes.filter((status) => status === 'enrolled')).toHaveLength(5);
    expect(outcomes.filter((status) => status === 'waitlisted')).toHaveLength(25);
    const rows = await rowsOf(batchId);
    expect(rows.filter((row) => row.status === 'enrolled')).toHaveLength(10);
    const positions = rows.filter((row) => row.status === 'waitlisted').map((row) => Number(row.position));
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, index) => index));
  });
});
