/** The public surface of features/seats/: what other folders may use of it; everything else stays inside. */

export {
  countWaiting,
  enrolledAmong,
  listSeatedLearners,
  promoteWaiting,
  type SeatPlace,
  seatEvent,
  seatRow,
  seatState,
} from './seat.service.ts';
export {
  countEnrolled,
  deleteEnrolments,
  deleteEnrolmentsOf,
  deleteWaitlistPlacesOf,
  findEnrolments,
  findEnrolmentsOf,
  findWaitlistPlacesOf,
  insertEnrolments,
  lockPlace,
  nextWaitlistPosition,
  type RemovalScope,
  syncLearnerMembers,
} from './seat-ledger.service.ts';
