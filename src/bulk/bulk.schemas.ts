/** Request and response schemas of /lectern/v1/imports/{kind} and /lectern/v1/exports/{kind}. */

import { Type } from '@sinclair/typebox';
import { uploadBody } from '../http/parameters.ts';
import { kindNames } from './kind.schemas.ts';

const kindParameter = Type.Union(
  kindNames.map((kind) => Type.Literal(kind)),
  { description: 'What the file holds: one kind of row' },
);
const formatParameter = Type.Optional(
  Type.Union([Type.Literal('csv'), Type.Literal('json')], {
    description: 'csv or json; default: from the Content-Type on an import, csv on an export',
  }),
);

/** The path of both routes. */
export const bulkKindParams = Type.Object({ kind: kindParameter });

/** An import's query. */
export const importQuery = Type.Object({
  format: formatParameter,
  dryRun: Type.Optional(
    Type.Union([Type.Literal('true'), Type.Literal('false')], {
      description: 'true: check every row and count what would change, write nothing',
    }),
  ),
});

/** An export's query. */
export const exportQuery = Type.Object({ format: formatParameter });

/**
 * The file, read by the route itself: the body as text/csv or application/json, or a multipart form's file part.
 * The document shows the multipart form (a generated client's upload); the raw bodies are named in the description.
 */
export const importBody = uploadBody(
  'The file, at most 20 MB: CSV with a header or a JSON array of objects, as the multipart part `file`, or as the ' +
    'whole body with Content-Type text/csv or application/json',
  { file: true },
);

/** What an import wrote, or would write on a dry run. */
export const importResponse200 = Type.Object({
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  kind: Type.String(),
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  dryRun: Type.Boolean(),
});

/** The file had bad rows: all of them (the first 1,000) with where and why; nothing was written. */
export const importResponse422 = Type.Object({
  code: Type.Literal('INVALID_ROWS'),
  message: Type.String(),
  errorCount: Type.Integer({ description: 'Every bad row, also those past the list' }),
  errors: Type.Array(
    Type.Object({
      line: Type.Integer({ description: 'CSV: the line, the header being 1; JSON: the array index (from 0)' }),
      field: Type.String({ description: 'The column at fault (row: the row as a whole; file: the file)' }),
      message: Type.String(),
    }),
  ),
});

/** The exported file. */
export const exportResponse200 = Type.String({ description: 'The file: CSV with a header, or a JSON array' });
