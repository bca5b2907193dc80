/** The learning plan API's output schemas. */
import { Type } from '@sinclair/typebox';
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
