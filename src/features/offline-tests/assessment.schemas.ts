/** The schema keys every assessment (offline and online tests, assignments) shares, in input and in output. */
import { Type } from '@sinclair/typebox';
import { OptionalDateShape } from '../../http/input-shapes.ts';
import { documentedAs } from '../../http/parameters.ts';
import { ResourceSchema, ResourcesInput } from '../entities/index.ts';

/** Most marks a test or assignment may be out of: a typo, not a plan, beyond that. */
export const maximumMarksLimit = 100_000;

const idPattern = '^[1-9][0-9]{0,19}$';

/** The keys every assessment's data object shares (name mandatory on create). */
export const sharedInputKeys = {
  name: Type.String({
    minLength: 1,
    maxLength: 250,
    pattern: '\\S',
    errorMessage: 'must be a text of 1 to 250 characters, not only spaces',
  }),
  description: Type.Optional(
    Type.String({ maxLength: 10000, errorMessage: 'must be a text of at most 10000 characters' }),
  ),
  isMandatory: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false' })),
  lockUntil: Type.Optional(
    documentedAs(
      Type.Union([Type.String(), Type.Null()], { errorMessage: 'must be a date as DD-MM-YYYY, or "" for none' }),
      OptionalDateShape,
    ),
  ),
  gradeCategoryId: Type.Optional(
    Type.Union([Type.String({ pattern: idPattern }), Type.Literal(''), Type.Null()], {
      errorMessage: 'must be a grade category id, or "" for none',
    }),
  ),
  resources: Type.Optional(ResourcesInput),
};

/** The shared keys of an assessment object's schema, in the order presentShared writes them. */
export function sharedSchemaKeys(noun: string) {
  const capital = `${noun[0]!.toUpperCase()}${noun.slice(1)}`;
  return {
    lockUntil: Type.String({ description: 'DD-MM-YYYY, empty when there is no lock date' }),
    [`${noun}Id`]: Type.String(),
    [`isMandatory${capital}`]: Type.Boolean(),
    canMarkAsComplete: Type.Integer({ description: '1 when the calling learner may mark it completed now' }),
    isLocked: Type.Boolean(),
    description: Type.String(),
    resources: Type.Array(ResourceSchema),
    canUserEdit: Type.Boolean(),
    moduleId: Type.String({ description: 'Empty for pre- and post-course tests' }),
    [`${noun}Name`]: Type.String(),
    canUserDelete: Type.Boolean(),
  };
}
