/**
 * Zoho's Online Test API as a module-entity kind: `onlineTestData` keys, validation, and the output object with
 * Lectern's preview URL. Pre- and post-course tests (course-activities) reuse the schemas, fields and presenter.
 */
import { type Static, Type } from '@sinclair/typebox';
import { maximumDurationMinutes } from '../../dates.ts';
import { EntityType } from '../../entity-types.ts';
import { invalidInput, LmsError } from '../../errors.ts';
import { OptionalMinutesShape, wholeNumberShape } from '../../http/input-shapes.ts';
import { documentedAs } from '../../http/parameters.ts';
import type { EntityFields, EntityKind, EntityPath, EntityView } from '../entities/index.ts';
import {
  presentShared,
  readWholeNumber,
  sharedFields,
  sharedInputKeys,
  sharedSchemaKeys,
  verifyAssessment,
} from '../offline-tests/index.ts';

const dataName = 'onlineTestData';

const perPage = Type.Union([Type.Literal('all'), Type.Literal('one')], { errorMessage: 'must be all or one' });

/**
 * `onlineTestData` on create. `questionPerPage` (the table) and `questionsPerPage` (the URL templates) are both
 * read; one of them is mandatory. `duration`, `maximumAttemptsAllowed` and `passPercentage` take numbers or text,
 * so toFields reads them.
 */
export const OnlineTestDataInput = Type.Object(
  {
    ...sharedInputKeys,
    durationFor: Type.Union([Type.Literal('none'), Type.Literal('test'), Type.Literal('question')], {
      errorMessage: 'must be none, test or question',
    }),
    duration: Type.Optional(
      documentedAs(
        Type.Unknown({ description: 'Minutes; mandatory unless durationFor is none' }),
        OptionalMinutesShape,
      ),
    ),
    maximumAttemptsAllowed: documentedAs(
      Type.Unknown({ description: '1 to 10, or unlimited' }),
      Type.Union(
        [wholeNumberShape(1, 10), Type.String({ pattern: '^\\s*[Uu][Nn][Ll][Ii][Mm][Ii][Tt][Ee][Dd]\\s*$' })],
        {
          description: '1 to 10, or unlimited (any case)',
        },
      ),
    ),
    questionPerPage: Type.Optional(perPage),
    questionsPerPage: Type.Optional(perPage),
    passPercentage: Type.Optional(
      documentedAs(
        Type.Unknown({ description: '1 to 100; null or "" for none' }),
        Type.Union([wholeNumberShape(1, 100), Type.Literal(''), Type.Null()]),
      ),
    ),
    shuffleQuestions: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false' })),
    showMarksToLearner: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false' })),
  },
  { title: 'OnlineTestData' },
);

/** `onlineTestData` on update: every key optional (a partial update). */
export const OnlineTestUpdateInput = Type.Partial(OnlineTestDataInput, { title: 'OnlineTestUpdate' });

/** The validated input, create or update. */
export type OnlineTestInput = Partial<Static<typeof OnlineTestDataInput>>;

/** The online test object (provisional: no sample), in the link sample's style and order, then its own keys. */
export const OnlineTestSchema = Type.Object({
  ...sharedSchemaKeys('onlineTest'),
  durationFor: Type.String({ description: 'none, test or question' }),
  duration: Type.Union([Type.Integer(), Type.Null()], { description: 'Minutes; null when durationFor is none' }),
  maximumAttemptsAllowed: Type.Union([Type.Integer(), Type.Literal('unlimited')]),
  questionsPerPage: Type.String({ description: 'all or one' }),
  passPercentage: Type.Union([Type.Integer(), Type.Null()]),
  shuffleQuestions: Type.Boolean(),
  showMarksToLearner: Type.Boolean(),
  gradeCategoryId: Type.String({ description: 'Empty without a grade category' }),
  previewURL: Type.String({ description: "Lectern's preview page for course managers" }),
  status: Type.String({ description: 'draft: questions cannot be added through the API' }),
});

function readAttempts(value: unknown): number | 'unlimited' {
  if (typeof value === 'string' && value.trim().toLowerCase() === 'unlimited') return 'unlimited';
  const parameter = `${dataName}.maximumAttemptsAllowed`;
  if (typeof value !== 'number' && !(typeof value === 'string' && /^\s*\d+\s*$/.test(value))) {
    throw invalidInput(parameter, `must be 1 to 10 or "unlimited", got ${JSON.stringify(value)}`);
  }
  return readWholeNumber(value, parameter, { minimum: 1, maximum: 10 })!;
}

function readPerPage(input: OnlineTestInput): 'all' | 'one' | undefined {
  const { questionPerPage: table, questionsPerPage: template } = input;
  if (table !== undefined && template !== undefined && table !== template) {
    throw invalidInput(
      `${dataName}.questionsPerPage`,
      `questionPerPage (${table}) and questionsPerPage (${template}) are the same key and must agree`,
    );
  }
  return table ?? template;
}

/** Turns validated onlineTestData into entity fields; the duration rule is checked on the merged settings. */
export function onlineTestFields(input: OnlineTestInput, current?: EntityView): Partial<EntityFields> {
  const { fields, settings } = sharedFields(input, dataName, current);
  if (current === undefined) {
    Object.assign(settings, { passPercentage: null, shuffleQuestions: false, showMarksToLearner: false });
  }
  const perPageValue = readPerPage(input);
  if (perPageValue !== undefined) settings.questionsPerPage = perPageValue;
  else if (current === undefined) {
    throw new LmsError(
      400,
      'INPUT_PARAMETER_MISSING',
      `Input parameter missing: ${dataName}.questionPerPage (or questionsPerPage) is mandatory`,
      `${dataName}.questionPerPage`,
    );
  }
  if (input.maximumAttemptsAllowed !== undefined)
    settings.maximumAttemptsAllowed = readAttempts(input.maximumAttemptsAllowed);
  if (input.passPercentage !== undefined) {
    settings.passPercentage = readWholeNumber(input.passPercentage, `${dataName}.passPercentage`, {
      minimum: 1,
      maximum: 100,
      noneAllowed: true,
    });
  }
  if (input.shuffleQuestions !== undefined) settings.shuffleQuestions = input.shuffleQuestions;
  if (input.showMarksToLearner !== undefined) settings.showMarksToLearner = input.showMarksToLearner;
  applyDuration(input, settings);
  return { ...fields, settings };
}

/**
 * `duration` goes with durationFor test or question and is refused with none (a limit the server would ignore is a
 * mistake worth telling); switching to none drops the stored duration, switching away from none needs one again.
 */
function applyDuration(input: OnlineTestInput, settings: Record<string, unknown>): void {
  if (input.durationFor !== undefined) settings.durationFor = input.durationFor;
  const sent =
    input.duration === undefined || input.duration === null || input.duration === '' ? undefined : input.duration;
  if (settings.durationFor === 'none') {
    if (sent !== undefined) {
      throw invalidInput(`${dataName}.duration`, `must not be sent with durationFor none, got ${JSON.stringify(sent)}`);
    }
    settings.duration = null;
    return;
  }
  if (sent !== undefined) {
    settings.duration = readWholeNumber(sent, `${dataName}.duration`, { minimum: 1, maximum: maximumDurationMinutes });
  } else if (input.duration !== undefined) {
    // An explicit null or "" asks to remove a duration the timer needs.
    throw invalidInput(`${dataName}.duration`, `is mandatory with durationFor ${settings.durationFor}`);
  }
  if (settings.duration === null || settings.duration === undefined) {
    throw new LmsError(
      400,
      'INPUT_PARAMETER_MISSING',
      `Input parameter missing: ${dataName}.duration is mandatory unless durationFor is none`,
      `${dataName}.duration`,
    );
  }
}

/** The preview page of an online test, on Lectern's own control plane. */
export function previewUrl(base: string, testId: string): string {
  return `${base}/lectern/v1/online-tests/${testId}/preview`;
}

/** Zoho's online test object for a view (module, pre- or post-course test). */
export function presentOnlineTest(view: EntityView, base: string) {
  const { settings } = view;
  return {
    ...presentShared(view, 'onlineTest'),
    durationFor: String(settings.durationFor),
    duration: (settings.duration as number | null) ?? null,
    maximumAttemptsAllowed: settings.maximumAttemptsAllowed as number | 'unlimited',
    questionsPerPage: String(settings.questionsPerPage),
    passPercentage: (settings.passPercentage as number | null) ?? null,
    shuffleQuestions: settings.shuffleQuestions === true,
    showMarksToLearner: settings.showMarksToLearner === true,
    gradeCategoryId: (settings.gradeCategoryId as string | null) ?? '',
    previewURL: previewUrl(base, view.row.id),
    status: 'draft',
  };
}

/** The database checks of an online test write (its grade category). */
export const verifyOnlineTest = verifyAssessment(dataName);

/** The Online Test API's declaration for the shared entity routes. */
export const onlineTestKind: EntityKind<OnlineTestInput> = {
  entityType: EntityType.onlineTest,
  plural: 'onlineTests',
  singular: 'onlineTest',
  idParam: 'onlineTestId',
  dataName,
  noun: 'OnlineTest',
  itemSchema: OnlineTestSchema,
  present: presentOnlineTest,
  createInput: OnlineTestDataInput,
  updateInput: OnlineTestUpdateInput,
  toFields: (input: OnlineTestInput, current?: EntityView, _path?: EntityPath) => onlineTestFields(input, current),
  verify: verifyOnlineTest,
};
