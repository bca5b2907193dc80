/** Zoho Accounts' numbers and forms: lifetimes, limits, id and secret shapes, scope lists and redirect URIs. */
import { randomBytes } from 'node:crypto';
import { scopeNames } from '../../access/index.ts';
import { invalidInput } from '../../errors.ts';

const minute = 60_000;

/** An access token lives one hour (`expires_in: 3600`). */
export const accessTokenSeconds = 3600;
/** A code from the consent page lives two minutes. */
export const consentCodeMs = 2 * minute;
/** Self-client code lifetimes Zoho's console offers, in seconds; the first is its default. */
export const selfClientCodeSeconds = [180, 300, 420, 600] as const;
/** At most this many codes per client in the window, from the consent page. */
export const codesPerWindow = 10;
/** At most this many access tokens per refresh token in the window. */
export const accessTokensPerWindow = 10;
/** The window of both limits above: ten minutes. */
export const limitWindowMs = 10 * minute;
/** A person keeps at most this many refresh tokens per client; a new one beyond revokes the oldest. */
export const refreshTokensPerClient = 20;
/** A consent form may be answered within this time of being shown. */
export const consentFormMs = 10 * minute;
/** A sign-in link works once, within this time. */
export const signInTicketMs = 15 * minute;
/** A client registers at most this many redirect URIs. */
export const maxRedirectUris = 10;
/** The longest redirect URI a client may register. */
export const maxRedirectUriLength = 2000;
/** The longest client name (the consent page shows it). */
export const maxClientNameLength = 200;
/** A portal's clients are bounded too, so that a list or a loop over them stays small. */
export const maxClientsPerPortal = 100;

const capitals = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A new client id in Zoho's form: `1000.` and 30 capitals and digits. */
export function newClientId(): string {
  const bytes = randomBytes(30);
  return `1000.${[...bytes].map((byte) => capitals[byte % capitals.length]).join('')}`;
}

/** A new client secret: 42 hex digits, as Zoho's are. */
export function newClientSecret(): string {
  return randomBytes(21).toString('hex');
}

/** A new grant code or one-time value in Zoho's `1000.<hex>.<hex>` form. */
export function newCode(): string {
  return `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
}

/**
 * The scope names of a request: comma-separated as Zoho asks (spaces also split, as clients send the answer's
 * form back), matched in any case to their canonical names. Unknown names are refused, naming them.
 */
export function parseScopeList(text: unknown, parameter: string): string[] {
  if (typeof text !== 'string' || text.trim() === '') {
    throw invalidInput(parameter, `must name one or more scopes, comma-separated: ${scopeNames.join(', ')}`);
  }
  if (text.length > 2000) throw invalidInput(parameter, 'must be at most 2000 characters');
  const names = text.split(/[\s,]+/).filter((name) => name !== '');
  const canonical = names.map((name) => {
    const known = scopeNames.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (known === undefined) throw invalidInput(parameter, `unknown scope ${JSON.stringify(name)}`);
    return known;
  });
  return [...new Set(canonical)];
}

/** True for an absolute http(s) URL without a fragment (OAuth forbids one), of a bounded length. */
export function isRedirectUri(text: string): boolean {
  if (text.length === 0 || text.length > maxRedirectUriLength) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hash === '' && !text.includes('#');
  } catch {
    return false;
  }
}

/** Checks a client's redirect URIs: one to ten absolute http(s) URLs; answers them without duplicates. */
export function validateRedirectUris(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw invalidInput('redirectUris', 'must be a non-empty list of absolute http(s) URLs');
  }
  if (value.length > maxRedirectUris) throw invalidInput('redirectUris', `must hold at most ${maxRedirectUris} URLs`);
  for (const [index, uri] of value.entries()) {
    if (typeof uri !== 'string' || !isRedirectUri(uri)) {
      throw invalidInput(
        `redirectUris[${index}]`,
        `must be an absolute http(s) URL without a fragment, at most ${maxRedirectUriLength} characters`,
      );
    }
  }
  return [...new Set(value as string[])];
}
