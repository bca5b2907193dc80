/** The Batch API's input and output schemas, in Zoho's key names and the key order of its samples. */
import { Type } from '@sinclair/typebox';
import { dataObjectParameter, startIndexParameter } from '../../http/parameters.ts';

const batchDataDescription = 'The batch as JSON (or send it as the JSON or form body)';

const IdString = Type.String({ pattern: '^[1-9][0-9]{0,19}$', errorMessage: 'must be a numeric id' });
const ZohoDate = Type.String({
  pattern: '^\\s*\\d{2}[-_]\\d{2}[-_]\\d{4}\\s*$',
  description: 'DD-MM-YYYY',
  errorMessage: 'must be a date as DD-MM-YYYY',
});
const Capacity = Type.Integer({ minimum: 0, maximum: 1_000_000, errorMessage: 'must be a whole number from 0' });

/** `batchData` as sent to create; update takes the same keys, each optional. */
export const BatchDataInput = Type.Object(
  {
    // The pattern refuses a name of only spaces, which the service's trim would store as an empty name.
    name: Type.String({
      minLength: 1,
      maxLength: 250,
      pattern: '\\S',
      errorMessage: 'must be a text of 1 to 250 characters, not only spaces',
    }),
    startDate: ZohoDate,
    endDate: ZohoDate,
    minimumCapacity: Capacity,
    maximumCapacity: Capacity,
    locations: Type.Optional(Type.Array(IdString, { maxItems: 100, errorMessage: 'must be a list of location ids' })),
    allowWaitlisting: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false' })),
    cancelBatchWhenMinimumCapacityIsNotMet: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false' })),
    waitingTimeForCancellation: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 3650, errorMessage: 'must be a whole number of days from 0 to 3650' }),
    ),
    waitingTimeUnitForCancellation: Type.Optional(Type.Literal('day', { errorMessage: 'must be day' })),
  },
  { title: 'BatchData' },
);

/** Update: every key optional (a partial update). */
export const BatchUpdateInput = Type.Partial(BatchDataInput, { title: 'BatchUpdate' });

const LocationSchema = Type.Object({ locationId: Type.String(), name: Type.String() });

/** `schedulerId`: the number 0 on a batch no scheduler made, else the scheduler's id as a string (as Zoho sends it). */
const SchedulerId = Type.Union([Type.Literal(0), Type.String()]);

/** Keys Lectern adds after the sample's own keys: every value a client can set, the raw dates, the caller's state. */
const extraKeys = {
  startDate: Type.String({ description: 'DD-MM-YYYY' }),
  endDate: Type.String({ description: 'DD-MM-YYYY' }),
  locations: Type.Array(LocationSchema),
  waitingTimeForCancellation: Type.Integer(),
  waitingTimeUnitForCancellation: Type.String(),
  isUserEnrolled: Type.Boolean({ description: 'The caller holds a seat in the batch' }),
  isUserWaitlisted: Type.Boolean({ description: 'The caller waits for a seat' }),
  waitlistedCount: Type.Integer({ description: 'Learners waiting for a seat' }),
  hasUserStarted: Type.Boolean(),
  hasUserCompleted: Type.Boolean(),
  percentageOfProgress: Type.Integer({ description: "The caller's progress as a whole percent" }),
  progressAsDisplayString: Type.String({ description: '"3 of 7 Completed"' }),
};

/** The batch object of Fetch Single Batch, key for key and in the sample's order, then Lectern's extra keys. */
export const BatchSchema = Type.Object({
  learnersCount: Type.Integer(),
  startDateAsDisplayString: Type.String({ description: 'dd-MMM-yyyy, e.g. 22-Dec-2021' }),
  endDateAsDisplayString: Type.String(),
  name: Type.String(),
  minimumCapacity: Type.Integer(),
  cancelBatchWhenMinimumCapacityIsNotMet: Type.Boolean(),
  maximumCapacity: Type.Integer(),
  batchId: Type.String(),
  courseId: Type.String(),
  publishStatus: Type.String({ description: 'unpublished, published, completed or cancelled' }),
  allowWaitlisting: Type.Boolean(),
  schedulerId: SchedulerId,
  ...extraKeys,
});

/** A batch in Fetch Course Batch List: the list sample's keys in its order, then Lectern's extra keys. */
export const BatchListItemSchema = Type.Object({
  learnersCount: Type.Integer(),
  startDateAsDisplayString: Type.String(),
  endDateAsDisplayString: Type.String(),
  name: Type.String(),
  schedulerId: SchedulerId,
  minimumCapacity: Type.Integer(),
  cancelBatchWhenMinimumCapacityIsNotMet: Type.Boolean(),
  maximumCapacity: Type.Integer(),
  batchId: Type.String(),
  courseId: Type.String(),
  publishStatus: Type.String(),
  allowWaitlisting: Type.Boolean(),
  ...extraKeys,
});

/** `{"code":"200","batch":{...},"message":"success"}`. */
export const BatchEnvelope = Type.Object({
  code: Type.Literal('200'),
  batch: BatchSchema,
  message: Type.Literal('success'),
});

/** `{"code":"200","batch":{"batchId":"...","status":"published"},"message":"success"}`, as the Publish Batch page shows. */
export const BatchStatusEnvelope = Type.Object({
  code: Type.Literal('200'),
  batch: Type.Object({ batchId: Type.String(), status: Type.String() }),
  message: Type.Literal('success'),
});

/** The path of a course's batches. */
export const CourseParams = Type.Object({ courseId: Type.String() });

/** The path of one batch. */
export const BatchParams = Type.Object({ courseId: Type.String(), batchId: Type.String() });

/** The querystring of createBatch: batchData as on create. */
export const createBatchQuery = Type.Object({
  batchData: dataObjectParameter(BatchDataInput, { description: batchDataDescription }),
});

/** The querystring of updateBatch: batchData, every key optional. */
export const updateBatchQuery = Type.Object({
  batchData: dataObjectParameter(BatchUpdateInput, { description: batchDataDescription }),
});

/** The body of a batch write: batchData may come here instead of the query, read by the handler. */
export const batchDataBody = Type.Optional(
  Type.Unknown({ description: 'batchData as a JSON body, bare or wrapped, or a form field' }),
);

/** The querystring of listBatches. */
export const listBatchesQuery = Type.Object({ startIndex: startIndexParameter });
