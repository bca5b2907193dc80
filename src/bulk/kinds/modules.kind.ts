/**
 * Modules of a self-paced course (batchId empty) or of a blended course's batch: upserted by id, or by course, batch
 * and name when the id column is empty.
 */
import { Type } from '@sinclair/typebox';
import { type BulkKind, date, idColumn, integer, optionalId, optionalText, rowSchema, text } from '../kind.schemas.ts';

/** The modules kind. */
export const modulesKind: BulkKind = {
  name: 'modules',
  table: 'course_modules',
  row: rowSchema({
    moduleId: optionalId(),
    courseId: idColumn(),
    batchId: optionalId(),
    name: text(200),
    description: optionalText(),
    durationMinutes: Type.Optional(integer(0, 1_000_000)),
    /** Zoho's lock type code (0: none). */
    lockType: integer(0, 10),
    lockUntil: Type.Optional(date()),
    position: integer(0, 100_000),
  }),
  id: { field: 'moduleId', column: 'id' },
  naturalKey: ['course_id', 'batch_id', 'name'],
  references: [
    { field: 'courseId', kind: 'courses' },
    { field: 'batchId', kind: 'batches' },
  ],
  orderBy: ['id'],
  toTable: (row) => ({
    course_id: row.courseId,
    batch_id: row.batchId ?? null,
    name: row.name,
    description: row.description ?? '',
    duration_minutes: row.durationMinutes ?? null,
    lock_type: row.lockType,
    lock_until: row.lockUntil ?? null,
    position: row.position,
  }),
  fromTable: (row) => ({
    moduleId: row.id,
    courseId: row.course_id,
    batchId: row.batch_id,
    name: row.name,
    description: row.description,
    durationMinutes: row.duration_minutes === null ? null : Number(row.duration_minutes),
    lockType: Number(row.lock_type),
    lockUntil: row.lock_until,
    position: Number(row.position),
  }),
  defaults: (now) => ({ created_at: now, updated_at: now }),
};
