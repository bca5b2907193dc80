/** The mailbox's request and response schemas. */
import { Type } from '@sinclair/typebox';

/** The querystring of listMailbox. */
export const listMailboxQuery = Type.Object({
  kind: Type.Optional(Type.Union([Type.Literal('email'), Type.Literal('webhook')])),
  to: Type.Optional(
    Type.String({ minLength: 1, maxLength: 2000, description: "an e-mail address or a webhook's URL, exactly" }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'default 50' })),
});

/** One e-mail or webhook delivery of the outbox. */
export const MailboxMessageSchema = Type.Object({
  kind: Type.Union([Type.Literal('email'), Type.Literal('webhook')]),
  id: Type.String({ description: "the outbox row's id (a webhook's Lectern-Delivery header)" }),
  to: Type.String({ description: "the recipient's address, or the webhook's URL" }),
  subject: Type.Union([Type.String(), Type.Null()]),
  text: Type.Union([Type.String(), Type.Null()], { description: "the e-mail's plain text" }),
  invite: Type.Union([Type.Literal('REQUEST'), Type.Literal('CANCEL'), Type.Null()], {
    description: 'the iCalendar invite the e-mail carries',
  }),
  url: Type.Union([Type.String(), Type.Null()]),
  payload: Type.Unknown({ description: "the webhook's JSON body, exactly as POSTed; null for e-mails" }),
  eventType: Type.String(),
  status: Type.String({ description: 'pending, sending, sent, failed or skipped' }),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Number(),
  sentAt: Type.Union([Type.Number(), Type.Null()]),
});

/** The 200 answer of listMailbox. */
export const listMailboxResponse200 = Type.Object({
  messages: Type.Array(MailboxMessageSchema),
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  hasMoreRecords: Type.Boolean(),
});

/** The 200 answer of clearMailbox. */
export const clearMailboxResponse200 = Type.Object({
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  emails: Type.Integer({ description: 'e-mails deleted' }),
  webhooks: Type.Integer({ description: 'webhook deliveries deleted' }),
});
