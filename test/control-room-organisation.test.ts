/**
 * The control room acts on demo portals only: an organisation portal's own admin can neither empty it, snapshot or
 * restore it, move its clock, add faults, nor read its journal or mailbox (which holds password links); the server
 * operator still can.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../src/features/people/index.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let operator: string;
let organisation: { portalId: string; token: string };

async function call(method: string, url: string, token: string, body?: unknown) {
  return lectern.app.inject({
    method: method as 'GET',
    url,
    headers: { ...lectern.auth(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

beforeAll(async () => {
  lectern = await createTestLectern();
  operator = (
    await issueToken(lectern.app.lectern, {
      portalId: lectern.portalId,
      scopes: ['ZOHOPEOPLE.training.ALL'],
      isOperator: true,
    })
  ).token;
  const created = await call('POST', '/lectern/v1/portals', operator, {
    name: 'Acme Learning',
    organisation: { adminName: 'Ada Admin', adminEmail: 'ada@acme.example' },
  });
  expect(created.statusCode, created.body).toBe(200);
  organisation = { portalId: created.json().portal.portalId, token: created.json().token };
});
afterAll(() => lectern?.close());

describe('the control room on an organisation portal', () => {
  it("refuses the portal's own admin every control-room call, and changes nothing", async () => {
    const course = await call('POST', '/api/v1/courses', organisation.token, { name: 'Safety', type: 1 });
    expect(course.statusCode, course.body).toBe(200);
    const base = `/lectern/v1/portals/${organisation.portalId}`;
    const calls: [string, string, unknown?][] = [
      ['POST', `${base}/reset`, { to: 'empty' }],
      ['POST', `${base}/reset`, {}],
      ['POST', `${base}/snapshots`, { name: 'mine' }],
      ['GET', `${base}/clock`],
      ['PUT', `${base}/clock`, { now: '2030-01-01T00:00:00Z', frozen: true }],
      ['POST', `${base}/clock/advance`, { by: '1h' }],
      ['DELETE', `${base}/clock`],
      ['GET', `${base}/faults`],
      ['POST', `${base}/faults`, { path: '/api/v1/courses', action: 'status', status: 503 }],
      ['GET', `${base}/journal`],
      ['GET', `${base}/mailbox`],
    ];
    for (const [method, url, body] of calls) {
      const response = await call(method, url, organisation.token, body);
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(403);
      expect(response.body).toContain('demo portals only');
    }
    const courses = await call('GET', '/api/v1/courses', organisation.token);
    expect(courses.json().courses.map((listed: { name: string }) => listed.name)).toEqual(['Safety']);
  });

  it('lets the server operator act on it, and a demo portal admin still acts on their own', async () => {
    const clock = await call('GET', `/lectern/v1/portals/${organisation.portalId}/clock`, operator);
    expect(clock.statusCode, clock.body).toBe(200);
    const mailbox = await call('GET', `/lectern/v1/portals/${organisation.portalId}/mailbox`, operator);
    expect(mailbox.statusCode, mailbox.body).toBe(200);
    const demoClock = await call('GET', `/lectern/v1/portals/${lectern.portalId}/clock`, lectern.adminToken);
    expect(demoClock.statusCode, demoClock.body).toBe(200);
  });
});
