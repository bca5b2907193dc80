/**
 * The control plane of OAuth: clients (registered by a portal's admin or the operator, one portal each) and
 * self-client codes (Zoho's API console "Generate Code"), which never carry a scope their issuer could not grant.
 */
import { scopeCovers } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { OAuthClientTable } from '../../db/tables/oauth.ts';
import { forbidden, invalidInput, missingInput, notFound, quote } from '../../errors.ts';
import { isNumericId } from '../../ids.ts';
import { findEmployee, portalHoldsDemoData } from '../people/index.ts';
import * as repository from './oauth.repository.ts';
import {
  maxClientNameLength,
  maxClientsPerPortal,
  newClientId,
  newClientSecret,
  newCode,
  parseScopeList,
  selfClientCodeSeconds,
  validateRedirectUris,
} from './oauth-rules.ts';

/** Who registers clients and issues codes: a portal's admin (through their token) or the operator. */
export interface Issuer {
  readonly portalId: string;
  readonly isOperator: boolean;
  readonly scopes: ReadonlySet<string>;
  /**
   * Reaches clients of every portal: only the command line, which holds the store itself. Over HTTP even the
   * operator reads, deletes and issues codes for its own portal's clients only, as with tokens.
   */
  readonly everyPortal?: boolean;
}

/** A client as the control plane shows it (never its secret). */
export interface OAuthClient {
  clientId: string;
  name: string;
  portalId: string;
  redirectUris: string[];
  createdTime: number;
}

function presentClient(row: OAuthClientTable): OAuthClient {
  return {
    clientId: row.id,
    name: row.name,
    portalId: row.portal_id,
    redirectUris: JSON.parse(row.redirect_uris) as string[],
    createdTime: row.created_at,
  };
}

/** The portal asked for: the issuer's own; only the operator names another. */
function portalOf(issuer: Issuer, requested: unknown): string {
  if (requested === undefined || requested === null || requested === '') return issuer.portalId;
  const text = String(requested);
  if ((typeof requested !== 'string' && typeof requested !== 'number') || !isNumericId(text)) {
    throw invalidInput('portalId', 'must be a numeric id');
  }
  if (text !== issuer.portalId && !issuer.isOperator) throw forbidden('a client is registered only in your own portal');
  return text;
}

/** Registers a client; its secret is answered once and kept only as a hash. */
export async function createClient(
  context: AppContext,
  issuer: Issuer,
  input: Record<string, unknown>,
): Promise<OAuthClient & { clientSecret: string }> {
  if (input.name === undefined) throw missingInput('name');
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '' || name.length > maxClientNameLength) {
    throw invalidInput('name', `must be a text of 1 to ${maxClientNameLength} characters`);
  }
  if (input.redirectUris === undefined) throw missingInput('redirectUris');
  const redirectUris = validateRedirectUris(input.redirectUris);
  const portalId = portalOf(issuer, input.portalId);
  const secret = newClientSecret();
  const row: OAuthClientTable = {
    id: newClientId(),
    portal_id: portalId,
    name,
    secret_hash: repository.hashSecret(secret),
    redirect_uris: JSON.stringify(redirectUris),
    created_at: context.clock.now(),
  };
  await context.db.transaction().execute(async (trx) => {
    if ((await portalHoldsDemoData(trx, portalId)) === undefined) throw notFound('portal', portalId);
    if ((await repository.countClients(trx, portalId)) >= maxClientsPerPortal) {
      throw invalidInput('portalId', `the portal already has ${maxClientsPerPortal} clients; delete one first`);
    }
    await repository.insertClient(trx, row);
  });
  return { ...presentClient(row), clientSecret: secret };
}

/** A page of the issuer's portal's clients. */
export async function listClients(context: AppContext, issuer: Issuer, offset: number, limit: number) {
  return (await repository.listClients(context.db, issuer.portalId, offset, limit)).map(presentClient);
}

/** The client of that id; another portal's is not found. */
async function clientOfIssuer(context: AppContext, issuer: Issuer, clientId: string): Promise<OAuthClientTable> {
  const row = clientId.length <= 64 ? await repository.findClient(context.db, clientId) : undefined;
  if (row === undefined || (row.portal_id !== issuer.portalId && issuer.everyPortal !== true)) {
    throw notFound('OAuth client', quote(clientId));
  }
  return row;
}

/** One client of the issuer's portal. */
export async function getClient(context: AppContext, issuer: Issuer, clientId: string): Promise<OAuthClient> {
  return presentClient(await clientOfIssuer(context, issuer, clientId));
}

/** Deletes a client, its codes, and every token issued to it. */
export async function deleteClient(context: AppContext, issuer: Issuer, clientId: string): Promise<void> {
  const row = await clientOfIssuer(context, issuer, clientId);
  await context.db.transaction().execute((trx) => repository.deleteClient(trx, row.id, context.clock.now()));
}

function readLifetime(value: unknown): number {
  if (value === undefined) return selfClientCodeSeconds[0];
  const seconds = typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value;
  if (!selfClientCodeSeconds.includes(seconds as never)) {
    throw invalidInput(
      'expiresIn',
      `must be one of ${selfClientCodeSeconds.join(', ')} seconds (3, 5, 7 or 10 minutes)`,
    );
  }
  return seconds as number;
}

/**
 * A self-client code for a person of the client's portal, with scopes the issuer holds itself (the operator may
 * grant any): traded at /oauth/v2/token, it always gives a refresh token too.
 */
export async function issueSelfClientCode(
  context: AppContext,
  issuer: Issuer,
  input: Record<string, unknown>,
): Promise<{ code: string; expiresIn: number }> {
  if (input.clientId === undefined) throw missingInput('clientId');
  if (typeof input.clientId !== 'string') throw invalidInput('clientId', 'must be a client id text');
  if (input.erecno === undefined) throw missingInput('erecno');
  const erecno = String(input.erecno);
  if ((typeof input.erecno !== 'string' && typeof input.erecno !== 'number') || !isNumericId(erecno)) {
    throw invalidInput('erecno', 'must be a numeric id');
  }
  if (input.scope === undefined) throw missingInput('scope');
  const scopes = parseScopeList(input.scope, 'scope');
  const lifetime = readLifetime(input.expiresIn);
  const client = await clientOfIssuer(context, issuer, input.clientId);
  if (!issuer.isOperator) {
    const beyond = scopes.filter((scope) => !scopeCovers(issuer.scopes, scope));
    if (beyond.length > 0)
      throw forbidden(`a code carries only scopes your token holds; ${beyond.join(', ')} is beyond it`);
  }
  const person = await findEmployee(context.db, client.portal_id, erecno);
  if (person === undefined || person.status !== 'active') {
    throw invalidInput('erecno', `no active employee ${erecno} in the client's portal`);
  }
  const code = newCode();
  const now = context.clock.now();
  await repository.insertCode(context.db, {
    hash: repository.hashSecret(code),
    client_id: client.id,
    portal_id: client.portal_id,
    erecno,
    scopes: scopes.join(','),
    redirect_uri: null,
    access_type: 'offline',
    fresh_refresh: 1,
    code_challenge: null,
    created_at: now,
    expires_at: now + lifetime * 1000,
    used_at: null,
  });
  return { code, expiresIn: lifetime };
}
