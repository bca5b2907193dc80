/**
 * Zoho Accounts' consent flow on Lectern's own host: the page a client sends a person to, the answer that redirects
 * back with a code, and the one-time sign-in links of organisation portals (password sign-in is features/accounts/).
 * The form carries a single-use nonce stored as a hash and bound to the request it was shown for, so a forged
 * POST (CSRF) has nothing to present, and the scopes and redirect URI cannot be changed on the way back.
 */
import type { AppContext } from '../../context.ts';
import type { OAuthClientTable } from '../../db/tables/oauth.ts';
import { LmsError } from '../../errors.ts';
import { isNumericId } from '../../ids.ts';
import { findSessionPerson, startSession } from '../accounts/index.ts';
import { findEmployee, listEmployees, onPortalClock, portalHoldsDemoData } from '../people/index.ts';
import * as repository from './oauth.repository.ts';
import { readChallenge } from './oauth-pkce.ts';
import {
  codesPerWindow,
  consentCodeMs,
  consentFormMs,
  limitWindowMs,
  newCode,
  parseScopeList,
  signInTicketMs,
} from './oauth-rules.ts';
import { findAnyClient, isWebClientId } from './web-client.ts';

/** A page that stops the flow (never a redirect: the redirect URI may be the attacker's). */
export interface ConsentError {
  title: string;
  message: string;
}

/** What the consent page shows. */
export interface ConsentForm {
  clientName: string;
  scopes: string[];
  nonce: string;
  /** A demo portal's people to act as; empty in an organisation portal. */
  people: { erecno: string; name: string }[];
  /** The person signed in, in an organisation portal; null when nobody is (the page explains how to sign in). */
  signedInAs: string | null;
}

/** The consent request a form answers. */
interface ConsentRequest {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  accessType: 'offline' | 'online';
  prompt: string | undefined;
  /** PKCE's S256 challenge; absent on forms shown before PKCE, and null without one. */
  codeChallenge?: string | null;
}

/** People a demo portal's page offers at most (a whole demo portal fits). */
const maxPeople = 200;

function refuse(title: string, message: string): ConsentError {
  return { title, message };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The registered URIs of the client. */
function redirectUrisOf(client: OAuthClientTable): string[] {
  return JSON.parse(client.redirect_uris) as string[];
}

/** Checks the request as Zoho does: an unknown client, redirect URI or scope stops here, on a page of its own. */
async function readRequest(
  context: AppContext,
  query: Record<string, unknown>,
  base: string,
): Promise<{ client: OAuthClientTable; request: ConsentRequest } | ConsentError> {
  const clientId = text(query.client_id);
  const client = clientId ? await findAnyClient(context.db, clientId, base) : undefined;
  if (client === undefined) return refuse('Invalid Client', 'No application is registered with this client_id.');
  const redirectUri = text(query.redirect_uri);
  if (redirectUri === undefined || !redirectUrisOf(client).includes(redirectUri)) {
    return refuse('Invalid Redirect Uri', 'The redirect_uri is not one the application registered.');
  }
  let scopes: string[];
  try {
    scopes = parseScopeList(query.scope, 'scope');
  } catch (error) {
    if (error instanceof LmsError) return refuse('Invalid OAuth Scope', error.message);
    throw error;
  }
  if (query.response_type !== 'code') return refuse('Invalid Response Type', 'response_type must be code.');
  const accessType = query.access_type ?? 'online';
  if (accessType !== 'offline' && accessType !== 'online') {
    return refuse('Invalid Access Type', 'access_type must be offline or online.');
  }
  const prompt = text(query.prompt);
  if (prompt !== undefined && prompt !== 'consent') return refuse('Invalid Prompt', 'prompt may only be consent.');
  const state = text(query.state);
  if (query.state !== undefined && (state === undefined || state.length > 2000)) {
    return refuse('Invalid State', 'state must be a text of at most 2000 characters.');
  }
  const pkce = readChallenge(query);
  if ('refusal' in pkce) return refuse('Invalid Code Challenge', pkce.refusal);
  // A public client has no secret to prove itself with at the token endpoint: the verifier is its proof.
  if (pkce.challenge === null && isWebClientId(client.id)) {
    return refuse(
      'Code Challenge Required',
      'This application must send code_challenge with code_challenge_method=S256.',
    );
  }
  const codeChallenge = pkce.challenge;
  return { client, request: { clientId: client.id, redirectUri, scopes, state, accessType, prompt, codeChallenge } };
}

/** The person a sign-in session cookie stands for in the portal, or undefined. */
function signedInPerson(context: AppContext, portalId: string, session: string | undefined) {
  return findSessionPerson(context, portalId, session);
}

/** An organisation portal's consent request from someone not signed in: the sign-in page comes first. */
export interface SignInFirst {
  signInPortalId: string;
}

/**
 * The consent page for a request, with a fresh single-use nonce; the page that stops it; or, in an organisation
 * portal without a sign-in, the portal whose sign-in page comes first.
 */
export async function prepareConsent(
  context: AppContext,
  query: Record<string, unknown>,
  session: string | undefined,
  base: string,
): Promise<ConsentForm | ConsentError | SignInFirst> {
  const read = await readRequest(context, query, base);
  if ('title' in read) return read;
  const { client, request } = read;
  const demo = (await portalHoldsDemoData(context.db, client.portal_id)) === true;
  const person = demo ? undefined : await signedInPerson(context, client.portal_id, session);
  const people = demo
    ? (await listEmployees(context.db, client.portal_id, 0, maxPeople))
        .filter((row) => row.status === 'active')
        .map((row) => ({ erecno: row.erecno, name: row.display_name }))
    : [];
  // Nobody to consent yet (an organisation portal without a sign-in): sign in first; nothing is stored.
  if (!demo && person === undefined) return { signInPortalId: client.portal_id };
  const nonce = newCode();
  const now = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    // Each page view stores a nonce; expired ones go as new ones come, so the table stays small.
    await repository.deleteExpired(trx, now, limitWindowMs);
    await repository.insertNonce(trx, {
      hash: repository.hashSecret(nonce),
      kind: 'consent',
      portal_id: client.portal_id,
      erecno: person?.erecno ?? null,
      payload: JSON.stringify(request),
      created_at: now,
      expires_at: now + consentFormMs,
      used_at: null,
    });
  });
  return { clientName: client.name, scopes: request.scopes, nonce, people, signedInAs: person?.display_name ?? null };
}

/** The redirect URI with Zoho's parameters added (after `&` when it already has a query). */
function redirectWith(uri: string, parameters: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) query.append(name, value);
  return `${uri}${uri.includes('?') ? '&' : '?'}${query.toString()}`;
}

/**
 * Answers a consent form: a redirect to the client with a code (or `error=access_denied` when the person denies or
 * the client asked for too many codes), or the page that stops the flow.
 */
export async function answerConsent(
  context: AppContext,
  form: Record<string, unknown>,
  session: string | undefined,
  accountsServer: string,
): Promise<{ redirect: string } | ConsentError> {
  const expired = refuse(
    'Consent Expired',
    'This form was already answered or has expired; start again from the application.',
  );
  const nonce = text(form.nonce);
  if (nonce === undefined || nonce.length > 200) return expired;
  const now = context.clock.now();
  return context.db.transaction().execute(async (trx) => {
    const row = await repository.findNonce(trx, 'consent', nonce);
    if (row === undefined || row.used_at !== null || now >= row.expires_at || row.payload === null) return expired;
    if (!(await repository.useNonce(trx, row.hash, now))) return expired;
    const request = JSON.parse(row.payload) as ConsentRequest;
    const client = await findAnyClient(trx, request.clientId);
    if (client === undefined) return refuse('Invalid Client', 'The application was removed.');
    const denied = { redirect: redirectWith(request.redirectUri, { error: 'access_denied', state: request.state }) };
    if (form.decision !== 'allow') return denied;
    const erecno = row.erecno ?? text(form.erecno);
    if (row.erecno !== null) {
      const person = await signedInPerson({ ...context, db: trx }, row.portal_id, session);
      if (person?.erecno !== row.erecno)
        return refuse('Not Signed In', 'Sign in again, then start from the application.');
    } else {
      const person = erecno && isNumericId(erecno) ? await findEmployee(trx, row.portal_id, erecno) : undefined;
      if (person?.status !== 'active') return refuse('Unknown Person', 'Choose a person of the portal to act as.');
    }
    // The form's nonce lives on the server's time; the code on its portal's, where the token endpoint judges it.
    const portalNow = await onPortalClock({ ...context, db: trx }, client.portal_id, async () => context.clock.now());
    if ((await repository.countCodesSince(trx, client.id, portalNow - limitWindowMs)) >= codesPerWindow) return denied;
    const code = newCode();
    await repository.insertCode(trx, {
      hash: repository.hashSecret(code),
      client_id: client.id,
      portal_id: client.portal_id,
      erecno: erecno!,
      scopes: request.scopes.join(','),
      redirect_uri: request.redirectUri,
      access_type: request.accessType,
      fresh_refresh: request.prompt === 'consent' ? 1 : 0,
      code_challenge: request.codeChallenge ?? null,
      created_at: portalNow,
      expires_at: portalNow + consentCodeMs,
      used_at: null,
    });
    const parameters = { state: request.state, code, location: 'us', 'accounts-server': accountsServer };
    return { redirect: redirectWith(request.redirectUri, parameters) };
  });
}

/** A one-time sign-in link's ticket for a person of the portal (the CLI prints the link). */
export async function issueSignInTicket(context: AppContext, portalId: string, erecno: string): Promise<string> {
  const person = await findEmployee(context.db, portalId, erecno);
  if (person === undefined || person.status !== 'active') {
    throw new LmsError(404, '404', `Not found: no active employee ${erecno} in portal ${portalId}`);
  }
  const ticket = newCode();
  const now = context.clock.now();
  await repository.insertNonce(context.db, {
    hash: repository.hashSecret(ticket),
    kind: 'ticket',
    portal_id: portalId,
    erecno,
    payload: null,
    created_at: now,
    expires_at: now + signInTicketMs,
    used_at: null,
  });
  return ticket;
}

/** Trades a sign-in ticket (once) for a browser session: its value and whom it signs in; undefined when spent. */
export async function signIn(
  context: AppContext,
  ticket: unknown,
): Promise<{ session: string; name: string; maxAgeSeconds: number } | undefined> {
  const value = text(ticket);
  if (value === undefined || value.length > 200) return undefined;
  const now = context.clock.now();
  const person = await context.db.transaction().execute(async (trx) => {
    const row = await repository.findNonce(trx, 'ticket', value);
    if (row === undefined || row.erecno === null || row.used_at !== null || now >= row.expires_at) return undefined;
    const found = await findEmployee(trx, row.portal_id, row.erecno);
    if (found?.status !== 'active' || !(await repository.useNonce(trx, row.hash, now))) return undefined;
    return found;
  });
  if (person === undefined) return undefined;
  const started = await startSession(context, person.portal_id, person.erecno);
  return { session: started.session, name: person.display_name, maxAgeSeconds: started.maxAgeSeconds };
}
