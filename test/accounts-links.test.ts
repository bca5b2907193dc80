/**
 * Set-password links of organisation portals through HTTP: the password rules, single use, expiry (invite 7 days,
 * reset 1 hour), "forgot password" (the same answer for any address, at most three an hour, a reset signs everything
 * out), invites when people are added, and the e-mails in the outbox, by SMTP and in the mailbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEmailDeliveries } from '../src/deliveries/notification.delivery.ts';
import { Agent, fieldOf, passwordLinkPath, setPasswordFor } from './helpers/accounts.ts';
import { RecordingTransport } from './helpers/notifications.ts';
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
const signIn = (agent: Agent, email: string, secret: string) => w.signIn(agent, email, secret);
const sessionsOf = (erecno: string) => w.sessionsOf(erecno);

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

  it('shows account e-mails in the control room mailbox, to the operator (an organisation portal has no admin mailbox), with their text', async () => {
    const mailbox = await lectern.app.inject({
      method: 'GET',
      url: `/lectern/v1/portals/${org.portalId}/mailbox?kind=email`,
      headers: lectern.auth(w.operatorToken),
    });
    expect(mailbox.statusCode, mailbox.body).toBe(200);
    const invite = mailbox
      .json()
      .messages.find((message: { eventType: string }) => message.eventType === 'account.invite');
    expect(invite.subject).toBe('Set your Lectern password');
    expect(invite.text).toContain('/oauth/v2/accounts/password?token=');
  });
});
