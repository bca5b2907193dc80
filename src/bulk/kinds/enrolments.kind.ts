/** A learner's seat or waitlist place in a course or batch: keyed by course, batch and learner (no id of its own). */
import { type BulkKind, idColumn, integer, oneOf, optionalId, rowSchema } from '../kind.schemas.ts';

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
};
