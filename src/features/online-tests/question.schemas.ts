/** The request and response schemas of an online test's questions and attempts (Lectern's own, under /lectern/v1). */
import { Type } from '@sinclair/typebox';
import { familyParams } from '../entities/index.ts';

/** Longest question text. */
export const questionTextLimit = 2000;
/** Longest option text. */
export const optionTextLimit = 500;
/** Most questions one test holds. */
export const questionsPerTestLimit = 200;

const QuestionText = Type.String({
  minLength: 1,
  maxLength: questionTextLimit,
});
const Kind = Type.Union([Type.Literal('single'), Type.Literal('multiple')], {
  description: 'single: one correct option (radio buttons); multiple: one or more (checkboxes)',
});
const Options = Type.Array(Type.String({ minLength: 1, maxLength: optionTextLimit }), {
  minItems: 2,
  maxItems: 10,
  description: '2 to 10 option texts',
});
const CorrectOptions = Type.Array(Type.Integer({ minimum: 0, maximum: 9 }), {
  minItems: 1,
  maxItems: 10,
  uniqueItems: true,
  description: 'The indexes (from 0) of the correct options; exactly one for a single choice question',
});
const Marks = Type.Integer({ minimum: 1, maximum: 100 });

/** The body of createOnlineTestQuestion. */
export const QuestionBody = Type.Object(
  {
    text: QuestionText,
    kind: Kind,
    options: Options,
    correctOptions: CorrectOptions,
    marks: Type.Optional({ ...Marks, description: '1 to 100; 1 when not sent' }),
  },
  { additionalProperties: false, title: 'OnlineTestQuestionInput' },
);

/** The body of updateOnlineTestQuestion: the keys sent replace the stored ones. */
export const QuestionUpdateBody = Type.Partial(QuestionBody, {
  additionalProperties: false,
  title: 'OnlineTestQuestionUpdate',
});

/** A question as the course's managers see it, with its correct options. */
export const QuestionSchema = Type.Object({
  questionId: Type.String(),
  position: Type.Integer(),
  text: Type.String(),
  kind: Type.String({ description: 'single or multiple' }),
  options: Type.Array(Type.String()),
  correctOptions: Type.Array(Type.Integer()),
  marks: Type.Integer(),
});

/** The path of a test's questions, both families. */
export const questionListParams = (batch: boolean) => familyParams(batch, ['moduleId', 'onlineTestId']);
/** The path of one question, both families. */
export const questionParams = (batch: boolean) => familyParams(batch, ['moduleId', 'onlineTestId', 'questionId']);
/** The path of one attempt, both families. */
export const attemptParams = (batch: boolean) => familyParams(batch, ['moduleId', 'onlineTestId', 'attemptId']);

/** One question. */
export const QuestionEnvelope = Type.Object({
  code: Type.Literal('200'),
  question: QuestionSchema,
  message: Type.Literal('success'),
});

/** A test's questions in order. */
export const QuestionListEnvelope = Type.Object({
  code: Type.Literal('200'),
  questions: Type.Array(QuestionSchema),
  message: Type.Literal('success'),
});

/** A question as a learner taking the test sees it: no correct options. */
export const AttemptQuestionSchema = Type.Object({
  questionId: Type.String(),
  text: Type.String(),
  kind: Type.String({ description: 'single or multiple' }),
  options: Type.Array(Type.String()),
  marks: Type.Union([Type.Integer(), Type.Null()], { description: 'null unless showMarksToLearner' }),
});

/** What the learner knows of their attempts at a test. */
export const AttemptsSummarySchema = Type.Object({
  maximumAttemptsAllowed: Type.Union([Type.Integer(), Type.Literal('unlimited')]),
  attemptsUsed: Type.Integer(),
  attemptsLeft: Type.Union([Type.Integer(), Type.Null()], { description: 'null when unlimited' }),
  passPercentage: Type.Union([Type.Integer(), Type.Null()]),
  hasPassed: Type.Boolean({ description: 'The result that counts (the best attempt) reaches passPercentage' }),
  questionCount: Type.Integer(),
  durationMinutes: Type.Union([Type.Integer(), Type.Null()], {
    description: "An attempt's time limit: the duration with durationFor test, duration × questions with question",
  }),
  openAttemptId: Type.Union([Type.String(), Type.Null()], { description: 'An attempt started and not yet over' }),
});

/** A started (or resumed) attempt: its questions in the order served, without their answers. */
export const AttemptEnvelope = Type.Object({
  code: Type.Literal('200'),
  attempt: Type.Object({
    attemptId: Type.String(),
    attemptNumber: Type.Integer(),
    startedAt: Type.String({ description: 'ISO 8601' }),
    deadline: Type.Union([Type.String(), Type.Null()], { description: 'ISO 8601; null without a time limit' }),
    questions: Type.Array(AttemptQuestionSchema),
  }),
  message: Type.Literal('success'),
});

/** The learner's attempts at a test. */
export const AttemptsSummaryEnvelope = Type.Object({
  code: Type.Literal('200'),
  attempts: AttemptsSummarySchema,
  message: Type.Literal('success'),
});

/** The body of submitOnlineTestAttempt: the options chosen per question (a question left out is unanswered). */
export const SubmitBody = Type.Object(
  {
    answers: Type.Array(
      Type.Object(
        {
          questionId: Type.String({ minLength: 1, maxLength: 20 }),
          selectedOptions: Type.Array(Type.Integer({ minimum: 0, maximum: 9 }), { maxItems: 10, uniqueItems: true }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
  },
  { additionalProperties: false, title: 'OnlineTestAnswers' },
);

/** The outcome of a submitted attempt. */
export const AttemptResultEnvelope = Type.Object({
  code: Type.Literal('200'),
  result: Type.Object({
    passed: Type.Boolean({ description: 'This attempt reaches passPercentage (any attempt without one)' }),
    marks: Type.Union([Type.Integer(), Type.Null()], { description: 'null unless showMarksToLearner' }),
    maximumMarks: Type.Union([Type.Integer(), Type.Null()], { description: 'null unless showMarksToLearner' }),
    attempts: AttemptsSummarySchema,
    completion: Type.Object({
      state: Type.String(),
      isModuleCompleted: Type.Boolean(),
      isCourseCompleted: Type.Boolean(),
    }),
  }),
  message: Type.Literal('success'),
});
