/** A learner's seat or waitlist place in a course or batch: keyed by course, batch and learner (no id of its own). */
import { syncLearnerMembers } from '../../features/seats/index.ts';
import { type BulkKind, idColumn, integer, oneOf, optionalId, rowSchema, type TableRow } from '../kind.schemas.ts';

/** A seat makes its holder a learner of the course (course_members), as the seat ledger keeps it: one call per course. */
async function syncLearners(
  db: Parameters<typeof syncLearnerMembers>[0],
  portalId: string,
  rows: readonly TableRow[],
  now: number,
) {
  const byCourse = new Map<string, TableRow[]>();
  for (const row of rows) {
    const courseId = String(row.course_id);
    const seats = byCourse.get(courseId);
    if (seats === undefined) byCourse.set(courseId, [row]);
    else seats.push(row);
  }
  for (const [courseId, seats] of byCourse) {
    const erecnos = [...new Set(seats.map((seat) => String(seat.erecno)))];
    const by = String(seats[0]!.enrolled_by ?? seats[0]!.erecno);
    await syncLearnerMembers(db, { portalId, courseId, batchId: null }, erecnos, by, now);
  }
}

/** The enrolments kind. */
export const enrolmentsKind: BulkKind = {
  name: 'enrolments',
  table: 'enrolments',
  row: rowSchema({
    courseId: idColumn(),
    batchId: optionalId(),
    erecno: idColumn(),
    status: oneOf('enrolled', 'waitlisted'),
    position: integer(0, 1_000_000),
    enrolledBy: optionalId(),
  }),
  naturalKey: ['course_id', 'batch_id', 'erecno'],
  references: [
    { field: 'courseId', kind: 'courses' },
    { field: 'batchId', kind: 'batches' },
    { field: 'erecno', kind: 'people' },
    { field: 'enrolledBy', kind: 'people' },
  ],
  orderBy: ['course_id', 'batch_id', 'erecno'],
  toTable: (row) => ({
    course_id: row.courseId,
    batch_id: row.batchId ?? null,
    erecno: row.erecno,
    status: row.status,
    position: row.position,
    enrolled_by: row.enrolledBy ?? null,
  }),
  fromTable: (row) => ({
    courseId: row.course_id,
    batchId: row.batch_id,
    erecno: row.erecno,
    status: row.status,
    position: Number(row.position),
    enrolledBy: row.enrolled_by,
  }),
  defaults: (now) => ({ created_at: now }),
  afterWrite: syncLearners,
};
