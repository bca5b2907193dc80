/** Zoho People's directory reads: getRecords and the views, both path forms, paging, search, modifiedtime, errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getForms, pathForms, recordIds, tokenIn } from './helpers/directory.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let reader: string;

beforeAll(async () => {
  lectern = await createTestLectern();
  reader = await lectern.token(['ZOHOPEOPLE.forms.READ']);
});
afterAll(() => lectern.close());

describe('getRecords', () => {
  it.each(pathForms)('answers the employee form under %s in People’s envelope, uri in its /api form', async (base) => {
    const response = await getForms(lectern, `${base}/employee/getRecords`, reader);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/json;charset=UTF-8');
    const body = response.json();
    expect(body.response).toMatchObject({
      message: 'Data fetched successfully',
      uri: '/api/forms/employee/getRecords',
      status: 0,
    });
    expect(body.response.result).toHaveLength(20);
    const adam = lectern.employees[0]!;
    const record = body.response.result.find((item: object) => adam.erecno in item)[adam.erecno];
    expect(record).toHaveLength(1);
    expect(record[0]).toMatchObject({
      EmployeeID: '1',
      FirstName: 'Adam',
      LastName: 'Fischer',
      EmailID: adam.email_id,
      Department: 'Management',
      Designation: 'Chief Executive Officer',
      Employeestatus: 'Active',
      'Employeestatus.type': 1,
      Reporting_To: '',
    });
    // Zoho_ID is the erecno as a JSON number, every digit kept (JSON.parse would round it).
    expect(response.body).toContain(`"Zoho_ID":${adam.erecno}`);
    expect(response.body).not.toContain(`"Zoho_ID":"`);
  });

  it('shows managers, departments and designations by their record ids', async () => {
    const response = await getForms(lectern, '/api/forms/employee/getRecords', reader, {
      SearchColumn: 'EMPLOYEEID',
      SearchValue: '6',
    });
    const [record] = response.json().response.result;
    const fatima = Object.values(record)[0] as Record<string, unknown>[];
    const emeka = lectern.employees[4]!;
    expect(fatima[0]).toMatchObject({
      FirstName: 'Fatima',
      Reporting_To: `Emeka Okafor ${emeka.employee_id}`,
      'Reporting_To.ID': emeka.erecno,
      'Reporting_To.MailID': emeka.email_id,
      Department: 'Engineering',
    });
    const departments = await getForms(lectern, '/api/forms/department/getRecords', reader);
    const engineering = departments
      .json()
      .response.result.find(
        (item: Record<string, { Department: string }[]>) => Object.values(item)[0]![0]!.Department === 'Engineering',
      );
    expect(Object.keys(engineering)[0]).toBe(fatima[0]!['Department.ID']);
  });

  it('pages from sIndex 1 by limit across the end, then answers 7024', async () => {
    const seen: string[] = [];
    for (const [sIndex, size] of [
      [1, 7],
      [8, 7],
      [15, 6],
    ] as const) {
      const response = await getForms(lectern, '/people/api/forms/employee/getRecords', reader, {
        sIndex: String(sIndex),
        limit: '7',
      });
      const ids = recordIds(response.json());
      expect(ids, `sIndex ${sIndex}`).toHaveLength(size);
      seen.push(...ids);
    }
    expect(new Set(seen).size).toBe(20);
    // Newest first; people made together come in descending id order.
    expect(seen).toEqual([...seen].sort().reverse());
    const past = await getForms(lectern, '/people/api/forms/employee/getRecords', reader, { sIndex: '21', limit: '7' });
    expect(past.statusCode).toBe(200);
    expect(past.json()).toEqual({
      response: {
        message: 'Error occurred',
        uri: '/api/forms/employee/getRecords',
        errors: { code: 7024, message: 'No records found' },
        status: 1,
      },
    });
  });

  it('finds an employee by id and by e-mail address in either spelling of the parameters', async () => {
    const hana = lectern.employees[7]!;
    for (const query of <Record<string, string>[]>[
      { SearchColumn: 'EMPLOYEEID', SearchValue: hana.employee_id },
      { searchColumn: 'EMPLOYEEMAILALIAS', searchValue: hana.email_id.toUpperCase() },
    ]) {
      const response = await getForms(lectern, '/api/forms/employee/getRecords', reader, query);
      expect(recordIds(response.json()), JSON.stringify(query)).toEqual([hana.erecno]);
    }
    const none = await getForms(lectern, '/api/forms/employee/getRecords', reader, {
      SearchColumn: 'EMPLOYEEMAILALIAS',
      SearchValue: 'nobody@example.com',
    });
    expect(none.json().response.errors.code).toBe(7024);
  });

  it('lists departments and designations', async () => {
    const departments = await getForms(lectern, '/api/forms/department/getRecords', reader);
    expect(departments.json().response.result).toHaveLength(4);
    const designations = await getForms(lectern, '/api/forms/designation/getRecords', reader);
    const first = designations.json().response.result[0];
    const id = Object.keys(first)[0]!;
    expect(designations.body).toContain(`"Zoho_ID":${id}`);
    expect(designations.json().response.result).toHaveLength(6);
  });

  it('answers 7011, 7021 and 7042 in the envelope with HTTP 200, and names a bad sIndex with a 400', async () => {
    const cases: [string, Record<string, string>, number, string][] = [
      ['/api/forms/leave/getRecords', {}, 7011, "Form name 'leave' is invalid"],
      ['/api/forms/employee/getRecords', { limit: '201' }, 7021, 'Maximum record limit 200 is exceeded'],
      [
        '/api/forms/employee/getRecords',
        { SearchColumn: 'NAME', SearchValue: 'x' },
        7042,
        'Specified search value "x" is invalid',
      ],
      [
        '/api/forms/employee/getRecords',
        { SearchColumn: 'EMPLOYEEMAILALIAS', SearchValue: 'not-mail' },
        7042,
        'Specified search value "not-mail" is invalid',
      ],
    ];
    for (const [path, query, code, message] of cases) {
      const response = await getForms(lectern, path, reader, query);
      expect(response.statusCode, path).toBe(200);
      expect(response.json().response, path).toMatchObject({
        message: 'Error occurred',
        errors: { code, message },
        status: 1,
      });
      expect(response.json().response.result).toBeUndefined();
    }
    const bad = await getForms(lectern, '/api/forms/employee/getRecords', reader, { sIndex: '0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().response.errors.code).toBe('INVALID_INPUT');
    expect(Object.keys(bad.json().response.errors.message)).toEqual(['sIndex']);
  });
});

describe('view records', () => {
  it.each(pathForms)('answers P_EmployeeView under %s as a bare array of labelled strings', async (base) => {
    const response = await getForms(lectern, `${base}/P_EmployeeView/records`, reader, { rec_limit: '200' });
    expect(response.statusCode, response.body).toBe(200);
    const rows = response.json();
    expect(Array.isArray(rows)).toBe(true);
    expect(rows).toHaveLength(20);
    const adam = rows.find((row: { recordId: string }) => row.recordId === lectern.adminErecno);
    expect(adam).toMatchObject({
      EmployeeID: '1',
      'First Name': 'Adam',
      'Last Name': 'Fischer',
      Department: 'Management',
      Title: 'Chief Executive Officer',
    });
    for (const row of rows) for (const value of Object.values(row)) expect(typeof value).toBe('string');
  });

  it('pages by sIndex and rec_limit, then answers an empty array past the end', async () => {
    const last = await getForms(lectern, '/api/forms/P_EmployeeView/records', reader, { sIndex: '17', rec_limit: '8' });
    expect(last.json()).toHaveLength(4);
    const past = await getForms(lectern, '/api/forms/P_EmployeeView/records', reader, { sIndex: '21', rec_limit: '8' });
    expect(past.statusCode).toBe(200);
    expect(past.json()).toEqual([]);
  });

  it('searches by e-mail and serves the department and designation views', async () => {
    const hana = lectern.employees[7]!;
    const found = await getForms(lectern, '/api/forms/P_EmployeeView/records', reader, {
      searchColumn: 'EMPLOYEEMAILALIAS',
      searchValue: hana.email_id,
    });
    expect(found.json().map((row: { recordId: string }) => row.recordId)).toEqual([hana.erecno]);
    const departments = await getForms(lectern, '/api/forms/P_DepartmentView/records', reader);
    expect(
      departments
        .json()
        .map((row: { Department: string }) => row.Department)
        .sort(),
    ).toEqual(['Engineering', 'Management', 'People Operations', 'Sales']);
    const designations = await getForms(lectern, '/api/forms/P_DesignationView/records', reader);
    expect(designations.json()).toHaveLength(6);
  });

  it('refuses an unknown view with 7012 and a page over 200 with 7021, as 400s', async () => {
    const unknown = await getForms(lectern, '/api/forms/P_LeaveView/records', reader);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().response.errors).toEqual({ code: 7012, message: 'View name invalid' });
    const big = await getForms(lectern, '/api/forms/P_EmployeeView/records', reader, { rec_limit: '201' });
    expect(big.statusCode).toBe(400);
    expect(big.json().response.errors.code).toBe(7021);
  });
});

describe('modifiedtime', () => {
  it('keeps rows changed at or after the time, as epoch ms or dd-MMM-yyyy', async () => {
    lectern.clock.advance(3 * 86_400_000);
    const since = lectern.clock.now();
    const ivan = lectern.employees[8]!;
    await lectern.app.lectern.db
      .updateTable('employees')
      .set({ modified_at: since })
      .where('erecno', '=', ivan.erecno)
      .execute();
    const recent = await getForms(lectern, '/api/forms/employee/getRecords', reader, { modifiedtime: String(since) });
    expect(recordIds(recent.json())).toEqual([ivan.erecno]);
    const view = await getForms(lectern, '/api/forms/P_EmployeeView/records', reader, { modifiedtime: String(since) });
    expect(view.json().map((row: { recordId: string }) => row.recordId)).toEqual([ivan.erecno]);
    const day = new Date(since).toUTCString().split(' ');
    const dayText = `${day[1]}-${day[2]}-${day[3]}`;
    const byDay = await getForms(lectern, '/api/forms/employee/getRecords', reader, { modifiedtime: dayText });
    expect(recordIds(byDay.json())).toEqual([ivan.erecno]);
    const future = await getForms(lectern, '/api/forms/employee/getRecords', reader, {
      modifiedtime: String(since + 1),
    });
    expect(future.json().response.errors.code).toBe(7024);
    const bad = await getForms(lectern, '/api/forms/employee/getRecords', reader, { modifiedtime: 'yesterday' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('scopes and portals', () => {
  it('refuses a training token with People’s scope error, in the envelope', async () => {
    for (const path of ['/api/forms/employee/getRecords', '/people/api/forms/P_EmployeeView/records']) {
      const response = await getForms(lectern, path, lectern.adminToken);
      expect(response.statusCode, path).toBe(403);
      expect(response.json().response.errors.code, path).toBe(7218);
      expect(response.json().response.errors.message, path).toContain('ZOHOPEOPLE.forms.READ');
    }
  });

  it('admits forms.ALL and employee.ALL, issued in any case', async () => {
    const minted = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/tokens',
      headers: {
        ...lectern.auth(await lectern.token(['ZOHOPEOPLE.forms.ALL', 'ALL'])),
        'content-type': 'application/json',
      },
      payload: JSON.stringify({ scopes: ['zohopeople.Forms.read'] }),
    });
    expect(minted.statusCode, minted.body).toBe(200);
    expect(minted.json().scopes).toEqual(['ZOHOPEOPLE.forms.READ']);
    for (const token of [minted.json().token, await lectern.token(['ZOHOPEOPLE.employee.ALL'])]) {
      const response = await getForms(lectern, '/api/forms/employee/getRecords', token, { limit: '1' });
      expect(response.statusCode, response.body).toBe(200);
    }
  });

  it("never shows another portal's people", async () => {
    const other = await lectern.otherPortal();
    const stranger = await tokenIn(lectern, other.portalId, ['ZOHOPEOPLE.forms.READ']);
    const response = await getForms(lectern, '/api/forms/employee/getRecords', stranger);
    const ids = recordIds(response.json());
    expect(ids).toHaveLength(20);
    for (const person of lectern.employees) expect(ids).not.toContain(person.erecno);
    const search = await getForms(lectern, '/api/forms/P_EmployeeView/records', stranger, {
      searchColumn: 'EMPLOYEEMAILALIAS',
      searchValue: lectern.employees[3]!.email_id,
    });
    expect(search.json()).toEqual([]);
  });
});
