/**
 * The mailbox: every e-mail and webhook delivery the portal has queued, read straight from the outbox (no second copy),
 * with each e-mail's subject and text as the delivery run writes them. Clearing deletes those outbox rows.
 */
import type { AppContext } from '../context.ts';
import { previewMessages } from '../deliveries/index.ts';
import { deleteMailbox, findEmails, findWebhookDeliveries } from './mailbox.repository.ts';

/** The mailbox's filters. */
export interface MailboxQuery {
  kind?: 'email' | 'webhook';
  to?: string;
  limit?: number;
}

/** One message as the mailbox shows it. */
export interface MailboxMessage {
  kind: 'email' | 'webhook';
  id: string;
  to: string;
  subject: string | null;
  text: string | null;
  invite: 'REQUEST' | 'CANCEL' | null;
  url: string | null;
  payload: unknown;
  eventType: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

/** The portal's newest messages, both kinds merged newest first; at most six queries. */
export async function readMailbox(
  context: AppContext,
  portalId: string,
  query: MailboxQuery,
): Promise<{ messages: MailboxMessage[]; hasMoreRecords: boolean }> {
  const limit = query.limit ?? 50;
  const [emails, deliveries] = await Promise.all([
    query.kind === 'webhook' ? [] : findEmails(context.db, portalId, query.to, limit + 1),
    query.kind === 'email' ? [] : findWebhookDeliveries(context.db, portalId, query.to, limit + 1),
  ]);
  const previews = await previewMessages(context.db, emails);
  const messages: MailboxMessage[] = [
    ...emails.map((row) => {
      const preview = previews.get(row.id)!;
      return {
        kind: 'email' as const,
        id: row.id,
        to: row.email,
        subject: preview.subject,
        text: preview.text,
        invite: preview.invite,
        url: null,
        payload: null,
        eventType: row.event_type,
        status: row.status,
        attempts: row.attempts,
        lastError: row.last_error,
        createdAt: row.created_at,
        sentAt: row.sent_at,
      };
    }),
    ...deliveries.map((row) => ({
      kind: 'webhook' as const,
      id: row.id,
      to: row.url,
      subject: null,
      text: null,
      invite: null,
      url: row.url,
      payload: JSON.parse(row.payload) as unknown,
      eventType: row.event_type,
      status: row.status,
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: row.created_at,
      sentAt: row.sent_at,
    })),
  ];
  // Ids are time-ordered and of one length: their order is the order the messages were queued in.
  messages.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { messages: messages.slice(0, limit), hasMoreRecords: messages.length > limit };
}

/** Deletes the portal's queued and sent messages (pending ones are then never sent); answers the counts. */
export function clearMailbox(context: AppContext, portalId: string) {
  return deleteMailbox(context.db, portalId);
}
