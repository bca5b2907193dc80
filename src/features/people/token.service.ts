/**
 * Tokens minted, listed and revoked through the API. A token mints only what it holds itself: scopes it covers, in its
 * own portal, for a person of that portal, expiring no later than itself; the operator's tokens may mint anything.
 */

import { type Caller, scopeCovers } from '../../access/index.ts';
import { parseBoolean } from '../../booleans.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { forbidden, invalidInput, missingInput, notFound } from '../../errors.ts';
import { isNumericId } from '../../ids.ts';
import { type IssuedToken, issueToken, validateScopes } from './portal.service.ts';
import * as repository from './token.repository.ts';

export type { TokenRefusal } from './token.repository.ts';

/** The longest lifetime a minted token may ask for: ten years. */
export const maxTokenLifetimeSeconds = 315_360_000;

/** A minted token: what issueToken answers, and the scopes granted. */
export interface MintedToken extends IssuedToken {
  scopes: string[];
}

function readOptionalId(value: unknown, parameter: string): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if ((typeof value !== 'string' && typeof value !== 'number') || !isNumericId(text)) {
    throw invalidInput(parameter, 'must be a numeric id');
  }
  return text;
}

function readLifetime(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const seconds = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 || seconds > maxTokenLifetimeSeconds) {
    throw invalidInput('expiresInSeconds', `must be a whole number of seconds from 1 to ${maxTokenLifetimeSeconds}`);
  }
  return seconds;
}

/** The portal the token is minted in: the caller's own; the operator may name another. */
function targetPortal(caller: Caller, requested: string | undefined): string {
  if (requested === undefined || requested === caller.portalId) return caller.portalId;
  if (!caller.isOperator) throw forbidden('a token mints tokens only in its own portal');
  return requested;
}

/** The expiry of the new token; a token that expires mints none that outlive it (the operator's excepted). */
function expiryOf(context: AppContext, caller: Caller, lifetimeSeconds: number | undefined): number | null {
  const requested = lifetimeSeconds === undefined ? null : context.clock.now() + lifetimeSeconds * 1000;
  const limit = caller.isOperator ? null : caller.tokenExpiresAt;
  if (limit === null) return requested;
  if (requested === null) return limit;
  if (requested > limit) {
    const left = Math.max(1, Math.floor((limit - context.clock.now()) / 1000));
    throw invalidInput('expiresInSeconds', `must be at most ${left}: the calling token expires then`);
  }
  return requested;
}

/** Mints a token for a person of the caller's portal, within what the caller's own token may do. */
export async function mintToken(
  context: AppContext,
  caller: Caller,
  input: Record<string, unknown>,
): Promise<MintedToken> {
  if (input.scopes === undefined) throw missingInput('scopes');
  const scopes = validateScopes(input.scopes, 'scopes');
  const erecno = readOptionalId(input.erecno, 'erecno');
  const portalId = targetPortal(caller, readOptionalId(input.portalId, 'portalId'));
  const lifetime = readLifetime(input.expiresInSeconds);
  const operator = parseBoolean(input.operator, 'operator') ?? false;
  if (!caller.isOperator) {
    const beyond = scopes.filter((scope) => !scopeCovers(caller.scopes, scope));
    if (beyond.length > 0) {
      throw forbidden(
        `a token mints only scopes it holds itself; ${beyond.join(', ')} is beyond ${[...caller.scopes].join(', ')}`,
      );
    }
    if (operator) throw forbidden('only the server operator may mint operator tokens');
  }
  const issued = await issueToken(context, {
    portalId,
    erecno,
    scopes,
    isOperator: operator,
    expiresAt: expiryOf(context, caller, lifetime),
    mintedBy: caller.tokenId,
  });
  return { ...issued, scopes };
}

/** A page of the caller's portal's tokens, newest first (never their values). */
export function listPortalTokens(context: AppContext, caller: Caller, offset: number, limit: number) {
  return repository.listTokens(context.db, caller.portalId, offset, limit);
}

/**
 * Revokes a token of the caller's portal by its id, with every token minted from it. Only the operator revokes an
 * operator's token (a portal admin could otherwise lock the operator out).
 */
export async function revokeTokenById(context: AppContext, caller: Caller, id: string): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const row = await repository.findTokenById(trx, caller.portalId, id);
    if (row === undefined) throw notFound('token', id);
    if (row.is_operator === 1 && !caller.isOperator) {
      throw forbidden("only the server operator may revoke an operator's token");
    }
    await repository.revokeWithDescendants(trx, [row.id], context.clock.now());
  });
}

/** Revokes a token by its value (who holds it may end it), with every token minted from it. */
export async function revokeTokenByValue(context: AppContext, value: unknown): Promise<void> {
  if (value === undefined || value === '') throw missingInput('token');
  if (typeof value !== 'string') throw invalidInput('token', 'must be a token text');
  await context.db.transaction().execute(async (trx) => {
    const row = await repository.findTokenByValue(trx, value.trim());
    if (row === undefined) throw invalidInput('token', 'the token is not known');
    await repository.revokeWithDescendants(trx, [row.id], context.clock.now());
  });
}

/** Revokes the tokens with these ids and every token minted from them, at `now`; answers how many were revoked. */
export function revokeTokenTree(db: Db, ids: readonly string[], now: number): Promise<number> {
  return repository.revokeWithDescendants(db, ids, now);
}

/** Revokes a person's OAuth tokens, refresh and access, and what they minted (a password reset signs every app out). */
export async function revokeOAuthTokensOf(db: Db, portalId: string, erecno: string, now: number): Promise<number> {
  const ids = await repository.liveOAuthTokenIdsOf(db, portalId, erecno);
  return ids.length === 0 ? 0 : repository.revokeWithDescendants(db, ids, now);
}

/** The stored form of a presented token (what the caller cache is keyed by). */
export function tokenHashOf(token: string): string {
  return repository.hashToken(token);
}

/** The caller a presented token stands for, or why it is refused (unknown, expired, revoked, inactive). */
export function authenticateToken(db: Db, token: string, serverNow: number): Promise<repository.TokenLookup> {
  return repository.lookupToken(db, token, serverNow);
}
