/**
 * Who an event with `notify` concerns, and which invite each of them gets. Pure: the outbox loads the sessions,
 * learners and course members first (a fixed number of queries for all the events of a change).
 *
 * - A learner event (enrolled, waitlisted, promoted, unenrolled, removed, attendance, marks, completions): the
 *   learner. Enrolled or promoted into a batch with sessions: a REQUEST invite of the batch's sessions; unenrolled or
 *   removed from one: a CANCEL of them. Managers are not copied.
 * - session.created/updated/cancelled: the batch's enrolled learners (not the waitlist) and the session's trainer,
 *   with a REQUEST (or CANCEL) of the session; when an update hands the session to another trainer, the previous
 *   trainer gets a CANCEL.
 * - batch.published: the batch's learners, the trainers of its sessions (a REQUEST of their own sessions, since
 *   sessions made before publishing told nobody), the course admins and the owner.
 * - course.published: the owner, the course admins, and the people it was shared or suggested to.
 */
import type { LmsEvent } from './event.types.ts';
import type { SessionSnapshot } from './outbox-sources.repository.ts';

/** Why a person is told; the first reason found wins when someone is concerned twice. */
export type NotificationReason = 'learner' | 'trainer' | 'courseAdmin' | 'owner' | 'sharedWith' | 'suggestedTo';

/** What an invite asks the calendar program to do. */
export type InviteMethod = 'REQUEST' | 'CANCEL';

/** One e-mail to plan: the person, why, and the invite (sessions empty: no invite). */
export interface PlannedNotification {
  event: LmsEvent;
  erecno: string;
  reason: NotificationReason;
  method: InviteMethod | null;
  sessions: SessionSnapshot[];
}

/** What the outbox loaded for the events. */
export interface NotificationSources {
  sessions: readonly SessionSnapshot[];
  batchLearners: readonly { batch_id: string | null; erecno: string; status: string }[];
  owners: readonly { id: string; owner_erecno: string }[];
  audience: readonly { course_id: string; erecno: string; relation: string }[];
  /** Location zones of the rooms named by session events' `before`, for sessions already deleted. */
  roomTimeZones?: ReadonlyMap<string, string | null>;
}

const sessionEvents = new Set(['session.created.v1', 'session.updated.v1', 'session.cancelled.v1']);
const joiningEvents = new Set(['learner.enrolled.v1', 'learner.promoted.v1']);
const leavingEvents = new Set(['learner.unenrolled.v1', 'learner.removed.v1']);

/** True for events whose invite is about one session (the subject). */
export function isSessionEvent(event: LmsEvent): boolean {
  return sessionEvents.has(event.type) && event.subject.kind === 'session';
}

/** True for events whose e-mail may carry the invite of the whole batch. */
export function needsBatchSessions(event: LmsEvent): boolean {
  if (event.batchId === null) return false;
  return event.type === 'batch.published.v1' || joiningEvents.has(event.type) || leavingEvents.has(event.type);
}

/** A date as `YYYY-MM-DD` from `YYYY-MM-DD` or Zoho's `DD-MM-YYYY`; undefined otherwise. */
function isoDateOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const zoho = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  return zoho === null ? undefined : `${zoho[3]}-${zoho[2]}-${zoho[1]}`;
}

/** Minutes after midnight from a number or a 12-hour text (`10:00 AM`); undefined otherwise. */
function minuteOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  const match = typeof value === 'string' ? /^(\d{1,2}):(\d{2})\s*([AaPp][Mm])$/.exec(value.trim()) : null;
  if (match === null) return undefined;
  return ((Number(match[1]) % 12) + (match[3]!.toLowerCase() === 'pm' ? 12 : 0)) * 60 + Number(match[2]);
}

/**
 * A session the change deleted before recording its event, described from the event's `before`: the session
 * object's words as sessions/session-events.ts writes them (sessionName, sessionStartDate `DD-MM-YYYY`,
 * sessionStartTime `10:00 AM`, ...), or Lectern's snapshot keys (name, date, startMinute, ...). Undefined when
 * `before` does not say when the session was.
 */
export function sessionFromEvent(
  event: LmsEvent,
  roomTimeZones: ReadonlyMap<string, string | null> = new Map(),
): SessionSnapshot | undefined {
  const before = event.before ?? {};
  const text = (...keys: string[]) => {
    const found = keys.map((key) => before[key]).find((value) => typeof value === 'string');
    return found as string | undefined;
  };
  const date = isoDateOf(before.date ?? before.sessionStartDate);
  const startMinute = minuteOf(before.startMinute ?? before.sessionStartTime);
  const endMinute = minuteOf(before.endMinute ?? before.sessionEndTime);
  if (date === undefined || startMinute === undefined || endMinute === undefined || event.batchId === null) {
    return undefined;
  }
  const type = before.sessionType;
  return {
    id: event.subject.id,
    batchId: event.batchId,
    name: text('name', 'sessionName') ?? 'Session',
    description: text('description') ?? '',
    sessionType: type === 1 || type === 'E-learning' ? 1 : 0,
    date,
    startMinute,
    endMinute,
    sequence: typeof before.sequence === 'number' ? before.sequence : 0,
    trainerErecno: text('trainerErecno') ?? '',
    trainerName: text('trainerName', 'sessionTrainer') ?? null,
    roomName: text('roomName', 'sessionRoom') ?? null,
    locationName: text('locationName') ?? null,
    locationTimeZone: roomTimeZones.get(text('roomId') ?? '') ?? null,
    createdAt: event.at,
    updatedAt: event.at,
  };
}

/** Every e-mail the events call for, one per event and person. */
export function planNotifications(events: readonly LmsEvent[], sources: NotificationSources): PlannedNotification[] {
  const sessionsById = new Map(sources.sessions.map((session) => [session.id, session]));
  const sessionsOfBatch = (batchId: string | null) => sources.sessions.filter((session) => session.batchId === batchId);
  const learnersOf = (batchId: string | null, enrolledOnly: boolean) =>
    sources.batchLearners
      .filter((row) => row.batch_id === batchId && (!enrolledOnly || row.status === 'enrolled'))
      .map((row) => row.erecno);
  const membersOf = (courseId: string, relation: string) =>
    sources.audience.filter((row) => row.course_id === courseId && row.relation === relation).map((row) => row.erecno);
  const ownerOf = (courseId: string) =>
    sources.owners.filter((row) => row.id === courseId).map((row) => row.owner_erecno);

  const planned: PlannedNotification[] = [];
  for (const event of events) {
    if (!event.notify) continue;
    const seen = new Set<string>();
    const add = (
      erecno: string,
      reason: NotificationReason,
      method: InviteMethod | null,
      sessions: SessionSnapshot[],
    ) => {
      if (erecno === '' || seen.has(erecno)) return;
      seen.add(erecno);
      planned.push({ event, erecno, reason, method: sessions.length === 0 ? null : method, sessions });
    };
    if (isSessionEvent(event)) {
      const session = sessionsById.get(event.subject.id) ?? sessionFromEvent(event, sources.roomTimeZones);
      const sessions = session === undefined ? [] : [session];
      const method = event.type === 'session.cancelled.v1' ? 'CANCEL' : 'REQUEST';
      for (const erecno of learnersOf(event.batchId, true)) add(erecno, 'learner', method, sessions);
      if (session !== undefined) add(session.trainerErecno, 'trainer', method, sessions);
      // A session handed to another trainer leaves the previous one's calendar.
      const previousTrainer = event.before?.trainerErecno;
      if (event.type === 'session.updated.v1' && typeof previousTrainer === 'string') {
        add(previousTrainer, 'trainer', 'CANCEL', sessions);
      }
    } else if (event.type === 'batch.published.v1') {
      const sessions = sessionsOfBatch(event.batchId);
      for (const erecno of learnersOf(event.batchId, false)) add(erecno, 'learner', null, []);
      for (const trainer of new Set(sessions.map((session) => session.trainerErecno))) {
        const own = sessions.filter((session) => session.trainerErecno === trainer);
        add(trainer, 'trainer', 'REQUEST', own);
      }
      for (const erecno of membersOf(event.courseId, 'admin')) add(erecno, 'courseAdmin', null, []);
      for (const erecno of ownerOf(event.courseId)) add(erecno, 'owner', null, []);
    } else if (event.type === 'course.published.v1') {
      for (const erecno of ownerOf(event.courseId)) add(erecno, 'owner', null, []);
      for (const erecno of membersOf(event.courseId, 'admin')) add(erecno, 'courseAdmin', null, []);
      for (const erecno of membersOf(event.courseId, 'share')) add(erecno, 'sharedWith', null, []);
      for (const erecno of membersOf(event.courseId, 'suggestion')) add(erecno, 'suggestedTo', null, []);
    } else if (event.erecno !== null) {
      const batchSessions = needsBatchSessions(event) ? sessionsOfBatch(event.batchId) : [];
      const method = leavingEvents.has(event.type) ? 'CANCEL' : 'REQUEST';
      add(
        event.erecno,
        'learner',
        method,
        joiningEvents.has(event.type) || leavingEvents.has(event.type) ? batchSessions : [],
      );
    }
  }
  return planned;
}
