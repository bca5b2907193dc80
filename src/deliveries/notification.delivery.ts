/**
 * Sends the outbox's e-mails by SMTP (nodemailer), each with its iCalendar invite when it has one, and records every
 * attempt. Delivery is at least once: a row is claimed (committed) before the send and marked sent after it, so a
 * crash between the two sends the e-mail again once the lease has passed. The Message-ID is derived from the row id,
 * so the second copy has the same Message-ID as the first and mail programs that de-duplicate by it show one.
 */
import { performance } from 'node:perf_hooks';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { AppContext } from '../context.ts';
import type { OutboxPayload } from '../events/index.ts';
import { type ClaimBatchWork, type DeliveryRunCounts, runClaimRounds } from './claim-rounds.ts';
import type { AttemptOutcome, Claim } from './delivery-queue.repository.ts';
import { findDeliveryNames, findNotificationsByIds } from './delivery-rows.repository.ts';
import { messageOf } from './message-preview.ts';
import { buildSessionInvite } from './session-invite.ts';

/** What sends a message: a nodemailer transporter, or a stand-in in tests. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
  close?(): void;
}

/** How long SMTP may take to connect, greet and answer; well inside the claim lease. */
const smtpTimeoutMs = 15_000;

/** The transport the settings ask for; null without LECTERN_SMTP_URL. */
export function smtpTransport(context: AppContext): MailTransport | null {
  if (context.config.smtpUrl === null) return null;
  return nodemailer.createTransport({
    url: context.config.smtpUrl,
    connectionTimeout: smtpTimeoutMs,
    greetingTimeout: smtpTimeoutMs,
    socketTimeout: smtpTimeoutMs,
  });
}

/** The stable Message-ID of an outbox row: the same on every attempt. */
export function messageIdOf(notificationId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'lectern.invalid';
  return `<notification-${notificationId}@${domain}>`;
}

/** What one run did. */
export type EmailRunResult = DeliveryRunCounts;

/**
 * Claims the due e-mails and sends them. Without SMTP settings the claimed e-mails are marked `skipped` (so that
 * turning SMTP on later does not send a backlog of stale invites). A transport may be passed in (tests).
 */
export async function runEmailDeliveries(
  context: AppContext,
  options: { transport?: MailTransport | null } = {},
): Promise<EmailRunResult> {
  const ownTransport = options.transport === undefined;
  let transport: MailTransport | null | undefined = options.transport;
  try {
    return await runClaimRounds(context, 'notifications', async (claims) => {
      // Opened once there is something to send, and only once a run.
      if (transport === undefined) transport = smtpTransport(context);
      return prepareClaims(context, transport, claims);
    });
  } finally {
    if (ownTransport) transport?.close?.();
  }
}

/** Two queries load the claimed e-mails and the names they mention; then each is sent in turn. */
async function prepareClaims(
  context: AppContext,
  transport: MailTransport | null,
  claims: Claim[],
): Promise<ClaimBatchWork> {
  if (transport === null) return { skipAll: 'no SMTP settings (LECTERN_SMTP_URL)' };
  const rows = await findNotificationsByIds(
    context.db,
    claims.map((claim) => claim.id),
  );
  const names = await findDeliveryNames(context.db, rows);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    attempt: async (claim) => {
      const row = byId.get(claim.id);
      if (row === undefined) return 'skip';
      const payload = JSON.parse(row.payload) as OutboxPayload;
      return sendOne(context, transport, { row, payload, names });
    },
    skipReason: 'the e-mail was deleted before it was sent',
  };
}

type Names = Awaited<ReturnType<typeof findDeliveryNames>>;
type Row = Awaited<ReturnType<typeof findNotificationsByIds>>[number];

async function sendOne(
  context: AppContext,
  transport: MailTransport,
  item: { row: Row; payload: OutboxPayload; names: Names },
): Promise<AttemptOutcome> {
  const { row, payload, names } = item;
  const sender = names.senders.get(row.portal_id);
  // The portal's own sender when its settings name one, else the server's.
  const from = sender === undefined ? context.config.smtpFrom : formatSender(sender);
  const recipientName = names.people.get(row.erecno) ?? row.email;
  const message = messageOf(row, payload, names);
  const mail: SendMailOptions = {
    from,
    to: { name: recipientName, address: row.email },
    subject: message.subject,
    text: message.text,
    messageId: messageIdOf(row.id, from),
    headers: { 'X-Lectern-Event': row.event_type },
  };
  if (!('account' in payload) && payload.invite !== null) {
    const invite = payload.invite;
    const content = buildSessionInvite(invite.method, invite.sessions, {
      organizer: { name: 'Lectern', email: addressOf(from) },
      attendee: { name: recipientName, email: row.email },
      timeZone: names.timeZones.get(row.portal_id) ?? 'UTC',
      stamp: payload.event.at,
    });
    // The text/calendar alternative is what mail programs turn into an invite; the .ics file is for the rest.
    mail.icalEvent = { method: invite.method, content };
    mail.attachments = [{ filename: 'invite.ics', content, contentType: 'application/ics' }];
  }
  const started = performance.now();
  try {
    await transport.sendMail(mail);
    return { ok: true, statusCode: null, error: null, durationMs: performance.now() - started };
  } catch (error) {
    const statusCode = (error as { responseCode?: unknown }).responseCode;
    return {
      ok: false,
      statusCode: typeof statusCode === 'number' ? statusCode : null,
      error: error instanceof Error ? error.message : String(error),
      durationMs: performance.now() - started,
    };
  }
}

/** `"Acme Training" <training@acme.example>`, or the bare address when the name is empty. */
function formatSender(sender: { name: string; address: string }): string {
  if (sender.name === '') return sender.address;
  return `"${sender.name.replace(/["\\]/g, '\\$&')}" <${sender.address}>`;
}

function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}
