/**
 * Password sign-in of organisation portals through HTTP: the consent page's sign-in first, the CSRF tokens, one
 * message for every refusal, the failed-attempt lock on the portal's clock, invite and reset links, sign-out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEmailDeliveries } from '../src/deliveries/notification.delivery.ts';
import { issueToken } from '../src/features/people/portal.service.ts';
import { Agent, fieldOf, passwordLinkPath, setPasswordFor } from './helpers/accounts.ts';
import { RecordingTransport } from './helpers/notifications.ts';
import { registerClient, type TestClient, testRedirectUri, tradeCode } from './helpers/oauth.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let org: { portalId: string; token: string };
let client: TestClient;
let person: { erecno: string; email: string; name: string };
const password = 'correct horse battery';
const minute = 60_000;

async function peopleOf(portalId: string) {
  return lectern.app.lectern.db
    .selectFrom('employees')
    .select(['erecno', 'email_id', 'display_name', 'status'])
    .where('portal_id', '=', portalId)
    .where('is_admin', '=', 0)
    .where('status', '=', 'active')
    .orderBy('erecno')
    .execute();
}

beforeAll(async () => {
  lectern = await createTestLectern();
  org = await lectern.otherPortal();
  // The other portal becomes an organisation portal: it signs in with passwords instead of the person picker.
  await lectern.app.lectern.db.updateTable('portals').set({ demo: 0 }).where('id', '=', org.portalId).execute();
  const operator = await issueToken(lectern.app.lectern, {
    portalId: lectern.portalId,
    scopes: ['ZOHOPEOPLE.training.ALL'],
    isOperator: true,
  });
  client = await registerClient(lectern, { token: operator.token, portalId: org.portalId });
  const [first] = await peopleOf(org.portalId);
  person = { erecno: first!.erecno, email: first!.email_id, name: first!.display_name };
  await setPasswordFor(lectern, org.portalId, person.erecno, password);
});
afterAll(() => lectern?.close());

const consentUrl = () =>
  `/oauth/v2/auth?${new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    scope: 'ZOHOPEOPLE.training.READ',
    redirect_uri: testRedirectUri,
    state: 'pw',
  })}`;

/** Follows the consent page to its sign-in page. */
async function signInPage(agent: Agent) {
  const consent = await agent.get(consentUrl());
  expect(consent.status).toBe(302);
  return agent.get(consent.location!);
}

async function signIn(agent: Agent, email: string, secret: string) {
  const page = await signInPage(agent);
  return agent.post(
    '/oauth/v2/accounts/sign-in',
    { portalId: org.portalId, return: fieldOf(page.body, 'return')!, email, password: secret },
    page,
  );
}

function sessionsOf(erecno: string) {
  return lectern.app.lectern.db.selectFrom('account_sessions').selectAll().where('erecno', '=', erecno).execute();
}

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

describe('set-password links', () => {
  it('applies the password rules with a 400 naming the field, writing nothing; then spends the link once', async () => {
    const [, , , fourth] = await peopleOf(org.portalId);
    const agent = new Agent(lectern);
    const path = await passwordLinkPath(lectern, org.portalId, fourth!.erecno);
    const token = new URL(path, 'http://lectern.test').searchParams.get('token')!;
    const page = await agent.get(path);
    expect(page.status).toBe(200);
    const stored = () =>
      lectern.app.lectern.db
        .selectFrom('account_passwords')
        .select('hash')
        .where('erecno', '=', fourth!.erecno)
        .executeTakeFirst();
    const tryPassword = (value: string, confirm = value) =>
      agent.post('/oauth/v2/accounts/password', { token, password: value, confirm }, page);
    const short = await tryPassword('123456789');
    expect(short.status).toBe(400);
    expect(short.body).toContain('Invalid value for password: must be at least 10 characters long');
    const long = await tryPassword('x'.repeat(257));
    expect(long.status).toBe(400);
    expect(long.body).toContain('must be at most 256 characters long');
    const differ = await tryPassword('long enough 1', 'long enough 2');
    expect(differ.status).toBe(400);
    expect(differ.body).toContain('confirm');
    expect(await stored()).toBeUndefined();
    const exactly = await tryPassword('y'.repeat(256));
    expect(exactly.status).toBe(200);
    expect((await stored())!.hash).toMatch(/^\$argon2id\$/);
    const again = await tryPassword('another password');
    expect(again.status).toBe(400);
    expect(again.body).toContain('Link no longer works');
    expect((await agent.get(path)).status).toBe(400);
  });

  it('refuses the set-password post without its CSRF token and leaves the link unused', async () => {
    const [, , , , fifth] = await peopleOf(org.portalId);
    const agent = new Agent(lectern);
    const path = await passwordLinkPath(lectern, org.portalId, fifth!.erecno);
    const token = new URL(path, 'http://lectern.test').searchParams.get('token')!;
    const page = await agent.get(path);
    const forged = await agent.post(
      '/oauth/v2/accounts/password',
      { token, password: 'a forged password', confirm: 'a forged password' },
      page,
      false,
    );
    expect(forged.status).toBe(403);
    expect((await agent.get(path)).status).toBe(200);
  });

  it("ends the person's other sessions but keeps the browser's own that set the password", async () => {
    const mine = new Agent(lectern);
    const elsewhere = new Agent(lectern);
    await signIn(mine, person.email, password);
    await signIn(elsewhere, person.email, password);
    const path = await passwordLinkPath(lectern, org.portalId, person.erecno);
    const token = new URL(path, 'http://lectern.test').searchParams.get('token')!;
    const page = await mine.get(path);
    const set = await mine.post('/oauth/v2/accounts/password', { token, password, confirm: password }, page);
    expect(set.status).toBe(200);
    expect((await sessionsOf(person.erecno)).length).toBe(1);
    expect((await mine.get(consentUrl())).status).toBe(200);
    expect((await elsewhere.get(consentUrl())).status).toBe(302);
  });

  it('expires an invite after seven days', async () => {
    const [, , , , , sixth] = await peopleOf(org.portalId);
    const path = await passwordLinkPath(lectern, org.portalId, sixth!.erecno);
    lectern.clock.advance(7 * 24 * 60 * minute);
    expect((await new Agent(lectern).get(path)).status).toBe(400);
  });
});

describe('forgot password', () => {
  const outbox = (type: string) =>
    lectern.app.lectern.db
      .selectFrom('notifications')
      .selectAll()
      .where('portal_id', '=', org.portalId)
      .where('event_type', '=', type)
      .orderBy('id')
      .execute();

  async function forgot(email: string) {
    const agent = new Agent(lectern);
    const page = await agent.get(`/oauth/v2/accounts/forgot?portalId=${org.portalId}`);
    expect(page.status).toBe(200);
    return agent.post('/oauth/v2/accounts/forgot', { portalId: org.portalId, email }, page);
  }

  it('answers the same for any address, e-mails a reset link to a known one, and the reset signs everything out', async () => {
    const before = (await outbox('account.reset')).length;
    const unknown = await forgot('nobody@nowhere.example');
    const known = await forgot(person.email);
    expect(unknown.status).toBe(200);
    expect(known.body).toBe(unknown.body);
    const mails = await outbox('account.reset');
    expect(mails.length).toBe(before + 1);
    const mail = mails.at(-1)!;
    expect(mail.erecno).toBe(person.erecno);
    const link = /http:\/\/lectern\.test(\/oauth\/v2\/accounts\/password\?token=[\w-]+)/.exec(mail.payload)![1]!;
    // Only the link token's hash is stored.
    const token = new URL(link, 'http://lectern.test').searchParams.get('token')!;
    const links = await lectern.app.lectern.db.selectFrom('account_links').select('hash').execute();
    expect(links.some((row) => row.hash === token)).toBe(false);

    // A signed-in browser and an app's refresh token, both ended by the reset.
    const signedIn = new Agent(lectern);
    await signIn(signedIn, person.email, password);
    const consent = await signedIn.get(consentUrl());
    const allowed = await signedIn.post('/oauth/v2/auth', {
      nonce: fieldOf(consent.body, 'nonce')!,
      decision: 'allow',
    });
    await tradeCode(lectern, client, new URL(allowed.location!).searchParams.get('code')!);

    const agent = new Agent(lectern);
    const page = await agent.get(link);
    const fresh = 'a brand new password';
    expect(
      (await agent.post('/oauth/v2/accounts/password', { token, password: fresh, confirm: fresh }, page)).status,
    ).toBe(200);
    expect(await sessionsOf(person.erecno)).toEqual([]);
    const live = await lectern.app.lectern.db
      .selectFrom('tokens')
      .select('id')
      .where('erecno', '=', person.erecno)
      .where('oauth_kind', 'in', ['refresh', 'access'])
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toEqual([]);
    expect((await signedIn.get(consentUrl())).status).toBe(302);
    expect((await signIn(new Agent(lectern), person.email, password)).status).toBe(401);
    expect((await signIn(new Agent(lectern), person.email, fresh)).status).toBe(303);
    await setPasswordFor(lectern, org.portalId, person.erecno, password);
  });

  it('expires a reset link after an hour, and sends at most three an hour', async () => {
    lectern.clock.advance(61 * minute);
    const before = (await outbox('account.reset')).length;
    for (let round = 0; round < 4; round++) await forgot(person.email);
    const mails = await outbox('account.reset');
    expect(mails.length).toBe(before + 3);
    const link = /(\/oauth\/v2\/accounts\/password\?token=[\w-]+)/.exec(mails.at(-1)!.payload)![1]!;
    expect((await new Agent(lectern).get(link)).status).toBe(200);
    lectern.clock.advance(60 * minute);
    expect((await new Agent(lectern).get(link)).status).toBe(400);
  });
});

describe('invites', () => {
  it('e-mails a new person of an organisation portal a set-password link when asked (?invite=true)', async () => {
    const added = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/employees?invite=true',
      headers: lectern.auth(org.token),
      payload: { displayName: 'Iris Invited', emailId: 'iris@org.example' },
    });
    expect(added.statusCode, added.body).toBe(200);
    const erecno = added.json().employees[0].erecno;
    const mail = await lectern.app.lectern.db
      .selectFrom('notifications')
      .selectAll()
      .where('erecno', '=', erecno)
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ event_type: 'account.invite', email: 'iris@org.example', status: 'pending' });
    const link = /(\/oauth\/v2\/accounts\/password\?token=[\w-]+)/.exec(mail.payload)![1]!;
    const page = await new Agent(lectern).get(link);
    expect(page.body).toContain('Welcome to Lectern');
    expect(page.body).toContain('Iris Invited');
  });

  it('refuses ?invite=true in a demo portal with a 400 naming it, adding nobody', async () => {
    const count = async () =>
      Number(
        (
          await lectern.app.lectern.db
            .selectFrom('employees')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('portal_id', '=', lectern.portalId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const refused = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/employees?invite=true',
      headers: lectern.auth(lectern.adminToken),
      payload: { displayName: 'Demo Dora', emailId: 'dora@demo.example' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('invite');
    expect(await count()).toBe(before);
    const bad = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/employees?invite=maybe',
      headers: lectern.auth(org.token),
      payload: { displayName: 'Maybe Max', emailId: 'max@org.example' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('invite');
  });

  it('sends account e-mails by SMTP like any other, with the link in the text and no invite attached', async () => {
    const transport = new RecordingTransport();
    await runEmailDeliveries(lectern.app.lectern, { transport });
    const sent = transport.sent.find((mail) => (mail.to as { address: string }).address === 'iris@org.example')!;
    expect(sent.subject).toBe('Set your Lectern password');
    expect(sent.text).toMatch(/Hello Iris Invited,[\s\S]*\/oauth\/v2\/accounts\/password\?token=/);
    expect(sent.icalEvent).toBeUndefined();
    expect((sent.headers as Record<string, string>)['X-Lectern-Event']).toBe('account.invite');
  });

  it('shows account e-mails in the control room mailbox with their text', async () => {
    const mailbox = await lectern.app.inject({
      method: 'GET',
      url: `/lectern/v1/portals/${org.portalId}/mailbox?kind=email`,
      headers: lectern.auth(org.token),
    });
    expect(mailbox.statusCode, mailbox.body).toBe(200);
    const invite = mailbox
      .json()
      .messages.find((message: { eventType: string }) => message.eventType === 'account.invite');
    expect(invite.subject).toBe('Set your Lectern password');
    expect(invite.text).toContain('/oauth/v2/accounts/password?token=');
  });
});

describe('a portal reset', () => {
  it('keeps passwords and accounts sessions: it signs nobody out and brings back no old password', async () => {
    const agent = new Agent(lectern);
    await signIn(agent, person.email, password);
    const reset = await lectern.app.inject({
      method: 'POST',
      url: `/lectern/v1/portals/${org.portalId}/reset`,
      headers: lectern.auth(org.token),
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
