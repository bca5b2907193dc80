/** Update Marks for offline tests and assignments: each learner's marks, up to the item's maximum. */

import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { invalidInput } from '../../errors.ts';
import { recordEvents } from '../../events/index.ts';
import { type EntityPath, requireEntityForMarks } from '../entities/index.ts';
import { findEmployees } from '../people/index.ts';
import { completionSnapshot, recordCompletionChanges } from '../progress/index.ts';
import { enrolledAmong, listSeatedLearners } from '../seats/index.ts';
import { findBatchTrainer } from '../sessions/index.ts';
import { findMarks, upsertMarks } from './entity-marks.repository.ts';

/** One learner's marks as asked, with the parameter names an error should cite. */
export interface MarkEntry {
  erecno: string;
  marks: number;
  erecnoParameter: string;
  marksParameter: string;
}

/** Which kind of item the marks are for, and the settings key holding its maximum. */
export interface MarksKind {
  entityType: number;
  what: string;
  maximumKey: string;
}

/** A learner's marks as answered. */
export interface LearnerMarks {
  learnerErecno: string;
  displayName: string;
  employeeId: string;
  marks: number;
  maximumMarks: number;
}

/** Whether the caller trains a session of the path's batch (the course family has no trainers). */
async function trainsBatch(db: Db, caller: Caller, path: EntityPath): Promise<boolean> {
  if (path.batchId === null) return false;
  return (await findBatchTrainer(db, caller.portalId, path.batchId, caller.erecno))?.trains === true;
}

/** The most learners a marks sheet lists (as many as one marksList may name). */
export const maxMarksSheetLearners = 1000;

/** A learner of a marks sheet: their marks, null while ungraded. */
export interface MarksSheetLearner {
  learnerErecno: string;
  displayName: string;
  employeeId: string;
  marks: number | null;
}

/**
 * The learners seated where the item is (the course, or the batch), by name, with their marks and the item's maximum:
 * for those who may mark it (course managers; in a blended batch, its sessions' trainers).
 */
export async function marksSheet(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  kind: MarksKind,
  entityId: string,
): Promise<{ maximumMarks: number; learners: MarksSheetLearner[] }> {
  const asTrainer = await trainsBatch(context.db, caller, path);
  const view = await requireEntityForMarks(context, context.db, caller, path, kind, entityId, asTrainer);
  const place = { portalId: caller.portalId, courseId: path.courseId, batchId: path.batchId };
  const seated = await listSeatedLearners(context.db, place, maxMarksSheetLearners);
  const erecnos = seated.map((learner) => learner.erecno);
  const marks = new Map((await findMarks(context.db, entityId, erecnos)).map((row) => [row.erecno, Number(row.marks)]));
  return {
    maximumMarks: Number(view.settings[kind.maximumKey]),
    learners: seated.map((learner) => ({
      learnerErecno: learner.erecno,
      displayName: learner.display_name,
      employeeId: learner.employee_id,
      marks: marks.get(learner.erecno) ?? null,
    })),
  };
}

/**
 * Records the marks of one or more learners in one transaction: every entry must be within 0 and the item's maximum
 * and name an active employee holding a seat where the item is (the course, or the batch for blended courses), or
 * nothing is written. A learner's new marks replace the old ones, with a marks.recorded.v1 event each and the
 * completions that follow. Course managers may mark, and in a blended batch the trainers of its sessions.
 */
export async function updateMarks(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  kind: MarksKind,
  entityId: string,
  entries: MarkEntry[],
): Promise<LearnerMarks[]> {
  return context.db.transaction().execute(async (trx) => {
    const asTrainer = await trainsBatch(trx, caller, path);
    const view = await requireEntityForMarks(context, trx, caller, path, kind, entityId, asTrainer);
    const maximum = Number(view.settings[kind.maximumKey]);
    for (const entry of entries) {
      if (entry.marks > maximum) {
        throw invalidInput(
          entry.marksParameter,
          `must not be above the ${kind.what}'s maximum of ${maximum} marks, got ${entry.marks}`,
        );
      }
    }
    const employees = await findEmployees(
      trx,
      caller.portalId,
      entries.map((entry) => entry.erecno),
    );
    const byErecno = new Map(employees.map((employee) => [employee.erecno, employee]));
    for (const entry of entries) {
      const employee = byErecno.get(entry.erecno);
      if (employee === undefined) {
        throw invalidInput(entry.erecnoParameter, `no employee with erecno ${entry.erecno} in this portal`);
      }
      if (employee.status !== 'active') {
        throw invalidInput(entry.erecnoParameter, `${employee.display_name} (${employee.erecno}) is inactive`);
      }
    }
    const place = { portalId: caller.portalId, courseId: path.courseId, batchId: path.batchId };
    const erecnos = entries.map((entry) => entry.erecno);
    const enrolled = await enrolledAmong(trx, place, erecnos);
    const outsider = entries.find((entry) => !enrolled.has(entry.erecno));
    if (outsider !== undefined) {
      const employee = byErecno.get(outsider.erecno)!;
      const where = path.batchId === null ? 'course' : 'batch';
      throw invalidInput(
        outsider.erecnoParameter,
        `${employee.display_name} (${employee.erecno}) is not a learner of this ${where} (enrol them first)`,
      );
    }
    const previous = new Map((await findMarks(trx, entityId, erecnos)).map((row) => [row.erecno, Number(row.marks)]));
    const snapshot = await completionSnapshot(trx, context, place, erecnos);
    const now = context.clock.now();
    await upsertMarks(
      trx,
      entries.map((entry) => ({
        portal_id: caller.portalId,
        entity_id: entityId,
        erecno: entry.erecno,
        marks: entry.marks,
        remarks: '',
        marked_by: caller.erecno,
        marked_at: now,
      })),
    );
    const events = entries.map((entry) => ({
      type: 'marks.recorded.v1' as const,
      ...place,
      erecno: entry.erecno,
      by: caller.erecno,
      at: now,
      subject: { kind: 'entity' as const, id: entityId, entityType: kind.entityType },
      before: previous.has(entry.erecno) ? { marks: previous.get(entry.erecno) } : null,
      after: { marks: entry.marks, maximumMarks: maximum },
      // Update Marks takes no notifyApplicableUsers: marks are recorded, not announced.
      notify: false,
    }));
    await recordEvents(trx, context, events);
    await recordCompletionChanges(trx, context, snapshot, caller.erecno);
    return entries.map((entry) => {
      const employee = byErecno.get(entry.erecno)!;
      return {
        learnerErecno: entry.erecno,
        displayName: employee.display_name,
        employeeId: employee.employee_id,
        marks: entry.marks,
        maximumMarks: maximum,
      };
    });
  });
}
