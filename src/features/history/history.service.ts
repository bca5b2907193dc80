/**
 * Reading the learner history: per learner (the learner, their manager, LMS admins; course admins and owners see
 * the entries of the courses they manage) and per course (the course's managers; LMS admins also after the course
 * was deleted). Writing happens only through recordEvents.
 */

import { type Caller, canManage, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { forbidden, LmsError, notFound } from '../../errors.ts';
import { getCourseView } from '../courses/index.ts';
import { findEmployee } from '../people/index.ts';
import * as repository from './history.repository.ts';

/** The filters and page a history read asks for. */
export interface HistoryQuery {
  batchId?: string;
  types?: readonly string[];
  from?: number;
  to?: number;
  startIndex: number;
  /** Rows per page; one more is fetched to tell whether more exist. */
  limit: number;
}

/** A page of history rows. */
export interface HistoryPage {
  rows: repository.HistoryRow[];
  hasMoreRecords: boolean;
}

async function page(context: AppContext, filter: repository.HistoryFilter, query: HistoryQuery): Promise<HistoryPage> {
  const rows = await repository.listHistory(
    context.db,
    { ...filter, batchId: query.batchId, types: query.types, from: query.from, to: query.to },
    query.startIndex,
    query.limit + 1,
  );
  return { rows: rows.slice(0, query.limit), hasMoreRecords: rows.length > query.limit };
}

/**
 * One learner's history. The learner, their manager and LMS admins read all of it; someone who owns or administers
 * courses reads the entries of those courses; anyone else is refused (403). 404 for a learner of another portal.
 */
export async function learnerHistory(
  context: AppContext,
  caller: Caller,
  erecno: string,
  query: HistoryQuery,
): Promise<HistoryPage> {
  const learner = await findEmployee(context.db, caller.portalId, erecno);
  if (learner === undefined) throw notFound('learner', erecno);
  const filter = { portalId: caller.portalId, erecno };
  if (caller.isAdmin || caller.erecno === erecno || learner.manager_erecno === caller.erecno) {
    return page(context, filter, query);
  }
  if (!(await repository.managesAnyCourse(context.db, caller.portalId, caller.erecno))) {
    throw forbidden("a learner's history is for the learner, their manager, course admins and LMS admins");
  }
  return page(context, { ...filter, managedBy: caller.erecno }, query);
}

/**
 * A course's history, for its managers (LMS admin, owner, course admins). A deleted course's history stays readable
 * by LMS admins (its owner and admins went with it); otherwise an unknown course, or another portal's, is a 404.
 */
export async function courseHistory(
  context: AppContext,
  caller: Caller,
  courseId: string,
  query: HistoryQuery,
): Promise<HistoryPage> {
  const filter = { portalId: caller.portalId, courseId };
  let view: Awaited<ReturnType<typeof getCourseView>>;
  try {
    view = await getCourseView(context.db, caller, courseId);
  } catch (error) {
    const gone = error instanceof LmsError && error.status === 404;
    if (gone && caller.isAdmin && (await repository.courseHasHistory(context.db, caller.portalId, courseId))) {
      return page(context, filter, query);
    }
    throw error;
  }
  if (!canManage(rolesOnCourse(caller, view.relations))) {
    throw forbidden("a course's history is for its admins, its owner and LMS admins");
  }
  return page(context, filter, query);
}
