/** The public surface of features/sessions/: what other folders may use of it; everything else stays inside. */

export { sessionTypeNames } from './session.presenter.ts';
export {
  cloneBatchSessions,
  countBatchSessions,
  deleteBatchSessions,
  deleteModuleSessions,
  findBatchTrainer,
  findNextSessionOfTrainer,
  listCancelledFeedSessions,
  listFeedSessions,
} from './session.service.ts';
export type { FeedOwner, FeedWindow } from './session-booking.repository.ts';
export { sessionTimeZone, type WallClock, wallClockAt, wallClockToEpoch } from './session-time.ts';
