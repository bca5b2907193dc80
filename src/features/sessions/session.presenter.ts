/** Turns session rows into Zoho's session object for a caller at a moment. */
import type { Static } from '@sinclair/typebox';
import { dateInZone, type IsoDate, twelveHourText, zohoDateText } from '../../dates.ts';
import type { SessionRow } from './session.repository.ts';
import type { SessionSchema } from './session.schemas.ts';
import { sessionTimeZone, wallClockToEpoch } from './session-time.ts';

/** Zoho's names of the two session types. */
export const sessionTypeNames = ['Classroom', 'E-learning'] as const;

/** What the object depends on besides the row: the moment, and whether the caller manages the course. */
export interface PresentOptions {
  nowMs: number;
  canManage: boolean;
}

/** Locked while the portal's today is before `lockUntil` (on that day the session opens). */
export function isLockedOn(lockUntil: IsoDate | null, today: IsoDate): boolean {
  return lockUntil !== null && today < lockUntil;
}

/**
 * Zoho's session object, in the sample's key order. Times are shown as entered (the session's own wall clock); the
 * session has ended once its end time has passed where it is held, while lock dates are the portal's, as for modules.
 */
export function presentSession(row: SessionRow, options: PresentOptions): Static<typeof SessionSchema> {
  const today = dateInZone(options.nowMs, row.time_zone || 'UTC');
  const heldIn = sessionTimeZone(row.location_time_zone, row.time_zone);
  return {
    totalLearnersCount: Number(row.total_learners ?? 0),
    sessionName: row.name,
    sessionEndTime: twelveHourText(row.end_minute),
    sessionStartTime: twelveHourText(row.start_minute),
    description: row.description,
    resources: [],
    sessionId: row.id,
    roomId: row.room_id ?? '',
    canUserDelete: options.canManage,
    sessionStartDate: zohoDateText(row.date),
    lockUntil: row.lock_until === null ? '' : zohoDateText(row.lock_until),
    presentLeanersCount: Number(row.present_learners ?? 0),
    gradeCategoryName: row.grade_category_name ?? '',
    isLocked: isLockedOn(row.lock_until, today),
    gradeCategoryId: row.grade_category_id ?? '',
    sessionType: sessionTypeNames[row.session_type === 1 ? 1 : 0],
    sessionRoom: row.room_name ?? '',
    sessionTrainer: row.trainer_name ?? '',
    isSessionCompleted: options.nowMs >= wallClockToEpoch(row.date, row.end_minute, heldIn),
    trainerErecno: row.trainer_erecno,
    canUserEdit: options.canManage,
    moduleId: row.module_id,
  };
}
