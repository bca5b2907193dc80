/** The learning plan API's request and response schemas: Zoho's reads and Lectern's writes. */
import { Type } from '@sinclair/typebox';
import { successEnvelope } from '../../http/envelope.ts';
import { dataObjectParameter, idListParameter, startIndexParameter, textParameter } from '../../http/parameters.ts';
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

/** A numeric id as text, as plans name their courses. */
const IdString = Type.String({ pattern: '^[1-9][0-9]{0,19}$', errorMessage: 'must be a numeric id' });

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

/** `learningPlanData` as sent to update: every key optional (a partial update). */
export const PlanUpdateInput = Type.Partial(PlanDataInput, { title: 'LearningPlanUpdate' });

/** The body of a plan write: learningPlanData may come here instead of the query, read by the handler. */
export const planDataBody = Type.Optional(
  Type.Unknown({
    description: 'learningPlanData {name, description, courseIds}: bare or wrapped JSON, or a form field',
  }),
);

/** The querystring of a plan write: learningPlanData, checked against the create or update schema. */
export const planDataQuery = (schema: typeof PlanDataInput | typeof PlanUpdateInput) =>
  Type.Object({
    learningPlanData: dataObjectParameter(schema, {
      description: 'The plan as JSON (or send it as the JSON or form body)',
    }),
  });

/** `startIndex` of the learning plan pages: 1-based (0 reads as 1). */
export const oneBasedStartIndex = textParameter(Type.Integer({ minimum: 0 }), {
  description: '1-based position of the first record (0 reads as 1)',
});

/** The path of one learning plan. */
export const planParams = Type.Object({ planId: Type.String() });

/** The path of one learner's plans. */
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

/** The querystring of the plan member lists (learners and members): 0-based, unlike the plan list. */
export const listLearningPlanMembersQuery = Type.Object({ startIndex: startIndexParameter });

/** The querystring of adding and removing plan members: the people, as a JSON list of erecnos. */
export const planMembersQuery = Type.Object({ erecnosList: idListParameter('The people') });

/** The body of adding and removing plan members: erecnosList may come here instead, read by the handler. */
export const planMembersBody = Type.Optional(
  Type.Unknown({ description: 'erecnosList as a JSON body, a form field or the query' }),
);

/** The 200 answer of addLearningPlanMembers: the people added. */
export const addLearningPlanMembersResponse200 = successEnvelope('learners', Type.Array(PersonSchema));

/** `{"code":"200","learningPlan":{...},"message":"success"}` for a plan written. */
export const LearningPlanEnvelope = successEnvelope('learningPlan', LearningPlanSchema);
