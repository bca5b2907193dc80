/** The public surface of events/: what other folders may use of it; everything else stays inside. */
export { type AccountMail, type AccountMailPayload, queueAccountMail } from './account-mail.ts';
export type { LmsEvent, LmsEventType } from './event.types.ts';
export { allEvents, webhookEventTypes } from './event-names.ts';
export type { NotificationPayload, OutboxPayload } from './outbox.ts';
export type { InviteMethod } from './outbox-recipients.ts';
export type { SessionSnapshot } from './outbox-sources.repository.ts';
export { recordEvents } from './record-events.ts';
