/**
 * Learners for tests that mark attendance or marks (only enrolled learners may be marked): through the Course
 * Learner API, or seated straight in the tables when a test's batch is not published and enrolment is not its subject.
 */
import { expect } from 'vitest';
import type { TestLectern } from './test-app.ts';

/** A course (batchId null: self-paced or e-material) or a batch of a blended course. */
export interface SeatPlace {
  courseId: string;
  batchId: string | null;
}

/** The enroll URL of a place. */
export function enrolUrl(place: SeatPlace, verb: 'enroll' | 'unenroll' = 'enroll'): string {
  const base =
    place.batchId === null
      ? `/api/v1/courses/${place.courseId}`
      : `/api/v1/courses/${place.courseId}/batches/${place.batchId}`;
  return `${base}/${verb}`;
}

/** Enrols people through the API (the place must be published); answers each person's status. */
export async function enrol(
  lectern: TestLectern,
  place: SeatPlace,
  erecnos: readonly string[],
  token = lectern.adminToken,
): Promise<string[]> {
  const response = await lectern.app.inject({
    method: 'POST',
    url: `${enrolUrl(place)}?erecnosList=[${erecnos.join(',')}]`,
    headers: lectern.auth(token),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().learners.map((learner: { status: string }) => learner.status);
}

/** Gives people seats straight in the tables, whatever the place's state (no rules, no events). */
export async function seatLearners(lectern: TestLectern, place: SeatPlace, erecnos: readonly string[]): Promise<void> {
  const now = lectern.clock.now();
  const db = lectern.app.lectern.db;
  await db
    .insertInto('enrolments')
    .values(
      erecnos.map((erecno) => ({
        portal_id: lectern.portalId,
        course_id: place.courseId,
        batch_id: place.batchId,
        erecno,
        status: 'enrolled' as const,
        position: 0,
        enrolled_by: lectern.adminErecno,
        created_at: now,
      })),
    )
    // Seating someone twice is fine: they keep the seat they have.
    .onConflict((conflict) => conflict.doNothing())
    .execute();
  await db
    .insertInto('course_members')
    .values(
      erecnos.map((erecno) => ({
        portal_id: lectern.portalId,
        course_id: place.courseId,
        erecno,
        relation: 'learner' as const,
        by_erecno: lectern.adminErecno,
        position: 0,
        created_at: now,
      })),
    )
    .onConflict((conflict) => conflict.columns(['course_id', 'relation', 'erecno']).doNothing())
    .execute();
}
