/** The Batch Scheduler API's input and output schemas: Zoho's input keys in, Zoho's (different) output keys out. */
import { type TObject, Type } from '@sinclair/typebox';
import { ZohoDateShape } from '../../http/input-shapes.ts';
import { dataObjectParameter, documentedAs, jsonParameter, startIndexParameter } from '../../http/parameters.ts';

const IdString = Type.String({ pattern: '^[1-9][0-9]{0,19}$', errorMessage: 'must be a numeric id' });
const DateText = documentedAs(Type.String({ errorMessage: 'must be a date as DD-MM-YYYY' }), ZohoDateShape);
const Flag = Type.Boolean({ errorMessage: 'must be true or false' });
// The same bounds as the Batch API's, since the batches made carry these values.
const Capacity = Type.Integer({ minimum: 0, maximum: 1_000_000, errorMessage: 'must be a whole number from 0' });

/**
 * A list of day, week or month numbers. Items are checked by scheduler.settings.ts: TypeBox's conversion would turn
 * `2.5` into 2 and `true` into 1 without a word.
 */
const NumberList = (what: string, minimum: number, maximum: number) =>
  documentedAs(
    Type.Array(Type.Unknown(), { maxItems: 31, errorMessage: `must be a list of ${what}` }),
    Type.Array(Type.Integer({ minimum, maximum }), { maxItems: 31, description: `A list of ${what}` }),
  );

/** `batchSchedulerData` as sent to create; update takes the same keys, each optional. */
export const SchedulerDataInput = Type.Object(
  {
    // 240 leaves room for the separator and running number within the 250 characters a batch name may have.
    batchName: Type.String({
      minLength: 1,
      maxLength: 240,
      pattern: '\\S',
      errorMessage: 'must be a text of 1 to 240 characters, not only spaces',
    }),
    startDate: DateText,
    endDate: DateText,
    frequency: Type.Integer({ minimum: 1, maximum: 100, errorMessage: 'must be a whole number from 1 to 100' }),
    frequencyUnit: Type.Union([Type.Literal('week'), Type.Literal('month'), Type.Literal('year')], {
      errorMessage: 'must be week, month or year',
    }),
    daysOfTheWeek: Type.Optional(NumberList('weekdays, 1 (Sunday) to 7 (Saturday)', 1, 7)),
    datesOfTheMonth: Type.Optional(NumberList('dates of the month, 1 to 31', 1, 31)),
    weeksOfTheMonth: Type.Optional(NumberList('weeks of the month, 1 to 4, or 5 for the last', 1, 5)),
    monthsOfTheYear: Type.Optional(NumberList('months, 1 (January) to 12 (December)', 1, 12)),
    offset: Type.Optional(
      Type.Integer({
        minimum: -365,
        maximum: 0,
        errorMessage:
          'must be a whole number of days from -365 to 0 (how long before its start date a batch is created)',
      }),
    ),
    offsetUnit: Type.Optional(Type.Literal('day', { errorMessage: 'must be day' })),
    batchNameSuffix: Type.Optional(Type.Literal('number', { errorMessage: 'must be number' })),
    batchNameSuffixSeparator: Type.Optional(
      Type.Union([Type.Literal('_'), Type.Literal('-'), Type.Literal(0), Type.Literal(1)], {
        errorMessage: 'must be _ or - (or 0 for _ and 1 for -, as the scheduler object shows it)',
      }),
    ),
    minimumCapacity: Capacity,
    maximumCapacity: Capacity,
    locations: Type.Optional(Type.Array(IdString, { maxItems: 100, errorMessage: 'must be a list of location ids' })),
    allowWaitlisting: Type.Optional(Flag),
    cancelBatchWhenMinimumCapacityIsNotMet: Type.Optional(Flag),
    waitingTimeForCancellation: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 3650, errorMessage: 'must be a whole number of days from 0 to 3650' }),
    ),
    waitingTimeUnitForCancellation: Type.Optional(Type.Literal('day', { errorMessage: 'must be day' })),
    sourceBatchId: Type.Optional(
      Type.Union([IdString, Type.Null()], { errorMessage: 'must be the id of a batch of this course, or null' }),
    ),
    cloneType: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 2,
        errorMessage: 'must be 0 (copy nothing), 1 (the module tree) or 2 (the module tree and its sessions)',
      }),
    ),
    publishBatchAutomatically: Type.Optional(Flag),
    notifyApplicableUsers: Type.Optional(Flag),
    notifyClonedMembers: Type.Optional(Flag),
  },
  { title: 'BatchSchedulerData' },
);

/** Update: every key optional (a partial update). */
export const SchedulerUpdateInput = Type.Partial(SchedulerDataInput, { title: 'BatchSchedulerUpdate' });

/**
 * Other spellings read as the documented key when that key is absent: the output's own keys (so a fetched object
 * can be sent back) and the catalog's typos.
 */
export const keyAliases: Readonly<Record<string, string>> = {
  daysOfTheMonth: 'datesOfTheMonth',
  sourceBatch: 'sourceBatchId',
  notifyApplicaleUsers: 'notifyApplicableUsers',
  notifyApplicableuUsers: 'notifyApplicableUsers',
  waitingtTimeForCancellation: 'waitingTimeForCancellation',
  waitingtTimeUnitForCancellation: 'waitingTimeUnitForCancellation',
};

/** Renames alias keys to the documented ones; an alias whose key was also sent stays, to be reported as unknown. */
export function applyKeyAliases(data: Record<string, unknown>): Record<string, unknown> {
  const renamed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const target = Object.hasOwn(keyAliases, key) ? keyAliases[key]! : undefined;
    if (target !== undefined && !Object.hasOwn(data, target)) renamed[target] = value;
    else renamed[key] = value;
  }
  return renamed;
}

/** The scheduler object, key for key and in the order of the Fetch Batch Scheduler sample. */
export const SchedulerSchema = Type.Object({
  batchName: Type.String(),
  frequencyUnit: Type.String(),
  cloneType: Type.Integer(),
  schedulerId: Type.String(),
  publishBatchAutomatically: Type.Boolean(),
  batchNameSuffixSeparator: Type.Integer({ description: '0 for _, 1 for -' }),
  waitingTimeUnitForCancellation: Type.String(),
  sourceBatch: Type.Union([Type.String(), Type.Null()], { description: 'The source batch id, or null' }),
  frequency: Type.Integer(),
  offsetUnit: Type.String(),
  minimumCapacity: Type.Integer(),
  maximumCapacity: Type.Integer(),
  notifyClonedMembers: Type.Boolean(),
  notifyApplicaleUsers: Type.Boolean({ description: "Zoho's spelling" }),
  courseId: Type.String(),
  monthsOfTheYear: Type.Array(Type.String()),
  batchNameSuffix: Type.String(),
  daysOfTheMonth: Type.Array(Type.String()),
  startDateAsDisplayString: Type.String(),
  offset: Type.Integer(),
  endDateAsDisplayString: Type.String(),
  cancelBatchWhenMinimumCapacityIsNotMet: Type.Boolean(),
  waitingTimeForCancellation: Type.Integer(),
  allowWaitlisting: Type.Boolean(),
  daysOfTheWeek: Type.Array(Type.String()),
  totalNumberOfBatchesCreated: Type.Integer(),
  weeksOfTheMonth: Type.Array(Type.String()),
  locations: Type.Array(Type.String()),
});

/** `{"batchScheduler":{...},"code":"200","message":"success"}`, the sample's key order. */
export const SchedulerEnvelope = Type.Object({
  batchScheduler: SchedulerSchema,
  code: Type.Literal('200'),
  message: Type.Literal('success'),
});

/** The path of a course's batch schedulers. */
export const CourseParams = Type.Object({ courseId: Type.String() });

/** The path of one batch scheduler. */
export const SchedulerParams = Type.Object({ courseId: Type.String(), batchSchedulerId: Type.String() });

/** The querystring of a scheduler write: batchSchedulerData, checked against the create or update schema. */
export const schedulerDataQuery = (schema: TObject) =>
  Type.Object({
    batchSchedulerData: dataObjectParameter(schema, {
      description: 'The scheduler as JSON (or send it as the JSON or form body)',
    }),
    batchShedulerData: jsonParameter(schema, { description: "The parameter table's spelling, also accepted" }),
  });

/** The body of a scheduler write: batchSchedulerData may come here instead of the query, read by the handler. */
export const schedulerDataBody = Type.Optional(
  Type.Unknown({ description: 'batchSchedulerData as a JSON body, bare or wrapped, or a form field' }),
);

/** The querystring of listBatchSchedulers. */
export const listBatchSchedulersQuery = Type.Object({ startIndex: startIndexParameter });
