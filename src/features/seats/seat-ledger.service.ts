/**
 * The seat ledger's writes and reads as the enrolment rules drive them, each inside the caller's transaction: lock a
 * place, read and count its seats, add and remove rows, keep the course's learner members in step.
 */
import type { Dialect } from '../../db/create-db.ts';
import type { Db, EnrolmentTable } from '../../db/database.ts';
import * as repository from './seat.repository.ts';

/** What a removal clears: a whole course, or one batch of it. */
export type RemovalScope = repository.RemovalScope;

/** Locks the place's row (course or batch) so that concurrent enrolments into it queue. */
export function lockPlace(db: Db, dialect: Dialect, place: repository.SeatPlace): Promise<void> {
  return repository.lockPlace(db, dialect, place);
}

/** The place's enrolment rows of the given people. */
export function findEnrolments(db: Db, place: repository.SeatPlace, erecnos: readonly string[]) {
  return repository.findEnrolments(db, place, erecnos);
}

/** How many hold a seat in the place. */
export function countEnrolled(db: Db, place: repository.SeatPlace): Promise<number> {
  return repository.countEnrolled(db, place);
}

/** The waitlist position the next waiting learner gets. */
export function nextWaitlistPosition(db: Db, place: repository.SeatPlace): Promise<number> {
  return repository.nextWaitlistPosition(db, place);
}

/** Adds enrolment rows (seated or waiting). */
export function insertEnrolments(db: Db, rows: EnrolmentTable[]): Promise<void> {
  return repository.insertEnrolments(db, rows);
}

/** Removes the given people's rows from the place. */
export function deleteEnrolments(db: Db, place: repository.SeatPlace, erecnos: readonly string[]): Promise<void> {
  return repository.deleteEnrolments(db, place, erecnos);
}

/** Keeps the course's learner members in step with who holds a seat, for the given people. */
export function syncLearnerMembers(
  db: Db,
  place: repository.SeatPlace,
  erecnos: readonly string[],
  byErecno: string,
  now: number,
): Promise<void> {
  return repository.syncLearnerMembers(db, place, erecnos, byErecno, now);
}

/** Every enrolment row of a course, or of one batch of it (for removals). */
export function findEnrolmentsOf(db: Db, scope: RemovalScope) {
  return repository.findEnrolmentsOf(db, scope);
}

/** Deletes the enrolments of a whole course, or of one batch of it (for removals). */
export function deleteEnrolmentsOf(db: Db, scope: RemovalScope): Promise<void> {
  return repository.deleteEnrolmentsOf(db, scope);
}

/** A person's waitlist places across the portal (deactivating them clears these). */
export function findWaitlistPlacesOf(db: Db, portalId: string, erecno: string): Promise<EnrolmentTable[]> {
  return repository.findWaitlistPlacesOf(db, portalId, erecno);
}

/** Deletes a person's waitlist places across the portal, in one statement. */
export function deleteWaitlistPlacesOf(db: Db, portalId: string, erecno: string): Promise<void> {
  return repository.deleteWaitlistPlacesOf(db, portalId, erecno);
}
