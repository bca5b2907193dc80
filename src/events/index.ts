/** The public surface of events/: what other folders may use of it; everything else stays inside. */
export type { LmsEvent, LmsEventType } from './event.types.ts';
export { allEvents, webhookEventTypes } from './event-names.ts';
export type { NotificationPayload } from './outbox.ts';
export type { InviteMethod } from './outbox-recipients.ts';
export type { SessionSnapshot } from './outbox-sources.repository.ts';
export { recordEvents } from './record-events.ts';
