/**
 * Set-password links: invites (7 days) and resets (1 hour), single use, only their token's hash stored; the e-mails
 * that carry them go through the outbox. Setting a password spends the person's other links and ends their other
 * sessions; a reset also revokes their OAuth refresh tokens (and what those minted).
 */
import type { AppContext } from '../../context.ts';
import { LmsError } from '../../errors.ts';
import { queueAccountMail } from '../../events/index.ts';
import { findEmployee, onPortalClock, revokeOAuthTokensOf } from '../people/index.ts';
import * as repository from './account.repository.ts';
import { isPasswordPortal } from './account.service.ts';
import { checkNewPassword, inviteLinkMs, newAccountToken, resetLinkMs, resetsPerHour } from './account-rules.ts';
import { hashPassword } from './password-hash.ts';

/** The page a link opens, under the public base URL. */
export const passwordPagePath = '/oauth/v2/accounts/password';

/** A link's kind: an invite for someone new, a reset for someone who forgot. */
export type LinkKind = 'invite' | 'reset';

function linkUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}${passwordPagePath}?token=${encodeURIComponent(token)}`;
}

function mailOf(kind: LinkKind, name: string, url: string): { subject: string; text: string } {
  const lines =
    kind === 'invite'
      ? ['You are invited to Lectern. Set your password here (the link works once, for 7 days):']
      : [
          'Someone asked to reset your Lectern password. If it was you, set a new one here',
          '(the link works once, for 1 hour); if not, ignore this e-mail:',
        ];
  const subject = kind === 'invite' ? 'Set your Lectern password' : 'Reset your Lectern password';
  return { subject, text: [`Hello ${name},`, '', ...lines, url, '', '-- Lectern'].join('\n') };
}

/**
 * A new set-password link for an active person of an organisation portal; with `send`, also queues the e-mail that
 * carries it. Refused with 404 for anyone else (the CLI and the admin route say so).
 */
export async function issuePasswordLink(
  context: AppContext,
  portalId: string,
  erecno: string,
  options: { kind: LinkKind; base: string; send: boolean },
): Promise<string> {
  const person = await findEmployee(context.db, portalId, erecno);
  if (person === undefined || person.status !== 'active') {
    throw new LmsError(404, '404', `Not found: no active employee ${erecno} in portal ${portalId}`);
  }
  if (!(await isPasswordPortal(context, portalId))) {
    throw new LmsError(400, 'INVALID_INPUT', 'Demo portals sign in with the person picker: no passwords', 'portal');
  }
  const token = newAccountToken();
  await onPortalClock(context, portalId, () =>
    context.db.transaction().execute(async (trx) => {
      const now = context.clock.now();
      await repository.deleteExpired(trx, now);
      await repository.insertLink(trx, {
        hash: repository.hashToken(token),
        kind: options.kind,
        portal_id: portalId,
        erecno,
        created_at: now,
        expires_at: now + (options.kind === 'invite' ? inviteLinkMs : resetLinkMs),
        used_at: null,
      });
      if (!options.send) return;
      const mail = mailOf(options.kind, person.display_name, linkUrl(options.base, token));
      await queueAccountMail(
        trx,
        { ...context, db: trx },
        {
          portalId,
          erecno,
          email: person.email_id,
          kind: options.kind,
          ...mail,
        },
      );
    }),
  );
  return linkUrl(options.base, token);
}

/**
 * "Forgot password": e-mails a reset link when the address is an active person's of the organisation portal and they
 * asked fewer than three times this hour. Answers nothing either way, so the page cannot tell who exists.
 */
export async function requestPasswordReset(
  context: AppContext,
  portalId: string,
  email: string,
  base: string,
): Promise<void> {
  if (!(await isPasswordPortal(context, portalId))) return;
  const people = await repository.findPeopleByEmail(context.db, portalId, email.trim());
  const person = people.length === 1 ? people[0] : undefined;
  if (person === undefined || person.status !== 'active') return;
  const now = await onPortalClock(context, portalId, async () => context.clock.now());
  const recent = await repository.countLinksSince(context.db, portalId, person.erecno, 'reset', now - 60 * 60_000);
  if (recent >= resetsPerHour) return;
  await issuePasswordLink(context, portalId, person.erecno, { kind: 'reset', base, send: true });
}

/** A link that still works: whose it is and its kind; undefined when unknown, used, expired or the person left. */
export async function checkPasswordLink(
  context: AppContext,
  token: string | undefined,
): Promise<{ name: string; kind: LinkKind; portalId: string; erecno: string } | undefined> {
  if (token === undefined || token.length > 200) return undefined;
  const row = await repository.findLink(context.db, token);
  if (row === undefined || row.used_at !== null) return undefined;
  const now = await onPortalClock(context, row.portal_id, async () => context.clock.now());
  if (now >= row.expires_at) return undefined;
  const person = await findEmployee(context.db, row.portal_id, row.erecno);
  if (person?.status !== 'active') return undefined;
  return { name: person.display_name, kind: row.kind, portalId: row.portal_id, erecno: row.erecno };
}

/**
 * Sets the password a link is for (the link is spent): the rules first (a 400 naming `password`), then one
 * transaction. The session `keep` (the browser's own, when it is the same person's) survives; the others end.
 * Answers whose password was set, or undefined when the link no longer works.
 */
export async function setPasswordWithLink(
  context: AppContext,
  token: string | undefined,
  password: unknown,
  keep: string | undefined,
): Promise<{ name: string } | undefined> {
  const checkedPassword = checkNewPassword(password);
  const link = await checkPasswordLink(context, token);
  if (link === undefined) return undefined;
  const hash = await hashPassword(checkedPassword);
  return onPortalClock(context, link.portalId, () =>
    context.db.transaction().execute(async (trx) => {
      const now = context.clock.now();
      if (!(await repository.useLink(trx, repository.hashToken(token!), now))) return undefined;
      await repository.upsertPassword(trx, link.portalId, link.erecno, hash, now);
      await repository.spendLinksOf(trx, link.portalId, link.erecno, now);
      const kept = keep === undefined ? undefined : await repository.findSession(trx, keep);
      const keepHash = kept?.portal_id === link.portalId && kept.erecno === link.erecno ? kept.hash : null;
      await repository.deleteSessionsOf(trx, link.portalId, link.erecno, keepHash);
      if (link.kind === 'reset') await revokeOAuthTokensOf(trx, link.portalId, link.erecno, now);
      return { name: link.name };
    }),
  );
}
