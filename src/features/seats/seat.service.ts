/**
 * Seat bookkeeping below the enrolment rules: who holds a seat, who waits, promotions into free seats, and the events
 * they record. It imports nothing from batches or courses, so that the batches feature can promote waiting learners
 * when a capacity rises (batch.service.ts) while the enrolment services import batches.
 */
import type { AppContext } from '../../context.ts';
import type { Db, EnrolmentTable } from '../../db/database.ts';
import { type LmsEvent, type LmsEventType, recordEvents } from '../../events/index.ts';
import * as repository from './seat.repository.ts';

/** Where a seat is: a whole course (batchId null) or one batch of a blended course. */
export type SeatPlace = repository.SeatPlace;

/** A learner's place as history shows it: `{status}`, with the waitlist position while waiting. */
export function seatState(row: Pick<EnrolmentTable, 'status' | 'position'>): Record<string, unknown> {
  return row.status === 'waitlisted'
    ? { status: 'waitlisted', position: Number(row.position) }
    : { status: 'enrolled' };
}

/** An event about one learner's seat at a place. */
export function seatEvent(
  place: SeatPlace,
  change: {
    type: LmsEventType;
    erecno: string;
    by: string | null;
    at: number;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    notify: boolean;
  },
): LmsEvent {
  return {
    type: change.type,
    portalId: place.portalId,
    courseId: place.courseId,
    batchId: place.batchId,
    erecno: change.erecno,
    by: change.by,
    at: change.at,
    subject: place.batchId === null ? { kind: 'course', id: place.courseId } : { kind: 'batch', id: place.batchId },
    before: change.before,
    after: change.after,
    notify: change.notify,
  };
}

/** A new enrolment row. */
export function seatRow(
  place: SeatPlace,
  row: { erecno: string; by: string; now: number },
  status: EnrolmentTable['status'],
  position: number,
): EnrolmentTable {
  return {
    portal_id: place.portalId,
    course_id: place.courseId,
    batch_id: place.batchId,
    erecno: row.erecno,
    status,
    position,
    enrolled_by: row.by,
    created_at: row.now,
  };
}

/**
 * Gives the free seats of a batch (capacity minus its enrolled learners) to the first waiting learners, in waitlist
 * order, with a learner.promoted.v1 event each; call it in the transaction that freed the seats, with the batch
 * row locked. Answers who was promoted.
 */
export async function promoteWaiting(
  db: Db,
  context: AppContext,
  place: SeatPlace,
  change: { capacity: number; by: string; notify: boolean },
): Promise<string[]> {
  if (place.batchId === null) return [];
  const free = change.capacity - (await repository.countEnrolled(db, place));
  const promoted = await repository.firstWaiting(db, place, free);
  if (promoted.length === 0) return [];
  const erecnos = promoted.map((row) => row.erecno);
  const now = context.clock.now();
  await repository.markEnrolled(db, place, erecnos);
  await repository.syncLearnerMembers(db, place, erecnos, change.by, now);
  const events = promoted.map((row) =>
    seatEvent(place, {
      type: 'learner.promoted.v1',
      erecno: row.erecno,
      by: change.by,
      at: now,
      before: seatState(row),
      after: { status: 'enrolled' },
      notify: change.notify,
    }),
  );
  await recordEvents(db, context, events);
  return erecnos;
}

/** Which of the given people hold a seat (not a waitlist place) at a place. */
export async function enrolledAmong(db: Db, place: SeatPlace, erecnos: readonly string[]): Promise<Set<string>> {
  const rows = await repository.findEnrolments(db, place, erecnos);
  return new Set(rows.filter((row) => row.status === 'enrolled').map((row) => row.erecno));
}

/** How many people wait for a seat in a batch. */
export async function countWaiting(db: Db, place: SeatPlace): Promise<number> {
  return repository.countWaiting(db, place);
}

/** The learners holding a seat at a place, by name, at most `limit`: a roster for attendance and marks. */
export function listSeatedLearners(db: Db, place: SeatPlace, limit: number): Promise<repository.SeatedLearnerRow[]> {
  return repository.listSeated(db, place, limit);
}
