/** Courses as a caller sees them: the view (relations, people, categories, own progress), read in fixed statements. */
import { type Caller, canView, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { Dialect } from '../../db/create-db.ts';
import type { CourseTable, Db } from '../../db/database.ts';
import { forbidden, notFound } from '../../errors.ts';
import { type LearnerProgress, loadProgressOfLearner } from '../progress/index.ts';
import type { CourseView } from './course.presenter.ts';
import * as repository from './course-view.repository.ts';

/** A course's view for the caller from what one statement read: the caller's relations (owner, admin, favourite, ...). */
export function viewOf(row: repository.CourseViewRow, caller: Caller): CourseView {
  const { course, members } = row;
  const admins = members.filter((member) => member.relation === 'admin');
  const has = (relation: string) =>
    members.some((member) => member.relation === relation && member.erecno === caller.erecno);
  return {
    course,
    owner: row.owner,
    admins,
    categories: row.categories,
    relations: {
      ownerErecno: course.owner_erecno,
      adminErecnos: admins.map((admin) => admin.erecno),
      isFavourite: has('favourite'),
      isShared: has('share'),
      isSuggested: has('suggestion'),
      isLearner: has('learner'),
      isTrainer: has('trainer'),
    },
    seats: row.seats,
  };
}

/** Builds the views of several courses of the caller's portal, rows as given, in one statement. */
export async function loadViews(db: Db, caller: Caller, courses: CourseTable[]): Promise<CourseView[]> {
  const rows = await repository.findViewsOf(db, caller.portalId, courses, caller.erecno);
  return rows.map((row) => viewOf(row, caller));
}

/** One course of the caller's portal for the caller, without the visibility check: 404 when it is not there. */
export async function loadView(db: Db, caller: Caller, courseId: string, lock?: Dialect): Promise<CourseView> {
  const row = await repository.findCourseView(db, caller.portalId, courseId, caller.erecno, lock);
  if (row === undefined) throw notFound('course', courseId);
  return viewOf(row, caller);
}

/** One course as the caller may see it: 404 when it is not in the caller's portal, 403 when hidden from them. */
export async function getCourseView(db: Db, caller: Caller, courseId: string): Promise<CourseView> {
  const view = await loadView(db, caller, courseId);
  if (!canView(rolesOnCourse(caller, view.relations), view.course.status)) {
    throw forbidden('the course is not published and you are not one of its admins');
  }
  return view;
}

/**
 * Adds the caller's own progress to the views of courses they learn in, with one engine load for all of them (their
 * seats came with the views). With several seats in one blended course, `preferredBatchId` (a fetch's `batchId`)
 * wins, then a completed batch, then the highest percentage.
 */
export async function withCallerProgress(
  context: AppContext,
  caller: Caller,
  views: CourseView[],
  preferredBatchId?: string,
): Promise<CourseView[]> {
  const places = views
    .filter((view) => view.relations.isLearner)
    .flatMap((view) =>
      view.seats.map((seat) => ({ portalId: caller.portalId, courseId: view.course.id, batchId: seat.batch_id })),
    );
  if (places.length === 0) return views;
  const progress = await loadProgressOfLearner(context.db, context, caller.portalId, caller.erecno, places);
  const rank = (entry: LearnerProgress) =>
    (entry.place.batchId !== null && entry.place.batchId === preferredBatchId ? 10_000 : 0) +
    (entry.isCompleted ? 1000 : 0) +
    entry.percentage;
  return views.map((view) => {
    const mine = progress.filter((entry) => entry.place.courseId === view.course.id);
    if (mine.length === 0) return view;
    return { ...view, progress: mine.reduce((best, entry) => (rank(entry) > rank(best) ? entry : best)) };
  });
}
