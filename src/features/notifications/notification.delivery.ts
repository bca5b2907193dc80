/**
 * Sends the outbox's e-mails by SMTP (nodemailer), each with its iCalendar invite when it has one, and records every
 * attempt. Delivery is at least once: a row is claimed (committed) before the send and marked sent after it, so a
 * crash between the two sends the e-mail again once the lease has passed. The Message-ID is derived from the row id,
 * so the second copy has the same Message-ID as the first and mail programs that de-duplicate by it show one.
 */
import { performance } from 'node:perf_hooks';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { AppContext } from '../../context.ts';
import {
  type Claim,
  claimBatchSize,
  claimDue,
  claimWorkMs,
  releaseClaims,
  settleClaim,
  skipClaims,
} from '../events/delivery-queue.repository.ts';
import type { NotificationPayload } from '../events/outbox.ts';
import { findDeliveryNames, findNotificationsByIds } from './notification.repository.ts';
import { composeMessage } from './notification-message.ts';
import { buildSessionInvite } from './session-invite.ts';

/** What sends a message: a nodemailer transporter, or a stand-in in tests. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
  close?(): void;
}

/** How long SMTP may take to connect, greet and answer; well inside the claim lease. */
const smtpTimeoutMs = 15_000;
/** Claim batches one run takes at most (of claimBatchSize rows each). */
const maxRoundsPerRun = 20;

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
export interface EmailRunResult {
  sent: number;
  failed: number;
  skipped: number;
}

/**
 * Claims the due e-mails and sends them. Without SMTP settings the claimed e-mails are marked `skipped` (so that
 * turning SMTP on later does not send a backlog of stale invites). A transport may be passed in (tests).
 */
export async function runEmailDeliveries(
  context: AppContext,
  options: { transport?: MailTransport | null } = {},
): Promise<EmailRunResult> {
  const result: EmailRunResult = { sent: 0, failed: 0, skipped: 0 };
  const ownTransport = options.transport === undefined;
  let transport: MailTransport | null | undefined = options.transport;
  try {
    // A full batch means more may be due: claim again, up to a bound so that one run cannot go on for ever.
    for (let round = 0; round < maxRoundsPerRun; round += 1) {
      const claims = await claimDue(context, 'notifications');
      if (claims.length === 0) break;
      if (transport === undefined) transport = smtpTransport(context);
      await sendClaims(context, transport, claims, result);
      if (claims.length < claimBatchSize) break;
    }
    return result;
  } finally {
    if (ownTransport) transport?.close?.();
  }
}

async function sendClaims(
  context: AppContext,
  transport: MailTransport | null,
  claims: Claim[],
  result: EmailRunResult,
): Promise<void> {
  if (transport === null) {
    await skipClaims(context, 'notifications', claims, 'no SMTP settings (LECTERN_SMTP_URL)');
    result.skipped += claims.length;
    return;
  }
  const rows = await findNotificationsByIds(
    context.db,
    claims.map((claim) => claim.id),
  );
  const names = await findDeliveryNames(context.db, rows);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const started = performance.now();
  for (const [index, claim] of claims.entries()) {
    if (performance.now() - started > claimWorkMs) {
      // A slow SMTP server used up this batch's time: the rest go back to the queue before their lease could lapse.
      await releaseClaims(context, 'notifications', claims.slice(index));
      break;
    }
    const row = byId.get(claim.id);
    if (row === undefined) continue;
    const payload = JSON.parse(row.payload) as NotificationPayload;
    const ok = await sendOne(context, transport, claim, { row, payload, names });
    if (ok) result.sent += 1;
    else result.failed += 1;
  }
}

type Names = Awaited<ReturnType<typeof findDeliveryNames>>;
type Row = Awaited<ReturnType<typeof findNotificationsByIds>>[number];

async function sendOne(
  context: AppContext,
  transport: MailTransport,
  claim: Claim,
  item: { row: Row; payload: NotificationPayload; names: Names },
): Promise<boolean> {
  const { row, payload, names } = item;
  const from = context.config.smtpFrom;
  const recipientName = names.people.get(row.erecno) ?? row.email;
  const invite = payload.invite;
  const message = composeMessage(
    payload.event,
    {
      recipientName,
      courseName: names.courses.get(row.course_id) ?? 'a course',
      batchName: row.batch_id === null ? null : (names.batches.get(row.batch_id) ?? null),
      sessionName: invite?.sessions.find((session) => session.id === row.subject_id)?.name ?? null,
    },
    invite !== null,
  );
  const mail: SendMailOptions = {
    from,
    to: { name: recipientName, address: row.email },
    subject: message.subject,
    text: message.text,
    messageId: messageIdOf(row.id, from),
    headers: { 'X-Lectern-Event': row.event_type },
  };
  if (invite !== null) {
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
    await settleClaim(context, 'notifications', claim, {
      ok: true,
      statusCode: null,
      error: null,
      durationMs: performance.now() - started,
    });
    return true;
  } catch (error) {
    const statusCode = (error as { responseCode?: unknown }).responseCode;
    await settleClaim(context, 'notifications', claim, {
      ok: false,
      statusCode: typeof statusCode === 'number' ? statusCode : null,
      error: error instanceof Error ? error.message : String(error),
      durationMs: performance.now() - started,
    });
    return false;
  }
}

function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}
