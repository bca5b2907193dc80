/**
 * Signing in with Lectern's own OAuth (authorization code + PKCE, the built-in public client of the portal), keeping
 * the tokens in sessionStorage only (gone with the tab), refreshing them before they run out, and signing out.
 */

/** Who is signed in, as /oauth/user/info answers. */
export interface Person {
  erecno: string;
  name: string;
  email: string;
  roles: string[];
  portalId: string;
  portalName: string;
  /** A demo portal (the control room is offered there only; organisation portals hold real data). */
  demo: boolean;
}

/** A signed-in session. */
export interface Session {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch ms when the access token runs out. */
  expiresAt: number;
  clientId: string;
  person: Person;
}

/** The portal's built-in client, as /oauth/v2/web-client answers. */
interface WebClient {
  clientId: string;
  portalId: string;
  portalName: string;
  demo: boolean;
  scope: string;
  redirectPath: string;
}

const sessionKey = 'lectern.session';
const pendingKey = 'lectern.signIn';
/** Refresh a minute before the hour runs out. */
const refreshMarginMs = 60_000;

function base64Url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** The session kept for this tab, or null. */
export function currentSession(): Session | null {
  const text = sessionStorage.getItem(sessionKey);
  if (text === null) return null;
  try {
    return JSON.parse(text) as Session;
  } catch {
    sessionStorage.removeItem(sessionKey);
    return null;
  }
}

function keep(session: Session | null): void {
  if (session === null) sessionStorage.removeItem(sessionKey);
  else sessionStorage.setItem(sessionKey, JSON.stringify(session));
}

/** Starts signing in: asks for the portal's client, then leaves for the consent page (the demo's person picker). */
export async function startSignIn(portalId?: string): Promise<void> {
  const query = portalId ? `?portalId=${encodeURIComponent(portalId)}` : '';
  const response = await fetch(`/oauth/v2/web-client${query}`);
  if (!response.ok) throw new Error(`the portal's sign-in is unavailable (HTTP ${response.status})`);
  const client = (await response.json()) as WebClient;
  const verifier = randomText();
  const state = randomText();
  const redirectUri = `${location.origin}${client.redirectPath}`;
  sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state, clientId: client.clientId, redirectUri }));
  const parameters = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: redirectUri,
    scope: client.scope,
    access_type: 'offline',
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`/oauth/v2/auth?${parameters.toString()}`);
}

async function postForm(path: string, form: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return (await response.json().catch(() => ({}))) as Record<string, unknown>;
}

async function whoIs(accessToken: string): Promise<Person> {
  const response = await fetch('/oauth/user/info', { headers: { authorization: `Bearer ${accessToken}` } });
  if (!response.ok) throw new Error(`could not read who signed in (HTTP ${response.status})`);
  const info = (await response.json()) as Record<string, unknown>;
  return {
    erecno: String(info.erecno),
    name: String(info.Display_Name),
    email: String(info.Email),
    roles: Array.isArray(info.roles) ? (info.roles as string[]) : [],
    portalId: String(info.portalId),
    portalName: String(info.portalName),
    demo: info.demo === true,
  };
}

/** Finishes signing in on the redirect page: checks the state, trades the code with the verifier. */
export async function finishSignIn(search: URLSearchParams): Promise<Session> {
  const pendingText = sessionStorage.getItem(pendingKey);
  sessionStorage.removeItem(pendingKey);
  if (pendingText === null) throw new Error('no sign-in was started in this tab; start again');
  const pending = JSON.parse(pendingText) as { verifier: string; state: string; clientId: string; redirectUri: string };
  if (search.get('error') !== null) throw new Error(`sign-in refused: ${search.get('error')}`);
  if (search.get('state') !== pending.state) throw new Error('the sign-in answer does not match this tab; start again');
  const answer = await postForm('/oauth/v2/token', {
    grant_type: 'authorization_code',
    client_id: pending.clientId,
    code: search.get('code') ?? '',
    redirect_uri: pending.redirectUri,
    code_verifier: pending.verifier,
  });
  if (typeof answer.access_token !== 'string') throw new Error(`sign-in failed: ${String(answer.error ?? 'no token')}`);
  const session: Session = {
    accessToken: answer.access_token,
    refreshToken: typeof answer.refresh_token === 'string' ? answer.refresh_token : null,
    expiresAt: Date.now() + Number(answer.expires_in ?? 3600) * 1000,
    clientId: pending.clientId,
    person: await whoIs(answer.access_token),
  };
  keep(session);
  return session;
}

let refreshing: Promise<string> | undefined;

/** A valid access token, refreshed when about to run out; throws when the session is gone. */
export async function accessToken(): Promise<string> {
  const session = currentSession();
  if (session === null) throw new Error('signed out');
  if (Date.now() < session.expiresAt - refreshMarginMs) return session.accessToken;
  refreshing ??= refresh(session).finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

async function refresh(session: Session): Promise<string> {
  if (session.refreshToken === null) {
    keep(null);
    throw new Error('signed out');
  }
  const answer = await postForm('/oauth/v2/token', {
    grant_type: 'refresh_token',
    client_id: session.clientId,
    refresh_token: session.refreshToken,
  });
  if (typeof answer.access_token !== 'string') {
    keep(null);
    throw new Error('signed out');
  }
  const expiresAt = Date.now() + Number(answer.expires_in ?? 3600) * 1000;
  keep({ ...session, accessToken: answer.access_token, expiresAt });
  return answer.access_token;
}

/**
 * Signs out: revokes the refresh token (and with it every access token it minted), forgets the session, and ends the
 * password sign-in's accounts session (its httpOnly cookie is cleared by the server), so the next sign-in asks again.
 */
export async function signOut(): Promise<void> {
  const session = currentSession();
  keep(null);
  const ended = fetch('/oauth/v2/accounts/sign-out', { method: 'POST', credentials: 'same-origin' }).catch(() => {});
  if (session !== null) {
    await postForm('/oauth/v2/token/revoke', { token: session.refreshToken ?? session.accessToken }).catch(() => {});
  }
  await ended;
}
