/** PKCE (S256) on Lectern's OAuth, the web app's built-in public client, and who a token stands for (user info). */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCourses, registerClient, type TestClient, testRedirectUri, tokenRequest } from './helpers/oauth.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let confidential: TestClient;
let webClientId: string;
const webRedirectUri = 'http://lectern.test/signed-in';

beforeAll(async () => {
  lectern = await createTestLectern();
  confidential = await registerClient(lectern);
  webClientId = `lectern-web-${lectern.portalId}`;
});
afterAll(() => lectern?.close());

function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(parameters: Record<string, string>): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: webClientId,
    scope: 'ZOHOPEOPLE.training.ALL',
    redirect_uri: webRedirectUri,
    access_type: 'offline',
    state: 'st',
    ...parameters,
  });
  return `/oauth/v2/auth?${query}`;
}

/** Shows the consent page for the request and answers it for the person; answers the code of the redirect. */
async function consentCode(url: string, erecno: string): Promise<{ code: string; redirect: URL }> {
  const page = await lectern.app.inject({ method: 'GET', url });
  expect(page.statusCode, page.body).toBe(200);
  const nonce = /name="nonce" value="([^"]+)"/.exec(page.body)![1]!;
  const answer = await lectern.app.inject({
    method: 'POST',
    url: '/oauth/v2/auth',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ nonce, erecno, decision: 'allow' }).toString(),
  });
  expect(answer.statusCode, answer.body).toBe(302);
  const redirect = new URL(answer.headers.location as string);
  return { code: redirect.searchParams.get('code')!, redirect };
}

const learner = () =>
  lectern.employees.find((person) => person.is_admin === 0 && person.is_trainer === 0 && person.status === 'active')!;

describe("the web app's client", () => {
  it('is found for the first portal or the one named, with what the sign-in page needs', async () => {
    const named = await lectern.app.inject({ method: 'GET', url: `/oauth/v2/web-client?portalId=${lectern.portalId}` });
    expect(named.statusCode).toBe(200);
    expect(named.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(named.json()).toEqual({
      clientId: webClientId,
      portalId: lectern.portalId,
      portalName: expect.any(String),
      demo: true,
      scope: 'ZOHOPEOPLE.training.ALL',
      redirectPath: '/signed-in',
    });
    const first = await lectern.app.inject({ method: 'GET', url: '/oauth/v2/web-client' });
    expect(first.statusCode).toBe(200);
    expect(first.json().clientId).toMatch(/^lectern-web-\d+$/);
  });

  it('refuses a malformed or unknown portal, naming the parameter', async () => {
    const bad = await lectern.app.inject({ method: 'GET', url: '/oauth/v2/web-client?portalId=abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: 'invalid_portal', error_description: 'portalId must be a numeric id' });
    const unknown = await lectern.app.inject({
      method: 'GET',
      url: '/oauth/v2/web-client?portalId=999999999999999999',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('signs a person in with PKCE and no secret, refreshes, tells who it is, and signs out by revoking', async () => {
    const { verifier, challenge } = pkcePair();
    const person = learner();
    const { code, redirect } = await consentCode(
      authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }),
      person.erecno,
    );
    expect(`${redirect.origin}${redirect.pathname}`).toBe(webRedirectUri);
    expect(redirect.searchParams.get('state')).toBe('st');
    const trade = (extra: Record<string, string>) =>
      tokenRequest(
        lectern,
        { grant_type: 'authorization_code', client_id: webClientId, redirect_uri: webRedirectUri, code, ...extra },
        'form',
      );
    // Without the verifier, or with another one, the code is worth nothing (and stays unspent for its holder).
    expect((await trade({})).json()).toEqual({ error: 'invalid_code' });
    expect((await trade({ code_verifier: pkcePair().verifier })).json()).toEqual({ error: 'invalid_code' });
    expect((await trade({ code_verifier: 'short' })).json()).toEqual({ error: 'invalid_code' });
    // A public client has no secret: one sent is refused rather than ignored.
    expect((await trade({ code_verifier: verifier, client_secret: 'guess' })).json()).toEqual({
      error: 'invalid_client_secret',
    });
    const tokens = (await trade({ code_verifier: verifier })).json();
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'ZOHOPEOPLE.training.ALL' });
    expect(tokens.refresh_token).toBeDefined();
    expect((await trade({ code_verifier: verifier })).json()).toEqual({ error: 'invalid_code' });

    const info = await lectern.app.inject({
      method: 'GET',
      url: '/oauth/user/info',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(info.statusCode).toBe(200);
    expect(info.json()).toEqual({
      First_Name: expect.any(String),
      Email: person.email_id,
      Last_Name: expect.any(String),
      Display_Name: person.display_name,
      ZUID: person.erecno,
      erecno: person.erecno,
      roles: [],
      portalId: lectern.portalId,
      portalName: expect.any(String),
      demo: true,
    });
    expect((await listCourses(lectern, tokens.access_token)).statusCode).toBe(200);
    // The token is the learner's: an admin's operation stays refused.
    const adminOnly = await lectern.app.inject({
      method: 'GET',
      url: '/lectern/v1/tokens',
      headers: lectern.auth(tokens.access_token),
    });
    expect(adminOnly.statusCode).toBe(403);

    const refreshed = await tokenRequest(
      lectern,
      { grant_type: 'refresh_token', client_id: webClientId, refresh_token: tokens.refresh_token },
      'form',
    );
    expect(refreshed.json().access_token).toBeDefined();
    const revoked = await lectern.app.inject({
      method: 'POST',
      url: '/oauth/v2/token/revoke',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `token=${encodeURIComponent(tokens.refresh_token)}`,
    });
    expect(revoked.json()).toEqual({ status: 'success' });
    for (const token of [tokens.access_token, refreshed.json().access_token]) {
      expect((await listCourses(lectern, token)).statusCode).toBe(401);
    }
    const gone = await lectern.app.inject({
      method: 'GET',
      url: '/oauth/user/info',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(gone.statusCode).toBe(401);
    expect(gone.json().error).toBe('invalid_token');
  });

  it('knows an admin as an admin', async () => {
    const { verifier, challenge } = pkcePair();
    const { code } = await consentCode(
      authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }),
      lectern.adminErecno,
    );
    const tokens = (
      await tokenRequest(lectern, {
        grant_type: 'authorization_code',
        client_id: webClientId,
        redirect_uri: webRedirectUri,
        code,
        code_verifier: verifier,
      })
    ).json();
    const info = await lectern.app.inject({
      method: 'GET',
      url: '/oauth/user/info',
      headers: { authorization: `Zoho-oauthtoken ${tokens.access_token}` },
    });
    expect(info.json().roles).toContain('admin');
  });

  it('refuses a consent request without S256 PKCE, or for another redirect URI, on a page of its own', async () => {
    const { challenge } = pkcePair();
    const cases: [Record<string, string>, string][] = [
      [{}, 'Code Challenge Required'],
      [{ code_challenge: challenge }, 'Invalid Code Challenge'],
      [{ code_challenge: challenge, code_challenge_method: 'plain' }, 'Invalid Code Challenge'],
      [{ code_challenge: 'too-short', code_challenge_method: 'S256' }, 'Invalid Code Challenge'],
      [{ code_challenge_method: 'S256' }, 'Invalid Code Challenge'],
      [
        { code_challenge: challenge, code_challenge_method: 'S256', redirect_uri: 'https://evil.example/signed-in' },
        'Invalid Redirect Uri',
      ],
      [
        { code_challenge: challenge, code_challenge_method: 'S256', client_id: 'lectern-web-999999999999999999' },
        'Invalid Client',
      ],
    ];
    for (const [overrides, title] of cases) {
      const page = await lectern.app.inject({ method: 'GET', url: authorizeUrl(overrides) });
      expect(page.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(page.body, JSON.stringify(overrides)).toContain(`<h1>${title}</h1>`);
      expect(page.headers.location).toBeUndefined();
    }
  });

  it('answers user info without a token with invalid_token', async () => {
    const none = await lectern.app.inject({ method: 'GET', url: '/oauth/user/info' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toEqual({
      error: 'invalid_token',
      error_description: 'send Authorization: Bearer <access token>',
    });
  });
});

describe('a confidential client with PKCE', () => {
  it('needs both its secret and the verifier', async () => {
    const { verifier, challenge } = pkcePair();
    const { code } = await consentCode(
      authorizeUrl({
        client_id: confidential.clientId,
        redirect_uri: testRedirectUri,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }),
      learner().erecno,
    );
    const base = {
      grant_type: 'authorization_code',
      client_id: confidential.clientId,
      redirect_uri: testRedirectUri,
      code,
    };
    expect((await tokenRequest(lectern, { ...base, code_verifier: verifier })).json()).toEqual({
      error: 'invalid_client_secret',
    });
    expect((await tokenRequest(lectern, { ...base, client_secret: confidential.clientSecret })).json()).toEqual({
      error: 'invalid_code',
    });
    const tokens = (
      await tokenRequest(lectern, { ...base, client_secret: confidential.clientSecret, code_verifier: verifier })
    ).json();
    expect(tokens.access_token).toBeDefined();
  });

  it('still trades a code asked without PKCE as Zoho does (the verifier is not asked for)', async () => {
    const { code } = await consentCode(
      authorizeUrl({ client_id: confidential.clientId, redirect_uri: testRedirectUri }),
      learner().erecno,
    );
    const tokens = (
      await tokenRequest(lectern, {
        grant_type: 'authorization_code',
        client_id: confidential.clientId,
        client_secret: confidential.clientSecret,
        redirect_uri: testRedirectUri,
        code,
      })
    ).json();
    expect(tokens.access_token).toBeDefined();
  });
});
