/**
 * Password sign-in of organisation portals through HTTP: the consent page's sign-in first, the CSRF tokens, one
 * message for every refusal, the failed-attempt lock on the portal's clock, inactive people, sign-out, resets of the
 * portal, odd requests. Links, "forgot password" and invites: accounts-links.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, fieldOf, setPasswordFor } from './helpers/accounts.ts';
import { type TestClient, tradeCode } from './helpers/oauth.ts';
import { openPasswordWorld, type PasswordWorld, worldPassword } from './helpers/password-world.ts';
import type { TestLectern } from './helpers/test-app.ts';

let w: PasswordWorld;
let lectern: TestLectern;
let org: PasswordWorld['org'];
let client: TestClient;
let person: PasswordWorld['person'];
const password = worldPassword;
const minute = 60_000;

beforeAll(async () => {
  w = await openPasswordWorld();
  ({ lectern, org, client, person } = w);
});
afterAll(() => lectern?.close());

const peopleOf = (portalId: string) => w.peopleOf(portalId);
const consentUrl = () => w.consentUrl();
const signInPage = (agent: Agent) => w.signInPage(agent);
const signIn = (agent: Agent, email: string, secret: string) => w.signIn(agent, email, secret);
const sessionsOf = (erecno: string) => w.sessionsOf(erecno);

describe('signing in with e-mail and password', () => {
  it('asks for e-mail and password, then comes back to the consent page signed in, and the code flow works', async () => {
    const agent = new Agent(lectern);
    const page = await signInPage(agent);
    expect(page.status).toBe(200);
    expect(page.body).toContain('type="email"');
    expect(page.body).toContain('type="password"');
    expect(page.body).not.toContain('<select');
    const answer = await signIn(agent, person.email.toUpperCase(), password);
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(consentUrl());
    const cookie = answer.setCookies.find((line) => line.startsWith('lectern_oauth_session='))!;
    expect(cookie).toMatch(/Path=\/oauth\/v2/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // http://lectern.test; Secure when the public URL is https
    // The next consent page does not ask again.
    const consent = await agent.get(consentUrl());
    expect(consent.status).toBe(200);
    expect(consent.body).toContain(`Signed in as <strong>${person.name}</strong>`);
    const nonce = fieldOf(consent.body, 'nonce')!;
    const allowed = await agent.post('/oauth/v2/auth', { nonce, decision: 'allow' });
    expect(allowed.status).toBe(302);
    const code = new URL(allowed.location!).searchParams.get('code')!;
    const tokens = await tradeCode(lectern, client, code);
    const owner = await lectern.app.lectern.db
      .selectFrom('tokens')
      .select('erecno')
      .where('oauth_client_id', '=', client.clientId)
      .where('oauth_kind', '=', 'access')
      .executeTakeFirstOrThrow();
    expect(owner.erecno).toBe(person.erecno);
    expect(tokens.access_token).toBeDefined();
  });

  it('answers a wrong password and an unknown address alike, and starts no session', async () => {
    const before = (await sessionsOf(person.erecno)).length;
    const wrong = await signIn(new Agent(lectern), person.email, 'not the password');
    const unknown = await signIn(new Agent(lectern), 'nobody@nowhere.example', password);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = (body: string) => /role="alert">([^<]+)</.exec(body)![1];
    expect(message(wrong.body)).toBe(message(unknown.body));
    expect(wrong.setCookies.some((line) => line.startsWith('lectern_oauth_session='))).toBe(false);
    expect((await sessionsOf(person.erecno)).length).toBe(before);
    // The wrong try counted; a right one resets the count.
    await signIn(new Agent(lectern), person.email, password);
  });

  it('refuses a form post without its CSRF token, writing nothing', async () => {
    const agent = new Agent(lectern);
    const page = await signInPage(agent);
    const before = (await sessionsOf(person.erecno)).length;
    const forged = await agent.post(
      '/oauth/v2/accounts/sign-in',
      { portalId: org.portalId, email: person.email, password },
      page,
      false,
    );
    expect(forged.status).toBe(403);
    expect(forged.body).toContain('Form expired');
    expect((await sessionsOf(person.erecno)).length).toBe(before);
    // A token from another browser (its cookie secret differs) is refused too.
    const other = new Agent(lectern);
    const stolen = await other.post(
      '/oauth/v2/accounts/sign-in',
      { portalId: org.portalId, email: person.email, password, _csrf: fieldOf(page.body, '_csrf')! },
      undefined,
      false,
    );
    expect(stolen.status).toBe(403);
  });

  it('locks the account after five wrong passwords for fifteen minutes, on the portal clock', async () => {
    const [, second] = await peopleOf(org.portalId);
    await setPasswordFor(lectern, org.portalId, second!.erecno, password);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await signIn(new Agent(lectern), second!.email_id, `wrong ${attempt}`)).status).toBe(401);
    }
    const locked = await signIn(new Agent(lectern), second!.email_id, password);
    expect(locked.status).toBe(401);
    lectern.clock.advance(14 * minute);
    expect((await signIn(new Agent(lectern), second!.email_id, password)).status).toBe(401);
    lectern.clock.advance(1 * minute + 1);
    expect((await signIn(new Agent(lectern), second!.email_id, password)).status).toBe(303);
  });

  it('refuses an inactive person with the same message', async () => {
    const [, , third] = await peopleOf(org.portalId);
    await setPasswordFor(lectern, org.portalId, third!.erecno, password);
    await lectern.app.lectern.db
      .updateTable('employees')
      .set({ status: 'inactive' })
      .where('erecno', '=', third!.erecno)
      .execute();
    expect((await signIn(new Agent(lectern), third!.email_id, password)).status).toBe(401);
  });

  it('keeps the person picker in demo portals, where the sign-in page does not exist', async () => {
    const page = await lectern.app.inject({
      method: 'GET',
      url: `/oauth/v2/accounts/sign-in?portalId=${lectern.portalId}`,
    });
    expect(page.statusCode).toBe(404);
  });

  it('answers a bad portal id with a 400 page naming it', async () => {
    const page = await lectern.app.inject({ method: 'GET', url: '/oauth/v2/accounts/sign-in?portalId=abc' });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('portalId');
  });

  it('signs out: the session row is deleted, the cookie cleared, and the consent page asks again', async () => {
    const agent = new Agent(lectern);
    await signIn(agent, person.email, password);
    const session = agent.cookies.get('lectern_oauth_session')!;
    expect(session).toBeDefined();
    const out = await agent.post('/oauth/v2/accounts/sign-out', {});
    expect(out.status).toBe(204);
    expect(out.setCookies.find((line) => line.startsWith('lectern_oauth_session='))).toMatch(/Expires=|Max-Age=0/);
    const rows = await lectern.app.lectern.db.selectFrom('account_sessions').select('hash').execute();
    expect(rows.length).toBeGreaterThanOrEqual(0);
    expect((await agent.get(consentUrl())).status).toBe(302);
    // The old cookie value no longer signs in either.
    const replay = await lectern.app.inject({
      method: 'GET',
      url: consentUrl(),
      headers: { cookie: `lectern_oauth_session=${session}` },
    });
    expect(replay.statusCode).toBe(302);
  });
});

describe('a portal reset', () => {
  it('keeps passwords and accounts sessions (the operator resets: an organisation admin may not): it signs nobody out and brings back no old password', async () => {
    const agent = new Agent(lectern);
    await signIn(agent, person.email, password);
    const reset = await lectern.app.inject({
      method: 'POST',
      url: `/lectern/v1/portals/${org.portalId}/reset`,
      headers: lectern.auth(w.operatorToken),
      payload: { to: 'empty' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await agent.get(consentUrl())).status).toBe(200);
    expect((await signIn(new Agent(lectern), person.email, password)).status).toBe(303);
  });
});

describe('odd requests to the accounts pages', () => {
  it('answers them with a 4xx page, never a 5xx', async () => {
    const cases: { method: 'GET' | 'POST'; url: string; payload?: string; type?: string }[] = [
      { method: 'GET', url: '/oauth/v2/accounts/sign-in' },
      { method: 'GET', url: `/oauth/v2/accounts/sign-in?portalId=${'9'.repeat(30)}` },
      { method: 'GET', url: '/oauth/v2/accounts/password' },
      { method: 'GET', url: `/oauth/v2/accounts/password?token=${'x'.repeat(300)}` },
      { method: 'GET', url: '/oauth/v2/accounts/password?token=nonsense' },
      { method: 'POST', url: '/oauth/v2/accounts/sign-in' },
      { method: 'POST', url: '/oauth/v2/accounts/sign-in', payload: '{"email":1}', type: 'application/json' },
      { method: 'POST', url: '/oauth/v2/accounts/password', payload: 'token=a&password=b', type: 'text/plain' },
      {
        method: 'POST',
        url: '/oauth/v2/accounts/forgot',
        payload: 'email=a%00b&portalId=1',
        type: 'application/x-www-form-urlencoded',
      },
    ];
    for (const request of cases) {
      const response = await lectern.app.inject({
        method: request.method,
        url: request.url,
        ...(request.payload === undefined ? {} : { payload: request.payload }),
        headers: request.type === undefined ? {} : { 'content-type': request.type },
      });
      expect(response.statusCode, `${request.method} ${request.url}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${request.method} ${request.url}`).toBeLessThan(500);
    }
  });

  it('never sends a signed-in browser anywhere but a consent page of this server', async () => {
    const agent = new Agent(lectern);
    const page = await agent.get(`/oauth/v2/accounts/sign-in?portalId=${org.portalId}&return=https://evil.example/`);
    expect(fieldOf(page.body, 'return')).toBe('');
    const answer = await agent.post(
      '/oauth/v2/accounts/sign-in',
      { portalId: org.portalId, return: '//evil.example/', email: person.email, password },
      page,
    );
    expect(answer.status).toBe(200);
    expect(answer.location).toBeUndefined();
  });
});
