/**
 * E-mails about a person's account (a password invite, a reset link): queued in the outbox like event e-mails, so the
 * same delivery worker sends them and the control room's mailbox shows them, but written out in full here because
 * they concern no course. The outbox row names no course (empty ids) and its event type is `account.<kind>`.
 */
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { insertNotifications } from './outbox.repository.ts';

/** What an account e-mail's outbox row holds as its payload. */
export interface AccountMailPayload {
  eventId: string;
  invite: null;
  account: { kind: 'invite' | 'reset'; subject: string; text: string };
}

/** One account e-mail to queue. */
export interface AccountMail {
  portalId: string;
  erecno: string;
  email: string;
  kind: 'invite' | 'reset';
  subject: string;
  text: string;
}

/** Queues an account e-mail in the caller's transaction (skipped, never sent, when the address has no `@`). */
export async function queueAccountMail(db: Db, context: AppContext, mail: AccountMail): Promise<void> {
  const payload: AccountMailPayload = {
    eventId: context.ids.next(),
    invite: null,
    account: { kind: mail.kind, subject: mail.subject, text: mail.text },
  };
  const hasAddress = mail.email.includes('@');
  await insertNotifications(db, [
    {
      id: context.ids.next(),
      portal_id: mail.portalId,
      erecno: mail.erecno,
      email: mail.email,
      reason: 'account',
      event_type: `account.${mail.kind}`,
      course_id: '',
      batch_id: null,
      subject_kind: 'account',
      subject_id: mail.erecno,
      payload: JSON.stringify(payload),
      status: hasAddress ? 'pending' : 'skipped',
      attempts: 0,
      next_attempt_at: context.clock.server.now(),
      claimed_until: null,
      last_error: hasAddress ? null : 'the employee has no e-mail address',
      created_at: context.clock.now(),
      sent_at: null,
    },
  ]);
}
