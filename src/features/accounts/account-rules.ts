/** The numbers of password sign-in: password lengths, the failed-attempt lock, link and session lifetimes. */
import { randomBytes } from 'node:crypto';
import { invalidInput } from '../../errors.ts';

const minute = 60_000;

/** A password has at least this many characters. */
export const minPasswordLength = 10;
/** And at most this many (argon2 takes any length; the bound keeps a request's hashing cheap). */
export const maxPasswordLength = 256;
/** This many wrong passwords within the window lock the account. */
export const failuresBeforeLock = 5;
/** The window the failures are counted in. */
export const failureWindowMs = 15 * minute;
/** How long a locked account refuses every password, the right one too. */
export const lockMs = 15 * minute;
/** An invite link works this long. */
export const inviteLinkMs = 7 * 24 * 60 * minute;
/** A reset link works this long. */
export const resetLinkMs = 60 * minute;
/** At most this many reset e-mails per person per hour; more requests are answered alike but send nothing. */
export const resetsPerHour = 3;
/** A sign-in lasts this long in the browser. */
export const sessionMs = 12 * 60 * minute;
/** The longest e-mail address a sign-in form takes. */
export const maxEmailLength = 254;

/** A new session or link token: 32 random bytes, URL-safe. */
export function newAccountToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Checks a new password's length (characters, not bytes); a clear 400 naming `password` otherwise. */
export function checkNewPassword(password: unknown): string {
  if (typeof password !== 'string' || password === '') throw invalidInput('password', 'is required');
  const length = [...password].length;
  if (length < minPasswordLength) {
    throw invalidInput('password', `must be at least ${minPasswordLength} characters long`);
  }
  if (length > maxPasswordLength) {
    throw invalidInput('password', `must be at most ${maxPasswordLength} characters long`);
  }
  return password;
}
