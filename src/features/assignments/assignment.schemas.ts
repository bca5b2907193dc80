/** The Assignment API's request and response schemas: `assignmentData` on create and update, the assignment object. */
import { type Static, Type } from '@sinclair/typebox';
import { OptionalDateShape } from '../../http/input-shapes.ts';
import { documentedAs } from '../../http/parameters.ts';
import { entityDataBody, entityDataQuery, entityItemEnvelope } from '../entities/index.ts';
import { maximumMarksLimit, sharedInputKeys, sharedSchemaKeys } from '../offline-tests/index.ts';

/** The data object's name, in parameters and in the errors naming its keys. */
export const assignmentDataName = 'assignmentData';

const dateInput = (rule: string) =>
  Type.Optional(
    documentedAs(
      Type.Union([Type.String(), Type.Null()], {
        description: `DD-MM-YYYY; ${rule}`,
        errorMessage: 'must be a date as DD-MM-YYYY, or "" for none',
      }),
      { ...OptionalDateShape, description: `DD-MM-YYYY ("" or null for none); ${rule}` },
    ),
  );

/** `assignmentData` on create: the Create Assignment page's keys. */
export const AssignmentDataInput = Type.Object(
  {
    ...sharedInputKeys,
    maximumMarks: Type.Integer({
      minimum: 1,
      maximum: maximumMarksLimit,
      errorMessage: `must be a whole number of marks from 1 to ${maximumMarksLimit}`,
    }),
    submissionType: Type.Union([Type.Literal('fileAttachment'), Type.Literal('text'), Type.Literal('noSubmission')], {
      errorMessage: 'must be fileAttachment, text or noSubmission',
    }),
    submissionFrom: dateInput('mandatory for blended learning courses'),
    submissionTo: dateInput('mandatory for blended learning courses; not before submissionFrom'),
    lateSubmission: Type.Optional(
      Type.Union([Type.Literal('allow'), Type.Literal('doNotAllow')], { errorMessage: 'must be allow or doNotAllow' }),
    ),
  },
  { title: 'AssignmentData' },
);

/**
 * `assignmentData` on update: every key optional, plus the assignment's id, which the documented
 * `PATCH .../assignments` (no id in the path) needs and `PATCH .../assignments/{id}` accepts if it agrees.
 */
export const AssignmentUpdateInput = Type.Object(
  {
    ...Type.Partial(AssignmentDataInput).properties,
    assignmentId: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,19}$', errorMessage: 'must be a numeric id' })),
  },
  { title: 'AssignmentUpdate' },
);

/** The validated input, create or update. */
export type AssignmentInput = Partial<Static<typeof AssignmentUpdateInput>>;

/** The assignment object (provisional: no sample), in the link sample's style and order, then its own keys. */
export const AssignmentSchema = Type.Object({
  ...sharedSchemaKeys('assignment'),
  maximumMarks: Type.Integer(),
  submissionType: Type.String({ description: 'fileAttachment, text or noSubmission' }),
  submissionFrom: Type.String({ description: 'DD-MM-YYYY, empty when not set' }),
  submissionTo: Type.String({ description: 'DD-MM-YYYY, empty when not set' }),
  lateSubmission: Type.String({ description: 'allow or doNotAllow, empty when not set' }),
  gradeCategoryId: Type.String({ description: 'Empty without a grade category' }),
});

/** The querystring of Update Assignment as the page prints it (the id inside assignmentData). */
export const updateAssignmentByDataQuery = entityDataQuery(assignmentDataName, AssignmentUpdateInput);

/** The body of Update Assignment by data: assignmentData may come here instead, read by the handler. */
export const updateAssignmentByDataBody = entityDataBody(assignmentDataName);

/** `{"code":200,"assignment":{...},"message":"success"}`. */
export const AssignmentEnvelope = entityItemEnvelope('assignment', AssignmentSchema);
