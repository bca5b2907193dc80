/** The Module API's input and output schemas, in Zoho's key names and the Update Modules sample's key order. */
import { type TObject, Type } from '@sinclair/typebox';
import { type IsoDate, parseZohoDate, parseZohoMinutes } from '../../dates.ts';
import { OptionalDateShape, OptionalMinutesShape } from '../../http/input-shapes.ts';
import { dataObjectParameter, documentedAs, startIndexParameter } from '../../http/parameters.ts';

/** Lock types: 0 unlocked, 1 locked until `lockUntil`, 2 locked until the previous module is completed. */
export const LockType = { unlocked: 0, untilDate: 1, untilPreviousCompleted: 2 } as const;

/**
 * `moduleData` as sent to create. `duration` and `lockUntil` accept several spellings (a number or text of minutes,
 * `"100 Mins"` as Lectern answers it; `DD-MM-YYYY` or `DD_MM_YYYY`; null or empty for none), so toModuleInput reads them.
 */
export const ModuleDataInput = Type.Object(
  {
    // The pattern refuses a name of only spaces, which the service's trim would store as an empty name.
    name: Type.String({
      minLength: 1,
      maxLength: 250,
      pattern: '\\S',
      errorMessage: 'must be a text of 1 to 250 characters, not only spaces',
    }),
    description: Type.Optional(
      Type.String({ maxLength: 10000, errorMessage: 'must be a text of at most 10000 characters' }),
    ),
    duration: Type.Optional(
      documentedAs(Type.Unknown({ description: 'Minutes: a positive whole number' }), OptionalMinutesShape),
    ),
    lockType: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 2,
        errorMessage:
          'must be 0 (unlocked), 1 (locked until lockUntil) or 2 (locked until the previous module is completed)',
      }),
    ),
    lockUntil: Type.Optional(
      documentedAs(
        Type.Unknown({ description: 'DD-MM-YYYY; mandatory with lockType 1, kept with any type' }),
        OptionalDateShape,
      ),
    ),
  },
  { title: 'ModuleData' },
);

/** Update: every key optional (a partial update). */
export const ModuleUpdateInput = Type.Partial(ModuleDataInput, { title: 'ModuleUpdate' });

/** What a request asks for, decoded: undefined means "not sent", null means "none". */
export interface ModuleInput {
  name?: string;
  description?: string;
  durationMinutes?: number | null;
  lockType?: number;
  lockUntil?: IsoDate | null;
}

/** Turns validated moduleData into the service's input. */
export function toModuleInput(data: Partial<typeof ModuleDataInput.static>): ModuleInput {
  const input: ModuleInput = {};
  if (data.name !== undefined) input.name = data.name.trim();
  if (data.description !== undefined) input.description = data.description;
  if (data.duration !== undefined) input.durationMinutes = parseZohoMinutes(data.duration, 'moduleData.duration');
  if (data.lockType !== undefined) input.lockType = data.lockType;
  if (data.lockUntil !== undefined) {
    input.lockUntil =
      data.lockUntil === null || data.lockUntil === '' ? null : parseZohoDate(data.lockUntil, 'moduleData.lockUntil');
  }
  return input;
}

/**
 * The module object: the Update Modules sample's keys in its order (`duration` a display text, `lockType` a string),
 * then Lectern's `courseId` and `batchId` (null in self-paced and e-material courses).
 */
export const CourseModuleSchema = Type.Object({
  duration: Type.String({ description: '"100 Mins"; empty when the module has no duration' }),
  lockUntil: Type.String({ description: 'DD-MM-YYYY as stored (it locks only with lockType 1); empty when unset' }),
  isLocked: Type.Boolean(),
  moduleName: Type.String(),
  description: Type.String(),
  lockType: Type.String({ description: '"0", "1" or "2"' }),
  moduleId: Type.String(),
  courseId: Type.String(),
  batchId: Type.Union([Type.String(), Type.Null()]),
});

/** `{"code":200,"module":{...},"message":"success"}`: `code` is a number, as in the Update Modules sample. */
export const CourseModuleEnvelope = Type.Object({
  code: Type.Literal(200),
  module: CourseModuleSchema,
  message: Type.Literal('success'),
});

/** `{"modules":[...],"code":200,"message":"success","hasMoreRecords":bool}` (provisional: no list sample exists). */
export const CourseModuleListEnvelope = Type.Object({
  modules: Type.Array(CourseModuleSchema),
  code: Type.Literal(200),
  message: Type.Literal('success'),
  hasMoreRecords: Type.Boolean(),
});

/** `{"code":200,"message":"success"}` for a deleted module (provisional; `code` a number as in the module family). */
export const CourseModuleDeletedBody = Type.Object({ code: Type.Literal(200), message: Type.Literal('success') });

/** One family's paths, parameters and operation names. */
export interface ModuleFamily {
  base: string;
  params: TObject;
  /** Inserted into operationIds: `createModule` / `createBatchModule`. */
  noun: 'Module' | 'BatchModule';
  family: string;
}

/** The Module API's two families: their paths, path parameters and operation names. */
export const moduleFamilies: readonly ModuleFamily[] = [
  {
    base: '/api/v1/courses/:courseId/modules',
    params: Type.Object({ courseId: Type.String() }),
    noun: 'Module',
    family: 'a self-paced or e-material course',
  },
  {
    base: '/api/v1/courses/:courseId/batches/:batchId/modules',
    params: Type.Object({ courseId: Type.String(), batchId: Type.String() }),
    noun: 'BatchModule',
    family: 'a batch of a blended learning course',
  },
];

/** The querystring of a module write: moduleData, validated by its reader against `schema` (create or update). */
export const moduleDataQuery = (schema: TObject) =>
  Type.Object({
    moduleData: dataObjectParameter(schema, {
      description: 'The module as JSON (or send it as the JSON or form body)',
    }),
  });

/** The body of a module write: moduleData may come here instead of the query, read by the handler. */
export const moduleDataBody = Type.Optional(
  Type.Unknown({ description: 'moduleData as a JSON body, bare or wrapped, or a form field' }),
);

/** The querystring of the module lists: the page's start. */
export const moduleListQuery = Type.Object({ startIndex: startIndexParameter });

/** The path of one module in a family: the family's own path parameters and the module. */
export const moduleParams = (familyParams: TObject) =>
  Type.Object({ ...familyParams.properties, moduleId: Type.String() });
