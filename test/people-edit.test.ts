/**
 * GET and PATCH /lectern/v1/employees/{erecno}: each field checked and named, e-mails and employee ids unique in the
 * portal on create and on edit (409 naming the clash), managers of the portal without cycles, nothing written on a
 * refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employeeNamed, jsonType } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

const erecnoOf = (name: string) => employeeNamed(lectern, name).erecno;

function patch(erecno: string, body: unknown, token = lectern.adminToken) {
  return lectern.app.inject({
    method: 'PATCH',
    url: `/lectern/v1/employees/${erecno}`,
    headers: { ...lectern.auth(token), ...jsonType },
    payload: JSON.stringify(body),
  });
}

async function get(erecno: string, token = lectern.adminToken) {
  return lectern.app.inject({ url: `/lectern/v1/employees/${erecno}`, headers: lectern.auth(token) });
}

function add(body: unknown) {
  return lectern.app.inject({
    method: 'POST',
    url: '/lectern/v1/employees',
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify(body),
  });
}

describe('reading one person', () => {
  it("answers the person with the directory's fields, status, roles and a Lectern photo URL", async () => {
    const response = await get(erecnoOf('Beatriz Santos'));
    expect(response.statusCode, response.body).toBe(200);
    const employee = response.json().employee;
    expect(employee).toMatchObject({
      erecno: erecnoOf('Beatriz Santos'),
      displayName: 'Beatriz Santos',
      firstName: 'Beatriz',
      lastName: 'Santos',
      managerErecno: erecnoOf('Adam Fischer'),
      status: 'active',
      roles: ['trainer'],
    });
    expect(employee.departmentId).toMatch(/^\d+$/);
    expect(employee.displayPictureURL).toBe(`http://lectern.test/lectern/v1/employees/${employee.erecno}/photo`);
  });

  it('answers 404 for a person of no portal, 400 for a malformed id, 403 for a non-admin', async () => {
    expect((await get('123456789012345678')).statusCode).toBe(404);
    const malformed = await get('abc');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toMatch(/erecno/);
    const learner = await lectern.token(['ALL'], erecnoOf('Hana Sato'));
    expect((await get(erecnoOf('Hana Sato'), learner)).statusCode).toBe(403);
  });

  it("does not reach another portal's people", async () => {
    const other = await lectern.otherPortal();
    expect((await get(erecnoOf('Chen Wei'), other.token)).statusCode).toBe(404);
  });
});

describe('editing one person', () => {
  it('changes every editable field and answers the person as they now are', async () => {
    const erecno = erecnoOf('Kofi Mensah');
    const departments = await lectern.app.lectern.db
      .selectFrom('departments')
      .select('id')
      .where('portal_id', '=', lectern.portalId)
      .execute();
    const designation = await lectern.app.lectern.db
      .selectFrom('designations')
      .select('id')
      .where('portal_id', '=', lectern.portalId)
      .executeTakeFirstOrThrow();
    const response = await patch(erecno, {
      displayName: 'Kofi A. Mensah',
      firstName: 'Kofi',
      lastName: 'A. Mensah',
      emailId: 'kofi.new@example.com',
      employeeId: 'K-11',
      departmentId: departments[1]!.id,
      designationId: designation.id,
      managerErecno: erecnoOf('Emeka Okafor'),
      roles: ['trainer'],
    });
    expect(response.statusCode, response.body).toBe(200);
    const expected = {
      displayName: 'Kofi A. Mensah',
      lastName: 'A. Mensah',
      emailId: 'kofi.new@example.com',
      employeeId: 'K-11',
      departmentId: departments[1]!.id,
      designationId: designation.id,
      managerErecno: erecnoOf('Emeka Okafor'),
      roles: ['trainer'],
    };
    expect(response.json().employee).toMatchObject(expected);
    expect((await get(erecno)).json().employee).toMatchObject(expected);
    // null clears an optional field
    const cleared = await patch(erecno, { managerErecno: null, departmentId: null });
    expect(cleared.json().employee).toMatchObject({ managerErecno: null, departmentId: null });
  });

  it.each([
    ['an empty body', {}, 'body'],
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['status (its own endpoints)', { status: 'inactive' }, 'status'],
    ['an empty displayName', { displayName: '  ' }, 'displayName'],
    ['a long displayName', { displayName: 'x'.repeat(201) }, 'displayName'],
    ['a bad e-mail', { emailId: 'nobody' }, 'emailId'],
    ['an empty employeeId', { employeeId: '' }, 'employeeId'],
    ['a non-numeric manager', { managerErecno: 'boss' }, 'managerErecno'],
    ['an unknown manager', { managerErecno: '123456789012345678' }, 'managerErecno'],
    ['an unknown department', { departmentId: '123456789012345678' }, 'departmentId'],
    ['an unknown designation', { designationId: '123456789012345678' }, 'designationId'],
    ['an unknown role', { roles: ['king'] }, 'roles.0'],
    ['roles not a list', { roles: { admin: true } }, 'roles'],
    ['a firstName not text', { firstName: { a: 1 } }, 'firstName'],
  ])('refuses %s with a 400 naming it, and writes nothing', async (_name, body, parameter) => {
    const erecno = erecnoOf('Lena Novak');
    const before = (await get(erecno)).json();
    const response = await patch(erecno, body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().message).toContain(parameter);
    expect((await get(erecno)).json()).toEqual(before);
  });

  it('refuses a body that is not an object', async () => {
    const response = await patch(erecnoOf('Lena Novak'), [1, 2]);
    expect(response.statusCode).toBe(400);
  });

  it('refuses a manager cycle, direct or through others', async () => {
    // Fatima reports to Emeka, who reports to Adam.
    const self = await patch(erecnoOf('Emeka Okafor'), { managerErecno: erecnoOf('Emeka Okafor') });
    expect(self.statusCode).toBe(400);
    expect(self.json().message).toMatch(/managerErecno.*own manager/);
    const indirect = await patch(erecnoOf('Adam Fischer'), { managerErecno: erecnoOf('Fatima Zahra') });
    expect(indirect.statusCode).toBe(400);
    expect(indirect.json().message).toMatch(/managerErecno.*cycle/);
    expect((await get(erecnoOf('Adam Fischer'))).json().employee.managerErecno).toBeNull();
  });

  it("refuses an admin taking away their own admin role, and answers 404 for an unknown person's edit", async () => {
    const response = await patch(lectern.adminErecno, { roles: ['trainer'] });
    expect(response.statusCode).toBe(403);
    expect((await patch('123456789012345678', { displayName: 'X' })).statusCode).toBe(404);
  });
});

describe('uniqueness in the portal', () => {
  it("refuses an edit to another person's e-mail (any case) or employee id with 409 naming the field", async () => {
    const erecno = erecnoOf('Mateo Rossi');
    const email = employeeNamed(lectern, 'Nadia Haddad').email_id;
    const byEmail = await patch(erecno, { emailId: email.toUpperCase() });
    expect(byEmail.statusCode, byEmail.body).toBe(409);
    expect(byEmail.json()).toMatchObject({ parameter: 'emailId' });
    expect(byEmail.json().message).toContain(erecnoOf('Nadia Haddad'));
    const byId = await patch(erecno, { employeeId: employeeNamed(lectern, 'Nadia Haddad').employee_id });
    expect(byId.statusCode).toBe(409);
    expect(byId.json()).toMatchObject({ parameter: 'employeeId' });
    // Keeping one's own values is no clash.
    const own = await patch(erecno, { emailId: employeeNamed(lectern, 'Mateo Rossi').email_id });
    expect(own.statusCode, own.body).toBe(200);
  });

  it('refuses adding a person whose e-mail or employee id is taken, or repeated in the list', async () => {
    const taken = await add({ displayName: 'Dup', emailId: employeeNamed(lectern, 'Oscar Nilsson').email_id });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ parameter: 'employees.0.emailId' });
    const takenId = await add({ displayName: 'Dup', emailId: 'dup@example.com', employeeId: '1' });
    expect(takenId.statusCode).toBe(409);
    expect(takenId.json()).toMatchObject({ parameter: 'employees.0.employeeId' });
    const twice = await add({
      employees: [
        { displayName: 'One', emailId: 'same@example.com' },
        { displayName: 'Two', emailId: 'SAME@example.com' },
      ],
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ parameter: 'employees.1.emailId' });
    const listed = await lectern.app.inject({
      url: '/lectern/v1/employees',
      headers: lectern.auth(lectern.adminToken),
    });
    expect(listed.json().employees.some((person: { emailId: string }) => person.emailId === 'same@example.com')).toBe(
      false,
    );
  });

  it('allows the same e-mail in another portal', async () => {
    const other = await lectern.otherPortal();
    const response = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/employees',
      headers: { ...lectern.auth(other.token), ...jsonType },
      payload: JSON.stringify({ displayName: 'Twin', emailId: employeeNamed(lectern, 'Oscar Nilsson').email_id }),
    });
    expect(response.statusCode, response.body).toBe(200);
  });
});
