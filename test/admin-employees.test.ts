/** POST /lectern/v1/employees: a portal admin adds people (one or a list), validated whole; nothing lands on a refusal. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonType, personNamed } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

function add(body: unknown, token = lectern.adminToken) {
  return lectern.app.inject({
    method: 'POST',
    url: '/lectern/v1/employees',
    headers: { ...lectern.auth(token), ...jsonType },
    payload: JSON.stringify(body),
  });
}

async function count(): Promise<number> {
  const response = await lectern.app.inject({
    url: '/lectern/v1/employees',
    headers: lectern.auth(lectern.adminToken),
  });
  return response.json().employees.length;
}

describe('adding employees', () => {
  it('adds a list, numbering employee ids after the highest, with managers and roles', async () => {
    const manager = await personNamed(lectern, 'Emeka Okafor');
    const response = await add({
      employees: [
        { displayName: 'Nia Brown', emailId: 'nia@example.com', managerErecno: manager.erecno },
        { displayName: 'Omar Said', emailId: 'omar@example.com', roles: ['trainer'], employeeId: 'E-77' },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const [nia, omar] = response.json().employees;
    expect(nia).toMatchObject({ displayName: 'Nia Brown', employeeId: '21', managerErecno: manager.erecno, roles: [] });
    expect(nia.erecno).toMatch(/^\d{18}$/);
    expect(omar).toMatchObject({ employeeId: 'E-77', roles: ['trainer'], status: 'active', managerErecno: null });
    // The new person can act at once: a token for them works.
    const token = await lectern.token(['READ'], nia.erecno);
    expect((await lectern.app.inject({ url: '/api/v1/courses', headers: lectern.auth(token) })).statusCode).toBe(200);
  });

  it('adds one person sent as the body itself', async () => {
    const response = await add({ displayName: 'Single Person', emailId: 'single@example.com', roles: ['admin'] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().employees[0]).toMatchObject({ displayName: 'Single Person', roles: ['admin'] });
  });

  it.each([
    ['no displayName', { emailId: 'a@example.com' }, 'employees.0.displayName'],
    ['a bad e-mail', { displayName: 'A', emailId: 'not-an-address' }, 'employees.0.emailId'],
    ['an unknown role', { displayName: 'A', emailId: 'a@example.com', roles: ['king'] }, 'employees.0.roles.0'],
    [
      'an unknown manager',
      { displayName: 'A', emailId: 'a@example.com', managerErecno: '123456789012345678' },
      'employees.0.managerErecno',
    ],
    ['a bad status', { displayName: 'A', emailId: 'a@example.com', status: 'gone' }, 'employees.0.status'],
  ])('refuses %s with 400 naming the field, and adds nobody', async (_what, person, parameter) => {
    const before = await count();
    const response = await add({ employees: [{ displayName: 'Fine', emailId: 'fine@example.com' }, person].reverse() });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().parameter).toBe(parameter);
    expect(await count()).toBe(before);
  });

  it('refuses an empty list and more than 200 people', async () => {
    expect((await add({ employees: [] })).json().parameter).toBe('employees');
    const many = Array.from({ length: 201 }, (_, index) => ({ displayName: `P${index}`, emailId: `p${index}@e.com` }));
    expect((await add({ employees: many })).statusCode).toBe(400);
  });

  it('is for the portal admin only, and stays inside the portal', async () => {
    const learner = await personNamed(lectern, 'Fatima Zahra');
    expect((await add({ displayName: 'X', emailId: 'x@example.com' }, learner.token)).statusCode).toBe(403);
    const other = await lectern.otherPortal();
    const response = await add({ displayName: 'Elsewhere', emailId: 'e@example.com' }, other.token);
    expect(response.statusCode, response.body).toBe(200);
    const listed = await lectern.app.inject({
      url: '/lectern/v1/employees',
      headers: lectern.auth(lectern.adminToken),
    });
    expect(listed.json().employees.some((person: { displayName: string }) => person.displayName === 'Elsewhere')).toBe(
      false,
    );
  });
});

describe('searching employees', () => {
  const search = (text: string, startIndex?: number) =>
    lectern.app.inject({
      url: '/lectern/v1/employees',
      query: { search: text, ...(startIndex === undefined ? {} : { startIndex: String(startIndex) }) },
      headers: lectern.auth(lectern.adminToken),
    });
  const namesOf = (body: { employees: { displayName: string }[] }) => body.employees.map((row) => row.displayName);

  it('keeps the people whose name, e-mail or employee id contains the text, in any case', async () => {
    expect(namesOf((await search('OKAFOR')).json())).toEqual(['Emeka Okafor']);
    expect(namesOf((await search('fatima.zahra@')).json())).toEqual(['Fatima Zahra']);
    const byId = (await search('17')).json();
    expect(byId.employees.map((row: { employeeId: string }) => row.employeeId)).toContain('17');
    expect(byId.hasMoreRecords).toBe(false);
    // Blank is no filter at all; the page is the same as without one.
    const all = await lectern.app.inject({ url: '/lectern/v1/employees', headers: lectern.auth(lectern.adminToken) });
    expect((await search('  ')).json().employees.length).toBe(all.json().employees.length);
  });

  it("takes LIKE's own characters literally and pages the matches", async () => {
    expect((await search('%')).json().employees).toEqual([]);
    expect((await search('_')).json().employees).toEqual([]);
    const response = await add({ displayName: 'Under_Score 100%', emailId: 'under@example.com' });
    expect(response.statusCode, response.body).toBe(200);
    expect(namesOf((await search('_score 100%')).json())).toEqual(['Under_Score 100%']);
    expect((await search('e', 1)).json().employees.length).toBe((await search('e')).json().employees.length - 1);
  });

  it('refuses an overlong search with 400 naming it, and stays inside the portal', async () => {
    const response = await search('x'.repeat(101));
    expect(response.statusCode).toBe(400);
    expect(response.json().parameter).toBe('search');
    const other = await lectern.otherPortal();
    const elsewhere = await lectern.app.inject({
      url: '/lectern/v1/employees?search=okafor',
      headers: lectern.auth(other.token),
    });
    const ours = (await search('okafor')).json().employees[0].erecno;
    expect(elsewhere.json().employees.map((row: { erecno: string }) => row.erecno)).not.toContain(ours);
  });
});
