/**
 * Password sign-in and the browser sessions it starts, in organisation portals (demo portals sign in with the
 * consent page's person picker). Every refusal is the same `undefined`: the page shows one message whether the
 * address is unknown, the password wrong, the account locked or the person inactive.
 */
import type { AppContext } from '../../context.ts';
import type { EmployeeRow } from '../people/index.ts';
import { findEmployee, onPortalClock, portalHoldsDemoData } from '../people/index.ts';
import * as repository from './account.repository.ts';
import {
  failuresBeforeLock,
  failureWindowMs,
  lockMs,
  maxEmailLength,
  maxPasswordLength,
  newAccountToken,
  sessionMs,
} from './account-rules.ts';
import { verifyPassword } from './password-hash.ts';

/** A started session: the cookie's value and how long it lasts. */
export interface StartedSession {
  session: string;
  maxAgeSeconds: number;
  erecno: string;
}

/** True when the portal exists and signs in with passwords (it is not a demo portal). */
export async function isPasswordPortal(context: AppContext, portalId: string): Promise<boolean> {
  return (await portalHoldsDemoData(context.db, portalId)) === false;
}

/** Starts a session for the person (the caller has checked who they are), on the portal's clock. */
export function startSession(context: AppContext, portalId: string, erecno: string): Promise<StartedSession> {
  return onPortalClock(context, portalId, async () => {
    const now = context.clock.now();
    const session = newAccountToken();
    await context.db.transaction().execute(async (trx) => {
      await repository.deleteExpired(trx, now);
      await repository.insertSession(trx, {
        hash: repository.hashToken(session),
        portal_id: portalId,
        erecno,
        created_at: now,
        expires_at: now + sessionMs,
      });
    });
    return { session, maxAgeSeconds: sessionMs / 1000, erecno };
  });
}

/** The active person a session cookie stands for in the portal, or undefined (unknown, expired, other portal). */
export async function findSessionPerson(
  context: AppContext,
  portalId: string,
  session: string | undefined,
): Promise<EmployeeRow | undefined> {
  if (session === undefined || session.length > 200) return undefined;
  const row = await repository.findSession(context.db, session);
  if (row === undefined || row.portal_id !== portalId) return undefined;
  const now = await onPortalClock(context, portalId, async () => context.clock.now());
  if (now >= row.expires_at) return undefined;
  const person = await findEmployee(context.db, portalId, row.erecno);
  return person?.status === 'active' ? person : undefined;
}

/** Ends a session (sign-out): its row is deleted; an unknown value is no error. */
export async function endSession(context: AppContext, session: string | undefined): Promise<void> {
  if (session === undefined || session.length > 200) return;
  await repository.deleteSession(context.db, session);
}

/** The lock columns after one more wrong password at `now`. */
function afterFailure(row: { failed_count: number; failed_since: number | null }, now: number) {
  const inWindow = row.failed_since !== null && now - row.failed_since < failureWindowMs;
  const count = inWindow ? row.failed_count + 1 : 1;
  if (count >= failuresBeforeLock) return { failed_count: 0, failed_since: null, locked_until: now + lockMs };
  return { failed_count: count, failed_since: inWindow ? row.failed_since : now, locked_until: null };
}

/**
 * Signs in with an e-mail address and password: a new session, or undefined for any refusal. Wrong passwords count
 * towards the lock (five in fifteen minutes lock the account for fifteen minutes, on the portal's clock).
 */
export async function signInWithPassword(
  context: AppContext,
  portalId: string,
  email: string,
  password: string,
): Promise<StartedSession | undefined> {
  if (email.length > maxEmailLength || password.length > maxPasswordLength * 4) return undefined;
  if (!(await isPasswordPortal(context, portalId))) return undefined;
  const checked = await onPortalClock(context, portalId, async () => {
    const now = context.clock.now();
    const people = await repository.findPeopleByEmail(context.db, portalId, email.trim());
    // An address two people share signs neither in (employee rules keep addresses unique; this is the backstop).
    const person = people.length === 1 ? people[0] : undefined;
    const row = person === undefined ? undefined : await repository.findPassword(context.db, portalId, person.erecno);
    const locked = row?.locked_until != null && now < row.locked_until;
    // The hash is checked in every case, so that the time taken tells nothing either.
    const matches = await verifyPassword(locked ? undefined : row?.hash, password);
    if (person === undefined || row === undefined || locked) return undefined;
    if (!matches) {
      await repository.updateLock(context.db, portalId, person.erecno, afterFailure(row, now));
      return undefined;
    }
    await repository.updateLock(context.db, portalId, person.erecno, {
      failed_count: 0,
      failed_since: null,
      locked_until: null,
    });
    return person.status === 'active' ? person.erecno : undefined;
  });
  return checked === undefined ? undefined : startSession(context, portalId, checked);
}
