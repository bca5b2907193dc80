/** The token endpoint's refusals in Zoho Accounts' words, and its limits on the clock. */
import type { InjectOptions } from 'fastify';
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
const minute = 60_000;

beforeAll(async () => {
  lectern = await createTestLectern();
  client = await registerClient(lectern);
});
afterAll(() => lectern?.close());

function codeParameters(code: string, overrides: Record<string, string> = {}) {
  return {
    grant_type: 'authorization_code',
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uri: testRedirectUri,
    code,
    ...overrides,
  };
}

async function errorOf(response: { statusCode: number; json(): unknown; headers: Record<string, unknown> }) {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/json;charset=UTF-8');
  return response.json();
}

/** A code from the consent page (a demo portal: the admin acts), answering the redirect's code. */
async function consentCode(query: Record<string, string> = {}): Promise<string | null> {
  const page = await lectern.app.inject({
    method: 'GET',
    url: `/oauth/v2/auth?${new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      scope: 'ZOHOPEOPLE.training.READ',
      redirect_uri: testRedirectUri,
      access_type: 'offline',
      ...query,
    })}`,
  });
  expect(page.statusCode, page.body).toBe(200);
  const nonce = /name="nonce" value="([^"]+)"/.exec(page.body)![1]!;
  const answer = await lectern.app.inject({
    method: 'POST',
    url: '/oauth/v2/auth',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ nonce, erecno: lectern.adminErecno, decision: 'allow' }).toString(),
  });
  expect(answer.statusCode).toBe(302);
  return new URL(answer.headers.location as string).searchParams.get('code');
}

describe('refusals', () => {
  it('answers unsupported_grant_type for a missing or unknown grant type', async () => {
    for (const grant of [undefined, 'password', 'client_credentials']) {
      const parameters = codeParameters('1000.x.y', grant === undefined ? {} : { grant_type: grant });
      if (grant === undefined) delete (parameters as Record<string, string>).grant_type;
      expect(await errorOf(await tokenRequest(lectern, parameters))).toEqual({ error: 'unsupported_grant_type' });
    }
  });

  it('answers invalid_client for an unknown or missing client, invalid_client_secret for a wrong or missing secret', async () => {
    const code = await selfClientCode(lectern, client, lectern.adminErecno);
    const cases: [Record<string, string>, string][] = [
      [{ client_id: '1000.NOSUCHCLIENT' }, 'invalid_client'],
      [{ client_id: '' }, 'invalid_client'],
      [{ client_secret: 'wrong' }, 'invalid_client_secret'],
      [{ client_secret: '' }, 'invalid_client_secret'],
    ];
    for (const [overrides, error] of cases) {
      expect(await errorOf(await tokenRequest(lectern, codeParameters(code, overrides))), error).toEqual({ error });
    }
    const noSecret = codeParameters(code) as Record<string, string>;
    delete noSecret.client_secret;
    expect(await errorOf(await tokenRequest(lectern, noSecret))).toEqual({ error: 'invalid_client_secret' });
    const basicWrong = await tokenRequest(lectern, codeParameters(code, { client_secret: 'wrong' }), 'basic');
    expect(await errorOf(basicWrong)).toEqual({ error: 'invalid_client_secret' });
    // None of the refusals spent the code.
    expect((await tradeCode(lectern, client, code)).access_token).toBeDefined();
  });

  it('answers invalid_code for an unknown code, a used one, an expired one and another client’s', async () => {
    expect(await errorOf(await tokenRequest(lectern, codeParameters('1000.nope.nope')))).toEqual({
      error: 'invalid_code',
    });
    const code = await selfClientCode(lectern, client, lectern.adminErecno);
    const first = await tradeCode(lectern, client, code);
    expect(await errorOf(await tokenRequest(lectern, codeParameters(code)))).toEqual({ error: 'invalid_code' });
    // The spec records no revocation on a reused code: what the first trade minted keeps working.
    expect((await listCourses(lectern, first.access_token)).statusCode).toBe(200);

    const late = await selfClientCode(lectern, client, lectern.adminErecno);
    lectern.clock.advance(3 * minute);
    expect(await errorOf(await tokenRequest(lectern, codeParameters(late)))).toEqual({ error: 'invalid_code' });

    const other = await registerClient(lectern);
    const theirs = await selfClientCode(lectern, other, lectern.adminErecno);
    expect(await errorOf(await tokenRequest(lectern, codeParameters(theirs)))).toEqual({ error: 'invalid_code' });
  });

  it('answers invalid_redirect_uri when a consent code is traded with another redirect URI', async () => {
    const code = (await consentCode())!;
    const other = codeParameters(code, { redirect_uri: 'https://app.example/other' });
    expect(await errorOf(await tokenRequest(lectern, other))).toEqual({ error: 'invalid_redirect_uri' });
    expect((await tradeCode(lectern, client, code)).access_token).toBeDefined();
  });

  it('lets a consent code live two minutes of the clock', async () => {
    const code = (await consentCode())!;
    lectern.clock.advance(2 * minute);
    expect(await errorOf(await tokenRequest(lectern, codeParameters(code)))).toEqual({ error: 'invalid_code' });
  });
});

describe('limits', () => {
  it('refuses the 11th access token of a refresh token in ten minutes with Access Denied, until the window passes', async () => {
    const tokens = await tradeCode(lectern, client, await selfClientCode(lectern, client, lectern.adminErecno));
    // The trade minted the first; nine refreshes make ten.
    for (let count = 0; count < 9; count += 1) {
      expect((await refreshRequest(lectern, client, tokens.refresh_token!)).json().access_token).toBeDefined();
    }
    const refused = await refreshRequest(lectern, client, tokens.refresh_token!);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({
      error_description: 'You have made too many requests continuously. Please try again after some time.',
      error: 'Access Denied',
      status: 'failure',
    });
    lectern.clock.advance(10 * minute);
    expect((await refreshRequest(lectern, client, tokens.refresh_token!)).json().access_token).toBeDefined();
  });

  it('keeps a person’s newest 20 refresh tokens per client: the 21st revokes the oldest and its access tokens', async () => {
    const person = lectern.employees.find((row) => row.is_admin === 0 && row.status === 'active')!.erecno;
    const fresh = await registerClient(lectern);
    const issued = [];
    for (let count = 0; count < 21; count += 1) {
      issued.push(await tradeCode(lectern, fresh, await selfClientCode(lectern, fresh, person)));
    }
    expect((await refreshRequest(lectern, fresh, issued[0]!.refresh_token!)).json()).toEqual({ error: 'invalid_code' });
    expect((await listCourses(lectern, issued[0]!.access_token)).statusCode).toBe(401);
    expect((await refreshRequest(lectern, fresh, issued[1]!.refresh_token!)).json().access_token).toBeDefined();
    expect((await listCourses(lectern, issued[1]!.access_token)).statusCode).toBe(200);
  });

  it('gives a refresh token on a person’s first offline consent, again only with prompt=consent', async () => {
    const fresh = await registerClient(lectern);
    const previous = client;
    client = fresh;
    try {
      expect((await tradeCode(lectern, fresh, (await consentCode())!)).refresh_token).toBeDefined();
      expect((await tradeCode(lectern, fresh, (await consentCode())!)).refresh_token).toBeUndefined();
      const prompted = await consentCode({ prompt: 'consent' });
      expect((await tradeCode(lectern, fresh, prompted!)).refresh_token).toBeDefined();
      const online = await consentCode({ access_type: 'online', prompt: 'consent' });
      expect((await tradeCode(lectern, fresh, online!)).refresh_token).toBeUndefined();
    } finally {
      client = previous;
    }
  });

  it('gives a client at most 10 consent codes in ten minutes, then redirects with access_denied', async () => {
    const fresh = await registerClient(lectern);
    const previous = client;
    client = fresh;
    try {
      lectern.clock.advance(10 * minute);
      for (let count = 0; count < 10; count += 1) expect(await consentCode()).not.toBeNull();
      expect(await consentCode()).toBeNull();
      lectern.clock.advance(10 * minute);
      expect(await consentCode()).not.toBeNull();
    } finally {
      client = previous;
    }
  });
});

describe('hostile input', () => {
  it('never answers 5xx, nor redirects, for odd requests to the /oauth/v2 endpoints', async () => {
    const requests: InjectOptions[] = [
      { method: 'GET', url: '/oauth/v2/auth' },
      { method: 'GET', url: `/oauth/v2/auth?client_id=${client.clientId}&client_id=x&redirect_uri=${testRedirectUri}` },
      { method: 'GET', url: `/oauth/v2/auth?client_id=${'x'.repeat(5000)}` },
      { method: 'POST', url: '/oauth/v2/auth' },
      { method: 'POST', url: '/oauth/v2/auth', payload: { nonce: ['a'], decision: 'allow' } },
      { method: 'POST', url: '/oauth/v2/auth?nonce=1000.a.b', payload: 'nonce=1000.a.b&decision=allow' },
      { method: 'GET', url: '/oauth/v2/sign-in' },
      { method: 'GET', url: '/oauth/v2/sign-in?ticket=1000.a.b' },
      { method: 'POST', url: '/oauth/v2/token' },
      { method: 'POST', url: '/oauth/v2/token?grant_type=refresh_token&grant_type=authorization_code' },
      { method: 'POST', url: '/oauth/v2/token', payload: { grant_type: 'refresh_token', refresh_token: 1 } },
      {
        method: 'POST',
        url: '/oauth/v2/token',
        headers: { authorization: 'Basic %%%', 'idempotency-key': 'k1' },
        payload: 'grant_type=refresh_token',
      },
      { method: 'POST', url: `/oauth/v2/token?grant_type=authorization_code&code=${'1'.repeat(5000)}` },
      { method: 'POST', url: '/oauth/v2/token/revoke', payload: { token: { nested: true } } },
      {
        method: 'POST',
        url: '/oauth/v2/token',
        headers: { 'content-type': 'multipart/form-data; boundary=B' },
        payload: '--B\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nx\r\n--B--\r\n',
      },
      {
        method: 'POST',
        url: '/oauth/v2/token',
        headers: { 'content-type': 'multipart/form-data' },
        payload: 'garbage',
      },
      {
        method: 'POST',
        url: '/oauth/v2/token/revoke',
        headers: { 'content-type': 'multipart/form-data; boundary=B' },
        payload: `--B\r\nContent-Disposition: form-data; name="token"\r\n\r\n${'x'.repeat(20_000)}\r\n--B--\r\n`,
      },
    ];
    for (const request of requests) {
      const response = await lectern.app.inject(request);
      const label = `${request.method} ${JSON.stringify(request.url).slice(0, 80)}`;
      expect(response.statusCode, `${label}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
      expect(response.headers.location, label).toBeUndefined();
    }
  });
});
