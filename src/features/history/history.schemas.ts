/** The history API's output schemas (Lectern's own shape). */
import { type Static, Type } from '@sinclair/typebox';
import { pageSize } from '../../http/envelope.ts';
import { idParameter, startIndexParameter, textParameter } from '../../http/parameters.ts';
import { PersonSchema } from '../people/index.ts';

/** The most rows one page may ask for with `limit`. */
export const maximumLimit = 200;

const StateSchema = Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]);

/** One history entry (Lectern's own shape). */
export const HistoryEntrySchema = Type.Object({
  historyId: Type.String(),
  type: Type.String({ description: 'The versioned event name, e.g. learner.enrolled.v1' }),
  courseId: Type.String(),
  batchId: Type.Union([Type.String(), Type.Null()]),
  learner: PersonSchema,
  by: Type.Union([PersonSchema, Type.Null()], { description: 'Who caused it; null when Lectern did it by itself' }),
  at: Type.Number({ description: 'Epoch milliseconds' }),
  atAsDisplayString: Type.String({ description: "22-Dec-2021 10:00 AM, in the portal's time zone" }),
  subject: Type.Object({
    kind: Type.String(),
    id: Type.String(),
    entityType: Type.Optional(Type.Integer()),
  }),
  before: StateSchema,
  after: StateSchema,
});

/** `{"code":"200","history":[...],"hasMoreRecords":bool,"message":"success"}`. */
export const HistoryEnvelope = Type.Object({
  code: Type.Literal('200'),
  history: Type.Array(HistoryEntrySchema),
  hasMoreRecords: Type.Boolean(),
  message: Type.Literal('success'),
});

/** One history entry as answered. */
export type Entry = Static<typeof HistoryEntrySchema>;

/** The querystring of the history reads: filters by batch and type, and the page. */
export const HistoryQuerystring = Type.Object({
  batchId: idParameter('Only entries of this batch'),
  type: textParameter(
    Type.String({ pattern: '^\\s*[a-z]+\\.[a-zA-Z]+\\.v[0-9]+\\s*(,\\s*[a-z]+\\.[a-zA-Z]+\\.v[0-9]+\\s*)*$' }),
    {
      description: 'Event names, comma separated (learner.enrolled.v1,...)',
    },
  ),
  from: textParameter(Type.Integer({ minimum: 0 }), { description: 'Epoch ms, inclusive' }),
  to: textParameter(Type.Integer({ minimum: 0 }), { description: 'Epoch ms, inclusive; not before from' }),
  startIndex: startIndexParameter,
  limit: textParameter(Type.Integer({ minimum: 1, maximum: maximumLimit }), {
    description: `Rows per page, 1 to ${maximumLimit}; default ${pageSize}`,
  }),
});

/** The path parameters of getLearnerHistory. */
export const getLearnerHistoryParams = Type.Object({ erecno: Type.String() });

/** The path parameters of getCourseHistory. */
export const getCourseHistoryParams = Type.Object({ courseId: Type.String() });
