/** The learning plan API's output schemas. */
import { Type } from '@sinclair/typebox';
import { dataObjectParameter, startIndexParameter, textParameter } from '../../http/parameters.ts';
import { PersonSchema } from '../people/index.ts';

/** A plan's course as a plan lists it. */
const PlanCourseSchema = Type.Object({ courseId: Type.String(), name: Type.String(), type: Type.String() });

/** A learning plan. */
export const LearningPlanSchema = Type.Object({
  learningPlanId: Type.String(),
  name: Type.String(),
  description: Type.String(),
  coursesCount: Type.Integer(),
  membersCount: Type.Integer(),
  courses: Type.Array(PlanCourseSchema),
  createdTime: Type.Number({ description: 'epoch ms' }),
});

/** One learner's progress through a plan: completed courses of its courses. */
export const PlanProgressSchema = Type.Object({
  learningPlanId: Type.String(),
  name: Type.String(),
  description: Type.String(),
  learner: PersonSchema,
  coursesCount: Type.Integer(),
  completedCoursesCount: Type.Integer(),
  percentageOfProgress: Type.Integer(),
  progressAsDisplayString: Type.String({ description: '"1 of 3 Completed" (courses)' }),
  hasUserStarted: Type.Boolean(),
  hasUserCompleted: Type.Boolean(),
});

/** One course of a plan with the learner's progress in it. */
export const PlanCourseProgressSchema = Type.Object({
  courseId: Type.String(),
  courseName: Type.String(),
  courseType: Type.String(),
  batchId: Type.Union([Type.String(), Type.Null()]),
  isEnrolled: Type.Boolean(),
  hasUserStarted: Type.Boolean(),
  hasUserCompleted: Type.Boolean(),
  completedTime: Type.Union([Type.Number(), Type.Null()]),
  completedCount: Type.Integer(),
  totalCount: Type.Integer(),
  percentageOfProgress: Type.Integer(),
  progressAsDisplayString: Type.String(),
});

export const IdString = Type.String({ pattern: '^[1-9][0-9]{0,19}$', errorMessage: 'must be a numeric id' });

/** `learningPlanData` as sent to create; update takes the same keys, each optional. */
export const PlanDataInput = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 250,
      pattern: '\\S',
      errorMessage: 'must be a text of 1 to 250 characters, not only spaces',
    }),
    description: Type.Optional(Type.String({ maxLength: 10_000, errorMessage: 'must be at most 10000 characters' })),
    courseIds: Type.Optional(
      Type.Array(IdString, { maxItems: 100, errorMessage: 'must be a list of at most 100 course ids' }),
    ),
  },
  { title: 'LearningPlanData' },
);

export const PlanUpdateInput = Type.Partial(PlanDataInput, { title: 'LearningPlanUpdate' });

/** The body of plan. */
export const planBody = Type.Optional(
  Type.Unknown({
    description: 'learningPlanData {name, description, courseIds}: bare or wrapped JSON, or a form field',
  }),
);

/** The querystring of plan. */
export const planQuery = (schema: typeof PlanDataInput | typeof PlanUpdateInput) =>
  Type.Object({
    learningPlanData: dataObjectParameter(schema, {
      description: 'The plan as JSON (or send it as the JSON or form body)',
    }),
  });

/** `startIndex` of the learning plan pages: 1-based (0 reads as 1). */
export const oneBasedStartIndex = textParameter(Type.Integer({ minimum: 0 }), {
  description: '1-based position of the first record (0 reads as 1)',
});

/** The path parameters of plan. */
export const planParams = Type.Object({ planId: Type.String() });

/** The path parameters of learner. */
export const learnerParams = Type.Object({ learnerId: Type.String() });

/** The querystring of listLearningPlans. */
export const listLearningPlansQuery = Type.Object({ startIndex: oneBasedStartIndex, limit: limitParameter(1) });

/** The querystring of getLearnerLearningPlansProgress. */
export const getLearnerLearningPlansProgressQuery = Type.Object({ startIndex: startIndexParameter });

/** The path parameters of getLearnerLearningPlanCoursesProgress. */
export const getLearnerLearningPlanCoursesProgressParams = Type.Object({
  learnerId: Type.String(),
  planId: Type.String(),
});

/** The querystring of getLearnerLearningPlanCoursesProgress. */
export const getLearnerLearningPlanCoursesProgressQuery = Type.Object({
  startIndex: oneBasedStartIndex,
  Limit: limitParameter(25),
  limit: limitParameter(25, 'The same as Limit'),
});

/** A page size from `minimum` to 100. */
function limitParameter(minimum: number, description = `Records per page, ${minimum} to 100; default 25`) {
  return textParameter(Type.Integer({ minimum, maximum: 100 }), { description });
}
