/** OAuth's control plane (clients, self-client codes), portals kept apart, and sign-in links of organisation portals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSignInTicket } from '../src/features/oauth/index.ts';
import { issueToken } from '../src/features/people/portal.service.ts';
import { createCourse } from './helpers/courses.ts';
import { listCourses, registerClient, selfClientCode, testRedirectUri, tradeCode } from './helpers/oauth.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let other: { portalId: string; token: string };

beforeAll(async () => {
  lectern = await createTestLectern();
  other = await lectern.otherPortal();
});
afterAll(() => lectern?.close());

function post(url: string, payload: object, token = lectern.adminToken) {
  return lectern.app.inject({ method: 'POST', url, headers: lectern.auth(token), payload });
}

describe('clients', () => {
  it('registers a client with a Zoho-like id and a secret shown once; lists and reads it without the secret', async () => {
    const created = await post('/lectern/v1/oauth/clients', { name: 'Reporting', redirectUris: [testRedirectUri] });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.clientId).toMatch(/^1000\.[A-Z0-9]{30}$/);
    expect(body.clientSecret).toMatch(/^[0-9a-f]{42}$/);
    expect(body).toMatchObject({ name: 'Reporting', portalId: lectern.portalId, redirectUris: [testRedirectUri] });
    const stored = await lectern.app.lectern.db
      .selectFrom('oauth_clients')
      .select('secret_hash')
      .where('id', '=', body.clientId)
      .executeTakeFirstOrThrow();
    expect(stored.secret_hash).not.toContain(body.clientSecret);

    const list = await lectern.app.inject({
      method: 'GET',
      url: '/lectern/v1/oauth/clients',
      headers: lectern.auth(lectern.adminToken),
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(body.clientSecret);
    expect(list.json().clients.map((client: { clientId: string }) => client.clientId)).toContain(body.clientId);
    const one = await lectern.app.inject({
      method: 'GET',
      url: `/lectern/v1/oauth/clients/${body.clientId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(one.json()).toEqual({
      clientId: body.clientId,
      name: 'Reporting',
      portalId: lectern.portalId,
      redirectUris: [testRedirectUri],
      createdTime: lectern.clock.now(),
    });
  });

  it('refuses bad registrations naming the parameter, and writes nothing', async () => {
    const cases: [object, string][] = [
      [{ redirectUris: [testRedirectUri] }, 'name'],
      [{ name: 'x' }, 'redirectUris'],
      [{ name: 'x', redirectUris: [] }, 'redirectUris'],
      [{ name: 'x', redirectUris: ['/relative'] }, 'redirectUris[0]'],
      [{ name: 'x', redirectUris: ['javascript:alert(1)'] }, 'redirectUris[0]'],
      [{ name: 'x', redirectUris: ['https://app.example/cb#frag'] }, 'redirectUris[0]'],
      [{ name: 'x', redirectUris: Array.from({ length: 11 }, (_, i) => `https://app.example/${i}`) }, 'redirectUris'],
      [{ name: 'x', redirectUris: [`https://app.example/${'a'.repeat(2000)}`] }, 'redirectUris'],
    ];
    const before = await lectern.app.lectern.db.selectFrom('oauth_clients').select('id').execute();
    for (const [payload, parameter] of cases) {
      const response = await post('/lectern/v1/oauth/clients', payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(response.json().message, parameter).toContain(parameter.replace(/\[0\]$/, ''));
    }
    expect(await lectern.app.lectern.db.selectFrom('oauth_clients').select('id').execute()).toHaveLength(before.length);
  });

  it('is for admins: a learner’s token is refused, and an admin registers only in their own portal', async () => {
    const learner = lectern.employees.find((row) => row.is_admin === 0 && row.status === 'active')!;
    const learnerToken = await lectern.token(['ALL'], learner.erecno);
    expect(
      (await post('/lectern/v1/oauth/clients', { name: 'x', redirectUris: [testRedirectUri] }, learnerToken))
        .statusCode,
    ).toBe(403);
    const elsewhere = await post('/lectern/v1/oauth/clients', {
      name: 'x',
      redirectUris: [testRedirectUri],
      portalId: other.portalId,
    });
    expect(elsewhere.statusCode).toBe(403);
    const operator = await issueToken(lectern.app.lectern, {
      portalId: lectern.portalId,
      scopes: ['ZOHOPEOPLE.training.ALL'],
      isOperator: true,
    });
    const client = await registerClient(lectern, { token: operator.token, portalId: other.portalId });
    const foreignRead = await lectern.app.inject({
      method: 'GET',
      url: `/lectern/v1/oauth/clients/${client.clientId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(foreignRead.statusCode).toBe(404);
    const foreignDelete = await lectern.app.inject({
      method: 'DELETE',
      url: `/lectern/v1/oauth/clients/${client.clientId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(foreignDelete.statusCode).toBe(404);
  });
});

describe('self-client codes', () => {
  it('lasts 3 minutes by default, or 5, 7 or 10 as asked', async () => {
    const client = await registerClient(lectern);
    const base = { clientId: client.clientId, erecno: lectern.adminErecno, scope: 'ZOHOPEOPLE.training.ALL' };
    expect((await post('/lectern/v1/oauth/grant-codes', base)).json().expiresIn).toBe(180);
    const ten = await post('/lectern/v1/oauth/grant-codes', { ...base, expiresIn: 600 });
    expect(ten.statusCode).toBe(201);
    expect(ten.json().expiresIn).toBe(600);
    const odd = await post('/lectern/v1/oauth/grant-codes', { ...base, expiresIn: 61 });
    expect(odd.statusCode).toBe(400);
    expect(odd.json().message).toContain('expiresIn');
  });

  it('never carries a scope the issuing token could not grant', async () => {
    const client = await registerClient(lectern);
    const reader = await lectern.token(['READ']);
    const base = { clientId: client.clientId, erecno: lectern.adminErecno };
    const beyond = await post('/lectern/v1/oauth/grant-codes', { ...base, scope: 'ZOHOPEOPLE.training.ALL' }, reader);
    expect(beyond.statusCode).toBe(403);
    // training.ALL covers its own family, never forms.
    const forms = await post('/lectern/v1/oauth/grant-codes', {
      ...base,
      scope: 'ZOHOPEOPLE.training.ALL,ZOHOPEOPLE.forms.READ',
    });
    expect(forms.statusCode).toBe(403);
    const unknown = await post('/lectern/v1/oauth/grant-codes', { ...base, scope: 'ZOHOCRM.modules.ALL' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('scope');
    const within = await post('/lectern/v1/oauth/grant-codes', { ...base, scope: 'zohopeople.training.read' });
    expect(within.statusCode).toBe(201);
    expect((await tradeCode(lectern, client, within.json().code)).scope).toBe('ZOHOPEOPLE.training.READ');
  });

  it('keeps a client to its portal: no codes for another portal’s people, its tokens work only in its portal', async () => {
    const client = await registerClient(lectern);
    const stranger = await lectern.app.lectern.db
      .selectFrom('employees')
      .select('erecno')
      .where('portal_id', '=', other.portalId)
      .executeTakeFirstOrThrow();
    const refused = await post('/lectern/v1/oauth/grant-codes', {
      clientId: client.clientId,
      erecno: stranger.erecno,
      scope: 'ZOHOPEOPLE.training.ALL',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('erecno');
    // The other portal's admin cannot issue codes for this portal's client.
    const theirs = await post(
      '/lectern/v1/oauth/grant-codes',
      { clientId: client.clientId, erecno: stranger.erecno, scope: 'ZOHOPEOPLE.training.ALL' },
      other.token,
    );
    expect(theirs.statusCode).toBe(404);
    const tokens = await tradeCode(lectern, client, await selfClientCode(lectern, client, lectern.adminErecno));
    const { courseId } = await createCourse(lectern, other.token);
    const foreign = await lectern.app.inject({
      method: 'GET',
      url: `/api/v1/courses/${courseId}`,
      headers: lectern.auth(tokens.access_token),
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('organisation portals', () => {
  it('sign a person in through a one-time link before the consent page offers its form', async () => {
    await lectern.app.lectern.db.updateTable('portals').set({ demo: 0 }).where('id', '=', other.portalId).execute();
    const operator = await issueToken(lectern.app.lectern, {
      portalId: lectern.portalId,
      scopes: ['ZOHOPEOPLE.training.ALL'],
      isOperator: true,
    });
    const client = await registerClient(lectern, { token: operator.token, portalId: other.portalId });
    const url = `/oauth/v2/auth?${new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      scope: 'ZOHOPEOPLE.training.READ',
      redirect_uri: testRedirectUri,
      state: 'org',
    })}`;
    // Nobody signed in: the sign-in page comes first (e-mail and password), then back to this very request.
    const anonymous = await lectern.app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(302);
    const signInPage = new URL(anonymous.headers.location as string, 'http://lectern.test');
    expect(signInPage.pathname).toBe('/oauth/v2/accounts/sign-in');
    expect(signInPage.searchParams.get('portalId')).toBe(other.portalId);
    expect(signInPage.searchParams.get('return')).toBe(url);

    const person = await lectern.app.lectern.db
      .selectFrom('employees')
      .select(['erecno', 'display_name'])
      .where('portal_id', '=', other.portalId)
      .where('is_admin', '=', 0)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    const ticket = await issueSignInTicket(lectern.app.lectern, other.portalId, person.erecno);
    const signIn = await lectern.app.inject({ method: 'GET', url: `/oauth/v2/sign-in?ticket=${ticket}` });
    expect(signIn.statusCode).toBe(200);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    expect(String(signIn.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Lax/);
    const spent = await lectern.app.inject({ method: 'GET', url: `/oauth/v2/sign-in?ticket=${ticket}` });
    expect(spent.statusCode).toBe(400);
    expect(spent.headers['set-cookie']).toBeUndefined();

    const page = await lectern.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(page.body).toContain(`Signed in as <strong>${person.display_name}</strong>`);
    expect(page.body).not.toContain('<select');
    const nonce = /name="nonce" value="([^"]+)"/.exec(page.body)![1]!;
    const form = (headers: Record<string, string>) =>
      lectern.app.inject({
        method: 'POST',
        url: '/oauth/v2/auth',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: `nonce=${encodeURIComponent(nonce)}&decision=allow&erecno=${lectern.adminErecno}`,
      });
    // Without the sign-in the form is refused (and spent); the signed-in person is who the code is for.
    const forged = await form({});
    expect(forged.statusCode).toBe(400);
    expect(forged.headers.location).toBeUndefined();
    const again = await lectern.app.inject({ method: 'GET', url, headers: { cookie } });
    const fresh = /name="nonce" value="([^"]+)"/.exec(again.body)![1]!;
    const answer = await lectern.app.inject({
      method: 'POST',
      url: '/oauth/v2/auth',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: `nonce=${encodeURIComponent(fresh)}&decision=allow&erecno=${lectern.adminErecno}`,
    });
    expect(answer.statusCode).toBe(302);
    const code = new URL(answer.headers.location as string).searchParams.get('code')!;
    const tokens = await tradeCode(lectern, client, code);
    expect((await listCourses(lectern, tokens.access_token)).statusCode).toBe(200);
    const owner = await lectern.app.lectern.db
      .selectFrom('tokens')
      .select(['erecno', 'portal_id'])
      .where('oauth_kind', '=', 'access')
      .where('oauth_client_id', '=', client.clientId)
      .executeTakeFirstOrThrow();
    expect(owner).toEqual({ erecno: person.erecno, portal_id: other.portalId });
  });
});
