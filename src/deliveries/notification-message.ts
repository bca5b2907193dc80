/** The subject and text of a notification e-mail, from the event and the names the delivery run loaded. */
import { type DateFormat, formatDate, twelveHourText } from '../dates.ts';
import type { LmsEvent, SessionSnapshot } from '../events/index.ts';

/** Names an e-mail mentions. */
export interface MessageNames {
  recipientName: string;
  courseName: string;
  batchName: string | null;
  sessionName: string | null;
}

function place(names: MessageNames): string {
  return names.batchName === null ? `"${names.courseName}"` : `"${names.courseName}" (${names.batchName})`;
}

/** One line saying what happened, from the recipient's point of view. */
function headline(event: LmsEvent, names: MessageNames): string {
  const where = place(names);
  const session = `"${names.sessionName ?? 'a session'}"`;
  switch (event.type) {
    case 'learner.enrolled.v1':
      return `You are enrolled in ${where}`;
    case 'learner.waitlisted.v1':
      return `You are on the waitlist of ${where}`;
    case 'learner.promoted.v1':
      return `A seat opened up: you are enrolled in ${where}`;
    case 'learner.unenrolled.v1':
      return `You are no longer enrolled in ${where}`;
    case 'learner.removed.v1':
      return `You were removed from ${where}`;
    case 'attendance.marked.v1':
      return `Your attendance was recorded in ${where}`;
    case 'marks.recorded.v1':
      return `Your marks were recorded in ${where}`;
    case 'entity.completed.v1':
    case 'module.completed.v1':
      return `You completed part of ${where}`;
    case 'course.completed.v1':
      return `You completed ${where}`;
    case 'entity.reopened.v1':
    case 'module.reopened.v1':
    case 'course.reopened.v1':
      return `Your progress in ${where} changed`;
    case 'session.created.v1':
      return `Session ${session} of ${where} is scheduled`;
    case 'session.updated.v1':
      return `Session ${session} of ${where} has changed`;
    case 'session.cancelled.v1':
      return `Session ${session} of ${where} is cancelled`;
    case 'batch.published.v1':
      return `${where} is published`;
    case 'course.published.v1':
      return `${where} is published`;
  }
}

/** The sessions an e-mail's invite carries, with what their dates are written in. */
export interface MessageSessions {
  sessions: readonly SessionSnapshot[];
  /** The portal's date format (portal settings). */
  dateFormat: DateFormat;
  /** The portal's time zone, for sessions whose location has none. */
  timeZone: string;
}

/** An e-mail lists at most this many sessions; the invite carries them all. */
const listedSessions = 10;

/** `"Kick-off": 22-Dec-2021, 10:00 AM to 11:00 AM (Europe/Amsterdam)`, one line per session. */
function sessionLines(when: MessageSessions): string[] {
  const lines = when.sessions.slice(0, listedSessions).map((session) => {
    const zone = session.locationTimeZone ?? when.timeZone;
    const times = `${twelveHourText(session.startMinute)} to ${twelveHourText(session.endMinute)}`;
    return `- "${session.name}": ${formatDate(session.date, when.dateFormat)}, ${times} (${zone})`;
  });
  const more = when.sessions.length - listedSessions;
  if (more > 0) lines.push(`- and ${more} more`);
  return lines;
}

/** The e-mail's subject and plain text; session dates in the portal's date format when the invite has sessions. */
export function composeMessage(
  event: LmsEvent,
  names: MessageNames,
  hasInvite: boolean,
  when?: MessageSessions,
): { subject: string; text: string } {
  const line = headline(event, names);
  const lines = [`Hello ${names.recipientName},`, '', `${line}.`];
  if (when !== undefined && when.sessions.length > 0) lines.push('', ...sessionLines(when));
  if (hasInvite) lines.push('', 'The attached invitation updates your calendar.');
  lines.push('', '-- Lectern');
  return { subject: line, text: lines.join('\n') };
}
