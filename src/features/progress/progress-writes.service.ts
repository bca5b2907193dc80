/**
 * The writes progress is made of: a learner's action (opened, marked or unmarked an entity, a module or the course),
 * an online test result, and the cascade delete. Each runs in the caller's transaction; what follows from it
 * (completion changes, events) is completion-changes.ts's.
 */
import type { Db } from '../../db/database.ts';
import * as repository from './progress.repository.ts';
import type { ProgressPlace } from './progress.types.ts';

/** What a learner's action writes: opened or (un)marked an entity, a module or the course. */
export interface LearnerAction {
  place: ProgressPlace;
  erecno: string;
  subjectKind: 'entity' | 'module' | 'course';
  /** The entity or module id; ignored for the course. */
  subjectId: string;
  action: 'open' | 'complete' | 'incomplete';
  by: string;
  at: number;
}

/** Writes a learner's action (in the caller's transaction). */
export async function recordLearnerAction(db: Db, action: LearnerAction): Promise<void> {
  const { place } = action;
  const base = {
    portal_id: place.portalId,
    course_id: place.courseId,
    batch_id: place.batchId,
    erecno: action.erecno,
    subject_kind: action.subjectKind,
    subject_id: action.subjectKind === 'course' ? (place.batchId ?? place.courseId) : action.subjectId,
  };
  if (action.action === 'open') {
    await repository.recordOpened(db, { ...base, opened_at: action.at });
    return;
  }
  const complete = action.action === 'complete';
  await repository.recordCompleted(db, {
    ...base,
    completed_at: complete ? action.at : null,
    completed_by: complete ? action.by : null,
  });
}

/** Writes a learner's online test result (in the caller's transaction). */
export async function recordOnlineResult(
  db: Db,
  result: {
    portalId: string;
    entityId: string;
    erecno: string;
    marks: number;
    maximumMarks: number;
    by: string;
    at: number;
  },
): Promise<void> {
  await repository.upsertOnlineResult(db, {
    portal_id: result.portalId,
    entity_id: result.entityId,
    erecno: result.erecno,
    marks: result.marks,
    maximum_marks: result.maximumMarks,
    recorded_by: result.by,
    recorded_at: result.at,
  });
}

/** Deletes learners' progress in what a cascade removes (an entity, module, batch or course), in its transaction. */
export function deleteProgressIn(db: Db, scope: repository.ProgressDeleteScope): Promise<void> {
  return repository.deleteProgressIn(db, scope);
}
