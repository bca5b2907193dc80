/** The subject and text of a notification e-mail, from the event and the names the delivery run loaded. */
import type { LmsEvent } from '../events/index.ts';

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

/** The e-mail's subject and plain text. */
export function composeMessage(
  event: LmsEvent,
  names: MessageNames,
  hasInvite: boolean,
): { subject: string; text: string } {
  const line = headline(event, names);
  const lines = [`Hello ${names.recipientName},`, '', `${line}.`];
  if (hasInvite) lines.push('', 'The attached invitation updates your calendar.');
  lines.push('', '-- Lectern');
  return { subject: line, text: lines.join('\n') };
}
