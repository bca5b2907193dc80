/** Batches of blended courses: upserted by id, or by course and name when the id column is empty. */
import {
  type BulkKind,
  bool,
  date,
  idColumn,
  idList,
  integer,
  oneOf,
  optionalId,
  rowSchema,
  text,
} from '../kind.schemas.ts';

/** The batches kind. */
export const batchesKind: BulkKind = {
  name: 'batches',
  table: 'batches',
  row: rowSchema({
    batchId: optionalId(),
    courseId: idColumn(),
    name: text(200),
    startDate: date(),
    endDate: date(),
    minimumCapacity: integer(0, 100_000),
    maximumCapacity: integer(1, 100_000),
    locationIds: idList(),
    allowWaitlisting: bool(),
    cancelWhenBelowMinimum: bool(),
    publishStatus: oneOf('unpublished', 'published', 'completed', 'cancelled'),
  }),
  id: { field: 'batchId', column: 'id' },
  naturalKey: ['course_id', 'name'],
  references: [
    { field: 'courseId', kind: 'courses' },
    { field: 'locationIds', kind: 'locations' },
  ],
  orderBy: ['id'],
  toTable: (row) => ({
    course_id: row.courseId,
    name: row.name,
    start_date: row.startDate,
    end_date: row.endDate,
    minimum_capacity: row.minimumCapacity,
    maximum_capacity: row.maximumCapacity,
    locations: JSON.stringify(row.locationIds),
    allow_waitlisting: row.allowWaitlisting ? 1 : 0,
    cancel_when_below_minimum: row.cancelWhenBelowMinimum ? 1 : 0,
    publish_status: row.publishStatus,
  }),
  fromTable: (row) => ({
    batchId: row.id,
    courseId: row.course_id,
    name: row.name,
    startDate: row.start_date,
    endDate: row.end_date,
    minimumCapacity: Number(row.minimum_capacity),
    maximumCapacity: Number(row.maximum_capacity),
    locationIds: JSON.parse(String(row.locations)) as string[],
    allowWaitlisting: Number(row.allow_waitlisting) === 1,
    cancelWhenBelowMinimum: Number(row.cancel_when_below_minimum) === 1,
    publishStatus: row.publish_status,
  }),
  defaults: (now) => ({
    waiting_time_for_cancellation: null,
    waiting_time_unit: null,
    scheduler_id: null,
    created_at: now,
    updated_at: now,
    published_at: null,
  }),
  check: (row) => {
    if (String(row.endDate) < String(row.startDate)) return { field: 'endDate', message: 'is before startDate' };
    if (Number(row.maximumCapacity) < Number(row.minimumCapacity)) {
      return { field: 'maximumCapacity', message: 'is below minimumCapacity' };
    }
    return null;
  },
};
