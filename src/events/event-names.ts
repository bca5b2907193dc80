/** The event names a webhook may subscribe to, checked at compile time against LmsEventType. */
import type { LmsEventType } from './event.types.ts';

/** Every versioned event name, in the order the docs list them. */
export const webhookEventTypes = [
  'course.published.v1',
  'batch.published.v1',
  'learner.enrolled.v1',
  'learner.waitlisted.v1',
  'learner.promoted.v1',
  'learner.unenrolled.v1',
  'learner.removed.v1',
  'attendance.marked.v1',
  'marks.recorded.v1',
  'entity.completed.v1',
  'entity.reopened.v1',
  'module.completed.v1',
  'module.reopened.v1',
  'course.completed.v1',
  'course.reopened.v1',
  'session.created.v1',
  'session.updated.v1',
  'session.cancelled.v1',
] as const satisfies readonly LmsEventType[];

// A new LmsEventType that is missing above fails to compile here.
type Missing = Exclude<LmsEventType, (typeof webhookEventTypes)[number]>;
const everyTypeListed: [Missing] extends [never] ? true : never = true;
void everyTypeListed;

/** The subscription to every event. */
export const allEvents = '*';

/** True when a webhook subscribed to these names receives this event. */
export function subscribes(subscribed: readonly string[], type: string): boolean {
  return subscribed.includes(allEvents) || subscribed.includes(type);
}
