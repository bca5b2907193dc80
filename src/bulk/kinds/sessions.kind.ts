/** Sessions of a batch module: upserted by id, or by module, date, start and name when the id column is empty. */
import { Type } from '@sinclair/typebox';
import {
  type BulkKind,
  date,
  idColumn,
  integer,
  optionalId,
  optionalText,
  rowSchema,
  text,
  timeOfDay,
} from '../kind.schemas.ts';

const minutesOf = (time: unknown): number => {
  const [hours, minutes] = String(time).split(':');
  return Number(hours) * 60 + Number(minutes);
};
const timeOf = (minutes: unknown): string => {
  const value = Number(minutes);
  return `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`;
};

/** The sessions kind. */
export const sessionsKind: BulkKind = {
  name: 'sessions',
  table: 'class_sessions',
  row: rowSchema({
    sessionId: optionalId(),
    courseId: idColumn(),
    batchId: idColumn(),
    moduleId: idColumn(),
    name: text(200),
    description: optionalText(),
    /** Zoho's session type code. */
    sessionType: integer(0, 10),
    date: date(),
    startTime: timeOfDay(),
    endTime: timeOfDay(),
    trainerErecno: idColumn(),
    roomId: optionalId(),
    lockUntil: Type.Optional(date()),
    gradeCategoryId: optionalId(),
    sequence: integer(0, 1_000_000),
  }),
  id: { field: 'sessionId', column: 'id' },
  naturalKey: ['module_id', 'date', 'start_minute', 'name'],
  references: [
    { field: 'courseId', kind: 'courses' },
    { field: 'batchId', kind: 'batches' },
    { field: 'moduleId', kind: 'modules' },
    { field: 'trainerErecno', kind: 'people' },
    { field: 'roomId', kind: 'rooms' },
    { field: 'gradeCategoryId', kind: 'categories' },
  ],
  orderBy: ['id'],
  toTable: (row) => ({
    course_id: row.courseId,
    batch_id: row.batchId,
    module_id: row.moduleId,
    name: row.name,
    description: row.description ?? '',
    session_type: row.sessionType,
    date: row.date,
    start_minute: minutesOf(row.startTime),
    end_minute: minutesOf(row.endTime),
    trainer_erecno: row.trainerErecno,
    room_id: row.roomId ?? null,
    lock_until: row.lockUntil ?? null,
    grade_category_id: row.gradeCategoryId ?? null,
    sequence: row.sequence,
  }),
  fromTable: (row) => ({
    sessionId: row.id,
    courseId: row.course_id,
    batchId: row.batch_id,
    moduleId: row.module_id,
    name: row.name,
    description: row.description,
    sessionType: Number(row.session_type),
    date: row.date,
    startTime: timeOf(row.start_minute),
    endTime: timeOf(row.end_minute),
    trainerErecno: row.trainer_erecno,
    roomId: row.room_id,
    lockUntil: row.lock_until,
    gradeCategoryId: row.grade_category_id,
    sequence: Number(row.sequence),
  }),
  defaults: (now) => ({ created_at: now, updated_at: now }),
  check: (row) =>
    minutesOf(row.endTime) <= minutesOf(row.startTime) ? { field: 'endTime', message: 'is not after startTime' } : null,
};
