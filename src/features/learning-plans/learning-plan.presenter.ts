/** Learning plan objects and their schemas (Lectern's shapes: Zoho's pages show no response). Pure. */
import { presentPerson } from '../people/index.ts';
import { progressDisplay } from '../progress/index.ts';
import { wholePercent } from '../progress-reports/index.ts';
import type { PlanProgress, PlanView } from './learning-plan.service.ts';

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

/** One learner's progress through a plan. */
export function presentPlanProgress(entry: PlanProgress, base: string) {
  const courses = entry.view.courses.map((course) => entry.progress.get(course.course_id));
  const completed = courses.filter((progress) => progress?.isCompleted === true).length;
  const total = courses.length;
  return {
    learningPlanId: entry.view.plan.id,
    name: entry.view.plan.name,
    description: entry.view.plan.description,
    learner: presentPerson(entry.learner, base),
    coursesCount: total,
    completedCoursesCount: completed,
    percentageOfProgress: wholePercent(completed, total),
    progressAsDisplayString: progressDisplay({ completedCount: completed, totalCount: total }),
    hasUserStarted: courses.some((progress) => progress?.hasStarted === true),
    hasUserCompleted: total > 0 && completed === total,
  };
}

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
