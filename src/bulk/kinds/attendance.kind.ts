/** A learner's attendance at a session: keyed by session and learner. */
import { type BulkKind, idColumn, oneOf, rowSchema } from '../kind.schemas.ts';

/** The attendance kind. */
export const attendanceKind: BulkKind = {
  name: 'attendance',
  table: 'session_attendance',
  row: rowSchema({
    sessionId: idColumn(),
    erecno: idColumn(),
    status: oneOf('present', 'absent'),
    markedBy: idColumn(),
  }),
  naturalKey: ['session_id', 'erecno'],
  references: [
    { field: 'sessionId', kind: 'sessions' },
    { field: 'erecno', kind: 'people' },
    { field: 'markedBy', kind: 'people' },
  ],
  orderBy: ['session_id', 'erecno'],
  toTable: (row) => ({ session_id: row.sessionId, erecno: row.erecno, status: row.status, marked_by: row.markedBy }),
  fromTable: (row) => ({ sessionId: row.session_id, erecno: row.erecno, status: row.status, markedBy: row.marked_by }),
  defaults: (now) => ({ marked_at: now }),
};
