/**
 * Factories for blended-learning tests: a blended course through the Course API, and batches written straight into
 * the `batches` table (so that tests need not wait for, or depend on, the Batch API). Keep these signatures stable:
 * several features' tests import them.
 */
import { expect } from 'vitest';
import type { BatchTable } from '../../src/db/database.ts';
import type { TestLectern } from './test-app.ts';

let blendedNumber = 0;
let batchNumber = 0;

/** Creates a drafted blended learning course (type 2) owned by the portal admin; answers its id. */
export async function createBlendedCourse(lectern: TestLectern, token: string = lectern.adminToken): Promise<string> {
  const courseData = encodeURIComponent(JSON.stringify({ name: `Blended course ${++blendedNumber}`, type: 2 }));
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses?courseData=${courseData}`,
    headers: lectern.auth(token),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().course.courseId as string;
}

/** What insertBatch may be told; dates are `YYYY-MM-DD`. Anything else takes a plain default. */
export interface BatchOptions {
  startDate: string;
  endDate: string;
  name?: string;
  publishStatus?: BatchTable['publish_status'];
  minimumCapacity?: number;
  maximumCapacity?: number;
  /** Whether learners past the capacity wait for a seat (they are refused unless said). */
  allowWaitlisting?: boolean;
  /** The portal the batch row belongs to (the test's portal unless said otherwise). */
  portalId?: string;
}

/** Inserts an unpublished batch of a course into the `batches` table directly; answers its id. */
export async function insertBatch(lectern: TestLectern, courseId: string, options: BatchOptions): Promise<string> {
  const id = lectern.app.lectern.ids.next();
  const now = lectern.clock.now();
  await lectern.app.lectern.db
    .insertInto('batches')
    .values({
      id,
      portal_id: options.portalId ?? lectern.portalId,
      course_id: courseId,
      name: options.name ?? `Batch ${++batchNumber}`,
      start_date: options.startDate,
      end_date: options.endDate,
      minimum_capacity: options.minimumCapacity ?? 1,
      maximum_capacity: options.maximumCapacity ?? 30,
      locations: '[]',
      allow_waitlisting: options.allowWaitlisting ? 1 : 0,
      cancel_when_below_minimum: 0,
      waiting_time_for_cancellation: null,
      waiting_time_unit: null,
      publish_status: options.publishStatus ?? 'unpublished',
      scheduler_id: null,
      created_at: now,
      updated_at: now,
      published_at: options.publishStatus === 'published' ? now : null,
    })
    .execute();
  return id;
}
