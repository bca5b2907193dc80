import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../src/features/people/portal.service.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern?.close());

const read = 'ZOHOPEOPLE.training.READ';

interface Employee {
  erecno: string;
  displayName: string;
  employeeId: string;
  emailId: string;
  managerErecno: string | null;
  status: string;
  roles: string[];
}

function named(displayName: string) {
  return lectern.employees.find((employee) => employee.display_name === displayName)!;
}

function listEmployees(token: string) {
  return lectern.app.inject({ url: '/lectern/v1/employees', headers: lectern.auth(token) });
}

function createToken(body: unknown, token = lectern.adminToken) {
  return lectern.app.inject({
    method: 'POST',
    url: '/lectern/v1/tokens',
    headers: { ...lectern.auth(token), 'content-type': 'application/json' },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function operatorToken(): Promise<string> {
  const issued = await issueToken(lectern.app.lectern, {
    portalId: lectern.portalId,
    scopes: ['ZOHOPEOPLE.training.ALL'],
    isOperator: true,
  });
  return issued.token;
}

describe('GET /lectern/v1/employees', () => {
  it("lists the portal's people with their roles", async () => {
    const response = await listEmployees(lectern.adminToken);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { employees: Employee[]; hasMoreRecords: boolean };
    expect(body.hasMoreRecords).toBe(false);
    expect(body.employees).toHaveLength(20);
    for (const employee of body.employees) {
      expect(employee.erecno).toMatch(/^\d{18}$/);
      expect(employee.displayName.length).toBeGreaterThan(0);
      expect(Array.isArray(employee.roles)).toBe(true);
    }
    expect(new Set(body.employees.map((employee) => employee.erecno)).size).toBe(20);
    const admin = body.employees.find((employee) => employee.erecno === lectern.adminErecno)!;
    expect(admin.roles).toContain('admin');
    expect(body.employees.filter((employee) => employee.roles.includes('trainer')).length).toBeGreaterThanOrEqual(3);
    expect(body.employees.find((employee) => employee.displayName === 'Tove Berg')!.status).toBe('inactive');
    // Managers are people of the same portal.
    const erecnos = new Set(body.employees.map((employee) => employee.erecno));
    for (const employee of body.employees) {
      if (employee.managerErecno !== null) expect(erecnos.has(employee.managerErecno)).toBe(true);
    }
  });

  it('is open to an admin READ token and closed to non-admins', async () => {
    expect((await listEmployees(await lectern.token(['READ']))).statusCode).toBe(200);
    const emeka = await lectern.token(['ALL'], named('Emeka Okafor').erecno);
    const refused = await listEmployees(emeka);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/^Sorry! You are not authorized to do this operation/);
    // Trainers and settings admins are not portal admins either.
    expect((await listEmployees(await lectern.token(['ALL'], named('Chen Wei').erecno))).statusCode).toBe(403);
    expect((await listEmployees(await lectern.token(['ALL'], named('Nadia Haddad').erecno))).statusCode).toBe(403);
  });

  it('refuses a bad startIndex and pages past the end', async () => {
    const bad = await lectern.app.inject({
      url: '/lectern/v1/employees?startIndex=x',
      headers: lectern.auth(lectern.adminToken),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().parameter).toBe('startIndex');
    const past = await lectern.app.inject({
      url: '/lectern/v1/employees?startIndex=19',
      headers: lectern.auth(lectern.adminToken),
    });
    expect(past.json().employees).toHaveLength(1);
  });
});

describe('POST /lectern/v1/tokens', () => {
  it('issues a READ token for another employee that reads but cannot write', async () => {
    const julia = named('Julia Moreau');
    const response = await createToken({ erecno: julia.erecno, scopes: [read] });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      token: expect.stringMatching(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/),
      tokenId: expect.stringMatching(/^\d{18}$/),
      erecno: julia.erecno,
      scopes: [read],
      expiresAt: null,
    });
    expect((await lectern.app.inject({ url: '/api/v1/rooms', headers: lectern.auth(body.token) })).statusCode).toBe(
      200,
    );
    const write = await createToken({ scopes: [read] }, body.token);
    expect(write.statusCode).toBe(403);
  });

  it("issues the admin's own token when no erecno is given", async () => {
    const response = await createToken({ scopes: ['ZOHOPEOPLE.training.ALL', 'ZOHOPEOPLE.training.ALL'] });
    expect(response.statusCode).toBe(200);
    expect(response.json().erecno).toBe(lectern.adminErecno);
    const row = await lectern.app.lectern.db
      .selectFrom('tokens')
      .select('scopes')
      .orderBy('created_at', 'desc')
      .where('erecno', '=', lectern.adminErecno)
      .execute();
    // Duplicate scopes are stored once.
    expect(row.some((token) => token.scopes === 'ZOHOPEOPLE.training.ALL')).toBe(true);
  });

  it.each([
    ['an unknown scope', { scopes: ['ZOHOPEOPLE.training.WRITE'] }],
    ['a short scope name', { scopes: ['READ'] }],
    ['an empty list', { scopes: [] }],
    ['a non-string scope', { scopes: [1] }],
    ['a mix of good and bad', { scopes: [read, 'ZOHOPEOPLE.leave.ALL'] }],
  ])('refuses %s with 400 INVALID_INPUT naming scopes', async (_name, body) => {
    const before = (await lectern.app.lectern.db.selectFrom('tokens').select('hash').execute()).length;
    const response = await createToken(body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'scopes' });
    expect((await lectern.app.lectern.db.selectFrom('tokens').select('hash').execute()).length).toBe(before);
  });

  it('refuses missing scopes with 400 naming scopes', async () => {
    const missing = await createToken({ erecno: lectern.adminErecno });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'INPUT_PARAMETER_MISSING', parameter: 'scopes' });
    const empty = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/tokens',
      headers: lectern.auth(lectern.adminToken),
    });
    expect(empty.statusCode).toBe(400);
  });

  it('answers 404 for an unknown erecno and 400 for a non-numeric one', async () => {
    const unknown = await createToken({ erecno: '999999999999999999', scopes: [read] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('404');
    const bad = await createToken({ erecno: 'abc', scopes: [read] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'erecno' });
  });

  it('accepts the erecno as a bare JSON number without losing digits', async () => {
    const rosa = named('Rosa Alvarez');
    // 18 digits are beyond Number's exact range: a lossy parser would name another employee (or none).
    expect(Number.isSafeInteger(Number(rosa.erecno))).toBe(false);
    const response = await createToken(`{"erecno": ${rosa.erecno}, "scopes": ["${read}"]}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().erecno).toBe(rosa.erecno);
    const quoted = await createToken({ erecno: rosa.erecno, scopes: [read] });
    expect(quoted.json().erecno).toBe(rosa.erecno);
  });

  it('is closed to non-admins, even with a full-scope token', async () => {
    const divya = await lectern.token(['ALL'], named('Divya Raman').erecno);
    const response = await createToken({ scopes: ['ZOHOPEOPLE.training.ALL'] }, divya);
    expect(response.statusCode).toBe(403);
  });
});

describe('POST /lectern/v1/portals', () => {
  it('is closed to an ordinary portal admin', async () => {
    const before = (await lectern.app.lectern.db.selectFrom('portals').select('id').execute()).length;
    const response = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/portals',
      headers: lectern.auth(lectern.adminToken),
      payload: { name: 'Nope' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toMatch(/^Sorry! You are not authorized to do this operation/);
    expect((await lectern.app.lectern.db.selectFrom('portals').select('id').execute()).length).toBe(before);
  });

  it('lets the operator make an isolated portal with its own admin token', async () => {
    const operator = await operatorToken();
    const response = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/portals',
      headers: lectern.auth(operator),
      payload: { name: 'Acme Training' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['portal', 'token']);
    expect(body.portal).toEqual({
      portalId: expect.stringMatching(/^\d{18}$/),
      name: 'Acme Training',
      urlName: expect.stringMatching(/^[a-z0-9]+$/),
      timeZone: 'UTC',
      adminErecno: expect.stringMatching(/^\d{18}$/),
    });
    expect(body.portal.portalId).not.toBe(lectern.portalId);
    expect(typeof body.token).toBe('string');

    const first = (await lectern.app.inject({ url: '/api/v1/rooms', headers: lectern.auth(lectern.adminToken) })).json()
      .rooms as { roomId: string }[];
    const rooms = await lectern.app.inject({ url: '/api/v1/rooms', headers: lectern.auth(body.token) });
    expect(rooms.statusCode).toBe(200);
    const mine = rooms.json().rooms as { roomId: string }[];
    expect(mine.length).toBeGreaterThan(0);
    const firstIds = new Set(first.map((room) => room.roomId));
    expect(mine.some((room) => firstIds.has(room.roomId))).toBe(false);
    const foreign = await lectern.app.inject({
      url: `/api/v1/rooms/${first[0]!.roomId}`,
      headers: lectern.auth(body.token),
    });
    expect(foreign.statusCode).toBe(404);

    // The new token is its portal's admin, not an operator.
    const employees = (
      await lectern.app.inject({ url: '/lectern/v1/employees', headers: lectern.auth(body.token) })
    ).json().employees as Employee[];
    expect(employees.find((employee) => employee.erecno === body.portal.adminErecno)!.roles).toContain('admin');
    const nested = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/portals',
      headers: lectern.auth(body.token),
    });
    expect(nested.statusCode).toBe(403);
  });

  it('makes a portal without a body, with a default name and a distinct urlName each time', async () => {
    const operator = await operatorToken();
    const made = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await lectern.app.inject({
        method: 'POST',
        url: '/lectern/v1/portals',
        headers: lectern.auth(operator),
      });
      expect(response.statusCode).toBe(200);
      made.push(response.json().portal);
    }
    expect(made[0].name.length).toBeGreaterThan(0);
    expect(new Set(made.map((portal) => portal.urlName)).size).toBe(3);
    expect(new Set(made.map((portal) => portal.portalId)).size).toBe(3);
  });

  it('refuses an empty or overlong name, naming it', async () => {
    const operator = await operatorToken();
    for (const name of ['', 'x'.repeat(201)]) {
      const response = await lectern.app.inject({
        method: 'POST',
        url: '/lectern/v1/portals',
        headers: lectern.auth(operator),
        payload: { name },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'name' });
    }
  });
});
