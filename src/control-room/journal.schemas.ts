/** The request journal's request and response schemas. */
import { Type } from '@sinclair/typebox';
import { maxJournalPage } from './journal.service.ts';

/** The querystring of listJournal. */
export const listJournalQuery = Type.Object({
  method: Type.Optional(
    Type.Union(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].map((method) => Type.Literal(method))),
  ),
  path: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 500,
      description: '`*` is one segment, `**` any number; without a wildcard, a prefix ending at a segment boundary',
    }),
  ),
  status: Type.Optional(Type.Integer({ minimum: 100, maximum: 599 })),
  since: Type.Optional(
    Type.String({ minLength: 1, maxLength: 40, description: 'epoch milliseconds or an ISO 8601 date-time' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: maxJournalPage, description: 'default 100' })),
});

/** One journaled request and its answer. */
export const JournalEntrySchema = Type.Object({
  requestId: Type.String(),
  time: Type.String({ description: "the server clock's time, ISO 8601" }),
  at: Type.Number({ description: 'the same, in epoch milliseconds' }),
  method: Type.String(),
  path: Type.String(),
  query: Type.String({ description: 'the query string as sent, credentials replaced by [REDACTED]' }),
  headers: Type.Record(Type.String(), Type.String(), { description: 'Authorization, cookies and keys redacted' }),
  body: Type.Union([Type.String(), Type.Null()], {
    description: 'as sent, at most 16384 characters, secrets redacted',
  }),
  status: Type.Union([Type.Integer(), Type.Null()], { description: 'null when the connection was dropped' }),
  responseBody: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Number(),
  erecno: Type.String({ description: 'whose token made the request' }),
  fault: Type.Union([Type.String(), Type.Null()], { description: 'the fault rule that answered or dropped it' }),
  dropped: Type.Boolean(),
});

/** The 200 answer of listJournal. */
export const listJournalResponse200 = Type.Object({
  entries: Type.Array(JournalEntrySchema),
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  hasMoreRecords: Type.Boolean(),
  recording: Type.String({ description: 'LECTERN_JOURNAL: whose requests are kept (demo, all or off)' }),
  capacity: Type.Integer({ description: 'LECTERN_JOURNAL_SIZE: requests kept per portal' }),
});

/** The 200 answer of clearJournal. */
export const clearJournalResponse200 = Type.Object({
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  removed: Type.Integer(),
});
