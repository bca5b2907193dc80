/** Learning plan objects and their schemas (Lectern's shapes: Zoho's pages show no response). Pure. */
import { Type } from '@sinclair/typebox';
import { PersonSchema, presentPerson } from '../people/index.ts';
import { progressDisplay } from '../progress/index.ts';
import { wholePercent } from '../progress-reports/index.ts';
import type { PlanProgress, PlanView } from './learning-plan.service.ts';

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

/** A learning plan. */
export function presentPlan(view: PlanView) {
  return {
    learningPlanId: view.plan.id,
    name: view.plan.name,
    description: view.plan.description,
    coursesCount: view.courses.length,
    membersCount: view.membersCount,
    courses: view.courses.map((course) => ({
      courseId: course.course_id,
      name: course.name,
      type: String(course.type),
    })),
    createdTime: Number(view.plan.created_at),
  };
}

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

/** One learner's progress through a plan. */
export function presentPlanProgress(entry: PlanProgress) {
  const courses = entry.view.courses.map((course) => entry.progress.get(course.course_id));
  const completed = courses.filter((progress) => progress?.isCompleted === true).length;
  const total = courses.length;
  return {
    learningPlanId: entry.view.plan.id,
    name: entry.view.plan.name,
    description: entry.view.plan.description,
    learner: presentPerson(entry.learner),
    coursesCount: total,
    completedCoursesCount: completed,
    percentageOfProgress: wholePercent(completed, total),
    progressAsDisplayString: progressDisplay({ completedCount: completed, totalCount: total }),
    hasUserStarted: courses.some((progress) => progress?.hasStarted === true),
    hasUserCompleted: total > 0 && completed === total,
  };
}

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

/** The plan's courses, in the plan's order, with the learner's progress in each. */
export function presentPlanCourses(entry: PlanProgress) {
  return entry.view.courses.map((course) => {
    const progress = entry.progress.get(course.course_id);
    const counts = { completedCount: progress?.completedCount ?? 0, totalCount: progress?.totalCount ?? 0 };
    return {
      courseId: course.course_id,
      courseName: course.name,
      courseType: String(course.type),
      batchId: progress?.place.batchId ?? null,
      isEnrolled: progress !== undefined,
      hasUserStarted: progress?.hasStarted ?? false,
      hasUserCompleted: progress?.isCompleted ?? false,
      completedTime: progress?.completedAt ?? null,
      ...counts,
      percentageOfProgress: progress?.percentage ?? 0,
      progressAsDisplayString: progressDisplay(counts),
    };
  });
}
