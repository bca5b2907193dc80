/** Table shapes of the notifications and webhooks feature, by table name (merged into Database). */

/** Where a queued delivery is: `sending` while claimed (with a lease), `skipped` when it can never be sent. */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

/** The queue columns e-mails and webhook deliveries share (claimed and settled by events/delivery-queue). */
export interface QueuedDeliveryColumns {
  status: DeliveryStatus;
  /** Attempts claimed so far. */
  attempts: number;
  next_attempt_at: number;
  /** While `sending`: the lease; once past it, another run may claim the row again. */
  claimed_until: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

/** One e-mail to one person about one event (the outbox). */
export interface NotificationTable extends QueuedDeliveryColumns {
  id: string;
  portal_id: string;
  /** The recipient. */
  erecno: string;
  /** The recipient's address when the event happened. */
  email: string;
  /** Why this person is told: learner, trainer, courseAdmin, owner, sharedWith, suggestedTo. */
  reason: string;
  event_type: string;
  course_id: string;
  batch_id: string | null;
  subject_kind: string;
  subject_id: string;
  /** JSON: the event and a snapshot of the sessions an invite is made of (see notification.outbox.ts). */
  payload: string;
}

/** A URL that receives events of a portal, signed with its secret. */
export interface WebhookTable {
  id: string;
  portal_id: string;
  url: string;
  /** JSON array of versioned event names, or ["*"]. */
  events: string;
  secret: string;
  active: number;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** One event to one webhook; payload is the exact body POSTed. */
export interface WebhookDeliveryTable extends QueuedDeliveryColumns {
  id: string;
  portal_id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  payload: string;
}

/** The log: one row per finished attempt of an e-mail or a webhook delivery. */
export interface DeliveryAttemptTable {
  id: string;
  portal_id: string;
  kind: 'email' | 'webhook';
  delivery_id: string;
  attempt: number;
  at: number;
  outcome: 'sent' | 'failed';
  /** The receiver's HTTP status, or the SMTP reply code when there was one. */
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** Tables of the notifications and webhooks feature. */
export interface NotificationTables {
  notifications: NotificationTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  delivery_attempts: DeliveryAttemptTable;
}
