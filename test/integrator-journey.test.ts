/**
 * The integrator's journey of the integrator issue, on a real socket with no static token in the client's hands:
 * register an OAuth client, generate a self-client code, trade it, refresh, call the LMS and the People directory with
 * the typed client, move the portal's clock an hour and see the access token refused, refresh again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createZohoLmsClient } from '../clients/typescript/src/index.ts';
import { issueToken } from '../src/features/people/portal.service.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';

let lectern: LiveLectern;
let operator: string;
beforeAll(async () => {
  lectern = await startLiveLectern();
  const scopes = ['ZOHOPEOPLE.training.ALL', 'ZOHOPEOPLE.forms.ALL'];
  operator = (await issueToken(lectern.app.lectern, { portalId: lectern.portalId, scopes, isOperator: true })).token;
});
afterAll(() => lectern?.close());

async function post(path: string, body: unknown, token = operator) {
  const response = await fetch(`${lectern.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Zoho-oauthtoken ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

it('runs a Zoho-style client end to end: code, tokens, refresh, LMS and directory calls, expiry by the clock', async () => {
  // The integrator's one-time set-up in the portal (Zoho's API console: a self client, "Generate Code").
  const client = await post('/lectern/v1/oauth/clients', {
    name: 'Connector',
    redirectUris: ['https://app.example/cb'],
  });
  expect(client.status).toBe(201);
  const { clientId, clientSecret } = client.body as { clientId: string; clientSecret: string };
  const grant = await post('/lectern/v1/oauth/grant-codes', {
    clientId,
    erecno: lectern.adminErecno,
    scope: 'ZOHOPEOPLE.training.ALL,ZOHOPEOPLE.forms.READ',
  });
  expect(grant.status).toBe(201);

  // From here on, only what the connector holds: client id, secret and the code, as with Zoho.
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: clientId,
    client_secret: clientSecret,
    code: grant.body.code,
  });
  const traded = await fetch(`${lectern.baseUrl}/oauth/v2/token?${form}`, { method: 'POST' });
  const tokens = (await traded.json()) as { access_token: string; refresh_token: string; api_domain: string };
  expect(tokens.refresh_token).toMatch(/^1000\./);

  const lms = createZohoLmsClient({
    baseUrl: lectern.baseUrl,
    auth: { refreshToken: tokens.refresh_token, clientId, clientSecret, accountsUrl: lectern.baseUrl },
  });
  const courses = await lms.GET('/api/v1/courses');
  expect(courses.response.status).toBe(200);
  expect(Array.isArray(courses.data!.courses)).toBe(true);
  const people = await lms.GET('/api/forms/{viewName}/records', {
    params: { path: { viewName: 'P_EmployeeView' }, query: { sIndex: 1, rec_limit: 200 } },
  });
  expect(people.response.status).toBe(200);
  const records = people.data as unknown as Record<string, string>[];
  expect(records.map((record) => record.recordId)).toContain(lectern.adminErecno);

  // An hour later on the portal's clock, the first access token is refused as Zoho refuses an expired one...
  const advanced = await post(`/lectern/v1/portals/${lectern.portalId}/clock/advance`, { by: '1h' });
  expect(advanced.status).toBe(200);
  const stale = await fetch(`${lectern.baseUrl}/api/v1/courses`, {
    headers: { authorization: `Zoho-oauthtoken ${tokens.access_token}` },
  });
  expect(stale.status).toBe(401);
  expect(((await stale.json()) as { code: string }).code).toBe('7202');
  // ...and the client, refused too, refreshes and carries on.
  const again = await lms.GET('/api/v1/courses');
  expect(again.response.status).toBe(200);
  // A revoked refresh token ends it: the next refresh is refused with Zoho's invalid_code.
  const revoke = await fetch(`${lectern.baseUrl}/oauth/v2/token/revoke?token=${tokens.refresh_token}`, {
    method: 'POST',
  });
  expect(((await revoke.json()) as { status: string }).status).toBe('success');
  await post(`/lectern/v1/portals/${lectern.portalId}/clock/advance`, { by: '1h' });
  await expect(lms.GET('/api/v1/courses')).rejects.toMatchObject({ error: 'invalid_code' });
});
