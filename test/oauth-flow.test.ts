/** Zoho Accounts-style OAuth end to end, with no static token in the client's hands: codes, tokens, refresh, revoke. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listCourses,
  refreshRequest,
  registerClient,
  selfClientCode,
  type TestClient,
  testRedirectUri,
  tokenRequest,
  tradeCode,
} from './helpers/oauth.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let client: TestClient;
const hour = 3_600_000;

beforeAll(async () => {
  lectern = await createTestLectern();
  client = await registerClient(lectern);
});
afterAll(() => lectern?.close());

describe('the self-client flow', () => {
  it('trades a code for tokens, calls the API, expires after an hour of the clock, and refreshes', async () => {
    const code = await selfClientCode(lectern, client, lectern.adminErecno, 'ZOHOPEOPLE.training.ALL');
    expect(code).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/);
    const exchange = await tokenRequest(lectern, {
      grant_type: 'authorization_code',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      code,
    });
    expect(exchange.statusCode).toBe(200);
    expect(exchange.headers['content-type']).toBe('application/json;charset=UTF-8');
    const tokens = exchange.json();
    expect(Object.keys(tokens)).toEqual([
      'access_token',
      'refresh_token',
      'scope',
      'api_domain',
      'token_type',
      'expires_in',
    ]);
    expect(tokens).toMatchObject({
      scope: 'ZOHOPEOPLE.training.ALL',
      api_domain: 'http://lectern.test',
      token_type: 'Bearer',
      expires_in: 3600,
    });
    expect(tokens.access_token).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/);
    expect((await listCourses(lectern, tokens.access_token)).statusCode).toBe(200);
    // OAuth libraries send Bearer: Zoho Accounts accepts it as well.
    const bearer = await lectern.app.inject({
      method: 'GET',
      url: '/api/v1/courses',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(bearer.statusCode).toBe(200);
    // A refresh token buys access tokens; it never calls the API itself.
    expect((await listCourses(lectern, tokens.refresh_token)).statusCode).toBe(401);

    const refreshed = (await refreshRequest(lectern, client, tokens.refresh_token)).json();
    expect(refreshed.refresh_token).toBeUndefined();
    expect(refreshed).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'ZOHOPEOPLE.training.ALL' });
    expect((await listCourses(lectern, refreshed.access_token)).statusCode).toBe(200);

    lectern.clock.advance(hour);
    for (const expired of [tokens.access_token, refreshed.access_token]) {
      const refused = await listCourses(lectern, expired);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().code).toBe('7202');
      expect(refused.json().message).toMatch(/^Invalid OAuth token/);
      // No scope marker: clients refresh on a 401 unless it names the scope.
      expect(refused.body.toLowerCase()).not.toMatch(/oauthscope|invalid oauth scope|invalid scope|"code":"?7218/);
    }
    const again = (await refreshRequest(lectern, client, tokens.refresh_token)).json();
    expect((await listCourses(lectern, again.access_token)).statusCode).toBe(200);
  });

  it('accepts the parameters in the query, a form body (URL-encoded or multipart), or a Basic header', async () => {
    for (const transport of ['query', 'form', 'multipart', 'basic'] as const) {
      const code = await selfClientCode(lectern, client, lectern.adminErecno);
      const tokens = await tradeCode(lectern, client, code, transport);
      expect((await listCourses(lectern, tokens.access_token)).statusCode, transport).toBe(200);
    }
  });

  it('bounds what the token calls by its scopes', async () => {
    const code = await selfClientCode(lectern, client, lectern.adminErecno, 'ZOHOPEOPLE.training.READ');
    const tokens = await tradeCode(lectern, client, code);
    expect(tokens.scope).toBe('ZOHOPEOPLE.training.READ');
    expect((await listCourses(lectern, tokens.access_token)).statusCode).toBe(200);
    const create = await lectern.app.inject({
      method: 'POST',
      url: '/api/v1/courses',
      headers: lectern.auth(tokens.access_token),
      payload: { courseData: { name: 'Not allowed', type: 'selfPaced' } },
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('7218');
  });
});

describe('revoking', () => {
  it('revokes a refresh token and every access token minted from it', async () => {
    const tokens = await tradeCode(lectern, client, await selfClientCode(lectern, client, lectern.adminErecno));
    const second = (await refreshRequest(lectern, client, tokens.refresh_token!)).json();
    const revoke = await lectern.app.inject({
      method: 'POST',
      url: `/oauth/v2/token/revoke?token=${tokens.refresh_token}`,
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json()).toEqual({ status: 'success' });
    for (const access of [tokens.access_token, second.access_token]) {
      expect((await listCourses(lectern, access)).statusCode).toBe(401);
    }
    expect((await refreshRequest(lectern, client, tokens.refresh_token!)).json()).toEqual({ error: 'invalid_code' });
    const twice = await lectern.app.inject({
      method: 'POST',
      url: '/oauth/v2/token/revoke',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `token=${tokens.refresh_token}`,
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toEqual({ status: 'failure', error: 'invalid_token' });
    const missing = await lectern.app.inject({ method: 'POST', url: '/oauth/v2/token/revoke' });
    expect(missing.statusCode).toBe(400);
  });

  it('deleting a client revokes its tokens and refuses its credentials', async () => {
    const doomed = await registerClient(lectern);
    const tokens = await tradeCode(lectern, doomed, await selfClientCode(lectern, doomed, lectern.adminErecno));
    const removed = await lectern.app.inject({
      method: 'DELETE',
      url: `/lectern/v1/oauth/clients/${doomed.clientId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(removed.statusCode).toBe(200);
    expect((await listCourses(lectern, tokens.access_token)).statusCode).toBe(401);
    expect((await refreshRequest(lectern, doomed, tokens.refresh_token!)).json()).toEqual({ error: 'invalid_client' });
  });
});

describe('the consent page', () => {
  const authorizeUrl = (overrides: Record<string, string> = {}) =>
    `/oauth/v2/auth?${new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      scope: 'ZOHOPEOPLE.training.READ,ZOHOPEOPLE.forms.READ',
      redirect_uri: testRedirectUri,
      access_type: 'offline',
      prompt: 'consent',
      state: 'xyz <&>',
      ...overrides,
    })}`;

  function nonceOf(html: string): string {
    return /name="nonce" value="([^"]+)"/.exec(html)![1]!;
  }

  it('shows the client and scopes, escaped, with a pick of the demo portal’s people, and redirects with a code', async () => {
    const page = await lectern.app.inject({ method: 'GET', url: authorizeUrl() });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body).toContain('Test &lt;App&gt;');
    expect(page.body).not.toContain('Test <App>');
    expect(page.body).toContain('ZOHOPEOPLE.forms.READ');
    expect(page.body).not.toMatch(/<script|https?:\/\/(?!app\.example)/);
    const learner = lectern.employees.find((person) => person.is_admin === 0 && person.status === 'active')!;
    expect(page.body).toContain(`<option value="${learner.erecno}">`);

    const answer = await lectern.app.inject({
      method: 'POST',
      url: '/oauth/v2/auth',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ nonce: nonceOf(page.body), erecno: learner.erecno, decision: 'allow' }).toString(),
    });
    expect(answer.statusCode).toBe(302);
    const location = new URL(answer.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe(testRedirectUri);
    expect([...location.searchParams.keys()]).toEqual(['state', 'code', 'location', 'accounts-server']);
    expect(location.searchParams.get('state')).toBe('xyz <&>');
    expect(location.searchParams.get('location')).toBe('us');
    expect(location.searchParams.get('accounts-server')).toBe('http://lectern.test');

    const tokens = await tradeCode(lectern, client, location.searchParams.get('code')!);
    expect(tokens.scope).toBe('ZOHOPEOPLE.training.READ ZOHOPEOPLE.forms.READ');
    expect(tokens.refresh_token).toBeDefined();
    const me = await lectern.app.inject({
      method: 'GET',
      url: '/api/v1/courses',
      headers: lectern.auth(tokens.access_token),
    });
    expect(me.statusCode).toBe(200);

    // The form is single use: a replayed (or forged) answer gets the error page, never a redirect.
    const replay = await lectern.app.inject({
      method: 'POST',
      url: '/oauth/v2/auth',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ nonce: nonceOf(page.body), erecno: learner.erecno, decision: 'allow' }).toString(),
    });
    expect(replay.statusCode).toBe(400);
    expect(replay.headers.location).toBeUndefined();
  });

  it('redirects a denial with error=access_denied and the state', async () => {
    const page = await lectern.app.inject({ method: 'GET', url: authorizeUrl({ state: 's1' }) });
    const answer = await lectern.app.inject({
      method: 'POST',
      url: '/oauth/v2/auth',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `nonce=${encodeURIComponent(nonceOf(page.body))}&decision=deny`,
    });
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe(`${testRedirectUri}?error=access_denied&state=s1`);
  });

  it('never redirects to an unregistered URI or for an unknown client or scope: it shows an error page', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ client_id: '1000.UNKNOWN' }, 'Invalid Client'],
      [{ redirect_uri: 'https://evil.example/callback' }, 'Invalid Redirect Uri'],
      [{ scope: 'ZOHOPEOPLE.training.ALL,ZOHOCRM.modules.ALL' }, 'Invalid OAuth Scope'],
      [{ response_type: 'token' }, 'Invalid Response Type'],
    ];
    for (const [overrides, title] of cases) {
      const response = await lectern.app.inject({ method: 'GET', url: authorizeUrl(overrides) });
      expect(response.statusCode, title).toBe(400);
      expect(response.headers.location, title).toBeUndefined();
      expect(response.body, title).toContain(title);
    }
  });
});
