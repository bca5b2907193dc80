/** Zoho's Offline Test API as a module-entity kind: `offlineTestData` keys, validation, and the output object. */
import { type Static, Type } from '@sinclair/typebox';
import { maximumDurationMinutes } from '../../dates.ts';
import { EntityType } from '../../entity-types.ts';
import type { EntityFields, EntityKind, EntityView } from '../entities/index.ts';
import { maximumMarksLimit, sharedInputKeys, sharedSchemaKeys } from './assessment.schemas.ts';
import { presentShared, sharedFields, verifyAssessment } from './assessment-fields.ts';

const dataName = 'offlineTestData';

/** `offlineTestData` on create: the Create Offline Test page's keys (`marks` is the test's maximum). */
export const OfflineTestDataInput = Type.Object(
  {
    ...sharedInputKeys,
    marks: Type.Integer({
      minimum: 1,
      maximum: maximumMarksLimit,
      description: 'The most marks a learner can get',
      errorMessage: `must be a whole number of marks from 1 to ${maximumMarksLimit}`,
    }),
    duration: Type.Integer({
      minimum: 1,
      maximum: maximumDurationMinutes,
      description: 'Minutes',
      errorMessage: `must be a whole number of minutes from 1 to ${maximumDurationMinutes}`,
    }),
  },
  { title: 'OfflineTestData' },
);

/** `offlineTestData` on update: every key optional (a partial update). */
export const OfflineTestUpdateInput = Type.Partial(OfflineTestDataInput, { title: 'OfflineTestUpdate' });

type OfflineTestInput = Partial<Static<typeof OfflineTestDataInput>>;

/** The offline test object (provisional: no sample), in the link sample's style and order, then its own keys. */
export const OfflineTestSchema = Type.Object({
  ...sharedSchemaKeys('offlineTest'),
  marks: Type.Integer({ description: 'The most marks a learner can get' }),
  duration: Type.Integer({ description: 'Minutes' }),
  gradeCategoryId: Type.String({ description: 'Empty without a grade category' }),
});

function toFields(input: OfflineTestInput, current?: EntityView): Partial<EntityFields> {
  const { fields, settings } = sharedFields(input, dataName, current);
  if (input.marks !== undefined) settings.marks = input.marks;
  if (input.duration !== undefined) settings.duration = input.duration;
  return { ...fields, settings };
}

/** Zoho's offline test object for a view. */
export function presentOfflineTest(view: EntityView) {
  return {
    ...presentShared(view, 'offlineTest'),
    marks: Number(view.settings.marks),
    duration: Number(view.settings.duration),
    gradeCategoryId: (view.settings.gradeCategoryId as string | null) ?? '',
  };
}

/** The settings key holding an offline test's maximum marks. */
export const offlineTestMaximumKey = 'marks';

/** The Offline Test API's declaration for the shared entity routes. */
export const offlineTestKind: EntityKind<OfflineTestInput> = {
  entityType: EntityType.offlineTest,
  plural: 'offlineTests',
  singular: 'offlineTest',
  idParam: 'offlineTestId',
  dataName,
  noun: 'OfflineTest',
  itemSchema: OfflineTestSchema,
  present: presentOfflineTest,
  createInput: OfflineTestDataInput,
  updateInput: OfflineTestUpdateInput,
  toFields,
  verify: verifyAssessment(dataName, offlineTestMaximumKey),
};
