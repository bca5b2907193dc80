/** OAuth through HTTP for the tests: a client, self-client codes, token requests in each of Zoho's three transports. */
import { expect } from 'vitest';
import type { TestLectern } from './test-app.ts';

/** A registered client and its secret. */
export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** The redirect URI test clients register. */
export const testRedirectUri = 'https://app.example/callback';

/** Registers a client with the admin token (or the one given), expecting 201. */
export async function registerClient(
  lectern: TestLectern,
  options: { token?: string; portalId?: string; redirectUris?: string[] } = {},
): Promise<TestClient> {
  const redirectUris = options.redirectUris ?? [testRedirectUri];
  const response = await lectern.app.inject({
    method: 'POST',
    url: '/lectern/v1/oauth/clients',
    headers: lectern.auth(options.token ?? lectern.adminToken),
    payload: { name: 'Test <App>', redirectUris, ...(options.portalId ? { portalId: options.portalId } : {}) },
  });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json();
  return { clientId: body.clientId, clientSecret: body.clientSecret, redirectUri: redirectUris[0]! };
}

/** A self-client code for the person, expecting 201. */
export async function selfClientCode(
  lectern: TestLectern,
  client: TestClient,
  erecno: string,
  scope = 'ZOHOPEOPLE.training.ALL',
): Promise<string> {
  const response = await lectern.app.inject({
    method: 'POST',
    url: '/lectern/v1/oauth/grant-codes',
    headers: lectern.auth(lectern.adminToken),
    payload: { clientId: client.clientId, erecno, scope },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().code;
}

/** How a token request carries its parameters. */
export type Transport = 'query' | 'form' | 'multipart' | 'basic';

/** POST /oauth/v2/token with the parameters in the query, a form body (URL-encoded or multipart), or a Basic header. */
export function tokenRequest(lectern: TestLectern, parameters: Record<string, string>, transport: Transport = 'query') {
  const { client_id, client_secret, ...rest } = parameters;
  if (transport === 'basic') {
    const basic = Buffer.from(`${client_id ?? ''}:${client_secret ?? ''}`).toString('base64');
    return lectern.app.inject({
      method: 'POST',
      url: `/oauth/v2/token?${new URLSearchParams(rest)}`,
      headers: { authorization: `Basic ${basic}` },
    });
  }
  if (transport === 'multipart') {
    const parts = Object.entries(parameters).map(
      ([name, value]) => `--B\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    );
    return lectern.app.inject({
      method: 'POST',
      url: '/oauth/v2/token',
      headers: { 'content-type': 'multipart/form-data; boundary=B' },
      payload: `${parts.join('')}--B--\r\n`,
    });
  }
  if (transport === 'form') {
    return lectern.app.inject({
      method: 'POST',
      url: '/oauth/v2/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(parameters).toString(),
    });
  }
  return lectern.app.inject({ method: 'POST', url: `/oauth/v2/token?${new URLSearchParams(parameters)}` });
}

/** Trades a code for tokens, expecting success. */
export async function tradeCode(
  lectern: TestLectern,
  client: TestClient,
  code: string,
  transport: Transport = 'query',
) {
  const response = await tokenRequest(
    lectern,
    {
      grant_type: 'authorization_code',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uri: client.redirectUri,
      code,
    },
    transport,
  );
  expect(response.statusCode).toBe(200);
  const body = response.json();
  expect(body.error, response.body).toBeUndefined();
  return body as { access_token: string; refresh_token?: string; scope: string; expires_in: number };
}

/** Refreshes, answering the raw response. */
export function refreshRequest(lectern: TestLectern, client: TestClient, refreshToken: string) {
  return tokenRequest(lectern, {
    grant_type: 'refresh_token',
    client_id: client.clientId,
    client_secret: client.clientSecret,
    refresh_token: refreshToken,
  });
}

/** GET /api/v1/courses with the access token. */
export function listCourses(lectern: TestLectern, accessToken: string) {
  return lectern.app.inject({
    method: 'GET',
    url: '/api/v1/courses',
    headers: { authorization: `Zoho-oauthtoken ${accessToken}` },
  });
}
