/** The public surface of features/seats/: what other folders may use of it; everything else stays inside. */
export {
  countEnrolled,
  deleteEnrolments,
  deleteEnrolmentsOf,
  findEnrolments,
  findEnrolmentsOf,
  insertEnrolments,
  lockPlace,
  nextWaitlistPosition,
  type RemovalScope,
  type SeatPlace,
  syncLearnerMembers,
} from './seat.repository.ts';
export { countWaiting, enrolledAmong, promoteWaiting, seatEvent, seatRow, seatState } from './seat.service.ts';
