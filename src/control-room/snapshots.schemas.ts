/** Request and response schemas of the control room's snapshot routes. */
import { Type } from '@sinclair/typebox';
import { IdText } from '../http/parameters.ts';
import { snapshotNamePattern } from './snapshots.service.ts';

/** A snapshot as answers show it. */
export const SnapshotSchema = Type.Object({
  name: Type.String(),
  rowCount: Type.Integer(),
  sizeBytes: Type.Integer({ description: 'compressed size' }),
  createdAt: Type.Number({ description: 'epoch milliseconds' }),
});

/** The body of createSnapshot. */
export const createSnapshotBody = Type.Object(
  {
    name: Type.String({
      pattern: snapshotNamePattern,
      description: 'replaces a snapshot of the same name; "initial" is Lectern\'s own',
    }),
  },
  { additionalProperties: false },
);

/** The path of the routes about one snapshot. */
export const snapshotParams = Type.Object({
  portalId: IdText,
  snapshotName: Type.String({ pattern: snapshotNamePattern }),
});

/** The 200 answer of createSnapshot. */
export const createSnapshotResponse200 = Type.Object({
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  snapshot: SnapshotSchema,
});

/** The 200 answer of listSnapshots (never more than the 21 a portal may keep). */
export const listSnapshotsResponse200 = Type.Object({
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  snapshots: Type.Array(SnapshotSchema),
});

/** The 200 answer of restoreSnapshot. */
export const restoreSnapshotResponse200 = Type.Object({
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  rowCount: Type.Integer({ description: 'rows put back' }),
});
