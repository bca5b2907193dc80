/** A portal of many courses, each with a published batch starting next week, written with one bulk insert per table. */
import { insertRows } from '../../src/db/bulk-insert.ts';
import type { TestLectern } from './test-app.ts';

/** Inserts `count` self-made blended courses and a batch of each (src/db/bulk-insert.ts, not an API call each). */
export async function seedManyCourses(lectern: TestLectern, count: number): Promise<void> {
  const { db, dialect, ids } = lectern.app.lectern;
  const now = lectern.clock.now();
  const start = new Date(now + 7 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(now + 37 * 86_400_000).toISOString().slice(0, 10);
  const courses: unknown[][] = [];
  const batches: unknown[][] = [];
  for (let index = 0; index < count; index++) {
    const courseId = ids.next();
    courses.push([
      courseId,
      lectern.portalId,
      `Volume course ${index + 1}`,
      2,
      '',
      '',
      null,
      null,
      '',
      '{}',
      1,
      lectern.adminErecno,
      null,
      null,
      now,
      now,
      now,
    ]);
    batches.push([
      ids.next(),
      lectern.portalId,
      courseId,
      `Batch ${index + 1}`,
      start,
      end,
      1,
      20,
      '[]',
      0,
      0,
      null,
      null,
      'published',
      null,
      now,
      now,
      now,
    ]);
  }
  await db.transaction().execute(async (trx) => {
    await insertRows(
      trx,
      dialect,
      'courses',
      [
        'id',
        'portal_id',
        'name',
        'type',
        'description',
        'about_course',
        'duration',
        'duration_unit',
        'course_code',
        'permission_settings',
        'status',
        'owner_erecno',
        'image_url',
        'status_comment',
        'created_at',
        'updated_at',
        'published_at',
      ],
      courses,
    );
    await insertRows(
      trx,
      dialect,
      'batches',
      [
        'id',
        'portal_id',
        'course_id',
        'name',
        'start_date',
        'end_date',
        'minimum_capacity',
        'maximum_capacity',
        'locations',
        'allow_waitlisting',
        'cancel_when_below_minimum',
        'waiting_time_for_cancellation',
        'waiting_time_unit',
        'publish_status',
        'scheduler_id',
        'created_at',
        'updated_at',
        'published_at',
      ],
      batches,
    );
  });
}
