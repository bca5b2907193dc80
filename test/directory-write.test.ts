/** insertRecord and updateRecord on Zoho People's employee form: both path forms, read back, refusals write nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employeeRows, getForms, postForm, recordIds, tokenIn } from './helpers/directory.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let writer: string;
let departmentId: string;

beforeAll(async () => {
  lectern = await createTestLectern();
  writer = await lectern.token(['ZOHOPEOPLE.forms.ALL']);
  const departments = await getForms(lectern, '/api/forms/department/getRecords', writer);
  const sales = departments
    .json()
    .response.result.find(
      (item: Record<string, { Department: string }[]>) => Object.values(item)[0]![0]!.Department === 'Sales',
    );
  departmentId = Object.keys(sales)[0]!;
});
afterAll(() => lectern.close());

const newcomer = (n: number) => ({
  EmployeeID: `N-${n}`,
  FirstName: 'Noor',
  LastName: `Aziz ${n}`,
  EmailID: `noor.aziz${n}@example.com`,
});

function insert(inputData: unknown, path = '/people/api/forms/json/employee/insertRecord', token = writer) {
  return postForm(lectern, path, token, {
    inputData: typeof inputData === 'string' ? inputData : JSON.stringify(inputData),
  });
}

describe('insertRecord', () => {
  it('adds an employee from a form body, readable through the directory and /lectern/v1/employees', async () => {
    const manager = lectern.employees[9]!;
    const response = await insert({
      ...newcomer(1),
      Department: departmentId,
      Reporting_To: manager.erecno,
      Dateofjoining: '04-Mar-2026',
      Mobile: '+44 20 7946 0000',
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.response).toMatchObject({
      message: 'Data added successfully',
      uri: '/api/forms/json/employee/insertRecord',
      status: 0,
      result: { message: 'Successfully Added' },
    });
    const pkId: string = body.response.result.pkId;
    expect(pkId).toMatch(/^\d{18}$/);

    const read = await getForms(lectern, '/api/forms/employee/getRecords', writer, {
      SearchColumn: 'EMPLOYEEID',
      SearchValue: 'N-1',
    });
    expect(recordIds(read.json())).toEqual([pkId]);
    expect(read.body).toContain(`"Zoho_ID":${pkId}`);
    expect(read.json().response.result[0][pkId][0]).toMatchObject({
      FirstName: 'Noor',
      LastName: 'Aziz 1',
      Department: 'Sales',
      'Department.ID': departmentId,
      'Reporting_To.ID': manager.erecno,
      Dateofjoining: '04-Mar-2026',
      Mobile: '+44 20 7946 0000',
      AddedBy: '1 - Adam - Fischer',
    });
    // The newest record comes first.
    const first = await getForms(lectern, '/api/forms/employee/getRecords', writer, { limit: '1' });
    expect(recordIds(first.json())).toEqual([pkId]);

    const employees = await lectern.app.inject({
      url: '/lectern/v1/employees?startIndex=0',
      headers: lectern.auth(lectern.adminToken),
    });
    const listed = employees.json().employees.find((person: { erecno: string }) => person.erecno === pkId);
    expect(listed).toMatchObject({ displayName: 'Noor Aziz 1', employeeId: 'N-1', emailId: 'noor.aziz1@example.com' });
  });

  it('takes inputData in the query string under /api/forms, and names fields it does not keep', async () => {
    const inputData = encodeURIComponent(JSON.stringify({ ...newcomer(2), Gender: 'Female' }));
    const response = await lectern.app.inject({
      method: 'POST',
      url: `/api/forms/json/employee/insertRecord?inputData=${inputData}`,
      headers: lectern.auth(writer),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().response.result.message).toBe('Successfully Added');
    expect(response.headers['x-lectern-warning']).toContain('Gender');
  });

  it("reads inputData written as Zoho's samples write it, keys unquoted", async () => {
    const response = await insert("{EmployeeID:'N-3',FirstName:'Zoe',LastName:\"Ray\",EmailID:'zoe.ray@example.com'}");
    expect(response.json().response.result.message, response.body).toBe('Successfully Added');
  });

  it('refuses bad inputData in People’s error shape and writes nothing', async () => {
    const before = await employeeRows(lectern);
    const taken = lectern.employees[2]!;
    const cases: [unknown, number, Record<string, string> | string][] = [
      ['{"EmployeeID":', 7052, 'inputData'] as never,
      [{ EmployeeID: 'N-9', FirstName: 'A', EmailID: 'a9@example.com' }, 7052, 'LastName'] as never,
      [{ ...newcomer(9), EmailID: taken.email_id.toUpperCase() }, 7052, 'EmailID'] as never,
      [{ ...newcomer(9), EmployeeID: taken.employee_id }, 7052, 'EmployeeID'] as never,
      [{ ...newcomer(9), EmailID: 'not an address' }, 7052, 'EmailID'] as never,
      [{ ...newcomer(9), Reporting_To: '123456789012345678' }, 7052, 'Reporting_To'] as never,
      [{ ...newcomer(9), Salary: '1' }, 7013, 'Salary'] as never,
    ];
    for (const [inputData, code, field] of cases) {
      const response = await insert(inputData);
      const where = JSON.stringify(inputData);
      expect(response.statusCode, where).toBe(200);
      const errors = response.json().response.errors;
      expect(errors.code, where).toBe(code);
      expect(Object.keys(errors.message), where).toEqual([field]);
      expect(response.json().response.status, where).toBe(1);
    }
    const missing = await postForm(lectern, '/api/forms/json/employee/insertRecord', writer, {});
    expect(missing.json().response.errors).toEqual({ code: 7052, message: { inputData: 'inputData is mandatory' } });
    expect(await employeeRows(lectern)).toEqual(before);
  });

  it('refuses a manager from another portal, another form, and people who may not add', async () => {
    const before = await employeeRows(lectern);
    const other = await lectern.otherPortal();
    const stranger = (await employeeRowsOf(other.portalId))[0]!;
    const foreign = await insert({ ...newcomer(10), Reporting_To: stranger.erecno });
    expect(foreign.json().response.errors.message).toHaveProperty('Reporting_To');
    const department = await insert(newcomer(10), '/api/forms/json/department/insertRecord');
    expect(department.json().response.errors.code).toBe(7038);
    const learner = await lectern.token(['ZOHOPEOPLE.forms.ALL'], lectern.employees[6]!.erecno);
    const refused = await insert(newcomer(10), undefined, learner);
    expect(refused.json().response.errors).toEqual({ code: 7038, message: 'Permission denied to add record' });
    const training = await insert(newcomer(10), undefined, lectern.adminToken);
    expect(training.statusCode).toBe(403);
    expect(training.json().response.errors.code).toBe(7218);
    const reader = await lectern.token(['ZOHOPEOPLE.forms.READ']);
    expect((await insert(newcomer(10), undefined, reader)).json().response.errors.code).toBe(7218);
    expect(await employeeRows(lectern)).toEqual(before);
  });
});

describe('simultaneous inserts', () => {
  it('of one e-mail address add one person and refuse the others', async () => {
    const same = { FirstName: 'Tam', LastName: 'Le', EmailID: 'tam.le@example.com' };
    const answers = await Promise.all(
      [1, 2, 3, 4].map((n) => insert({ ...same, EmployeeID: `T-${n}` }, '/api/forms/json/employee/insertRecord')),
    );
    const added = answers.filter((response) => response.json().response.status === 0);
    expect(added).toHaveLength(1);
    const rows = (await employeeRows(lectern)).filter((row) => row.email_id === same.EmailID);
    expect(rows).toHaveLength(1);
  });
});

async function employeeRowsOf(portalId: string) {
  return lectern.app.lectern.db.selectFrom('employees').selectAll().where('portal_id', '=', portalId).execute();
}

describe('updateRecord', () => {
  it.each(['/api/forms/json/employee/updateRecord', '/people/api/forms/json/employee/updateRecord'])(
    'changes an employee through %s; their LMS name follows',
    async (path) => {
      const gustav = lectern.employees[6]!;
      lectern.clock.advance(60_000);
      const response = await postForm(lectern, path, writer, {
        recordId: gustav.erecno,
        inputData: JSON.stringify({
          FirstName: `Gus${path.length}`,
          Department: departmentId,
          Work_phone: '+1 555 0000',
        }),
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().response).toMatchObject({
        result: { pkId: gustav.erecno, message: 'Successfully Updated' },
        message: 'Data updated successfully',
        uri: '/api/forms/json/employee/updateRecord',
        status: 0,
      });
      const read = await getForms(lectern, '/api/forms/employee/getRecords', writer, {
        SearchColumn: 'EMPLOYEEID',
        SearchValue: gustav.employee_id,
      });
      const record = read.json().response.result[0][gustav.erecno][0];
      expect(record).toMatchObject({ FirstName: `Gus${path.length}`, LastName: 'Lind', Department: 'Sales' });
      expect(record.ModifiedTime).toBe(String(lectern.clock.now()));
      const employees = await lectern.app.inject({
        url: '/lectern/v1/employees',
        headers: lectern.auth(lectern.adminToken),
      });
      const listed = employees.json().employees.find((person: { erecno: string }) => person.erecno === gustav.erecno);
      expect(listed.displayName).toBe(`Gus${path.length} Lind`);
    },
  );

  it('answers "no modification" when nothing changes, and 7039 for a record outside the portal', async () => {
    const lena = lectern.employees[11]!;
    const same = await postForm(lectern, '/api/forms/json/employee/updateRecord', writer, {
      recordId: lena.erecno,
      inputData: JSON.stringify({ EmailID: lena.email_id }),
    });
    expect(same.json().response.result.message).toBe('There is no modification done in this record');
    const before = await employeeRows(lectern);
    const other = await lectern.otherPortal();
    const outsider = await tokenIn(lectern, other.portalId, ['ZOHOPEOPLE.forms.ALL']);
    const foreign = await postForm(lectern, '/api/forms/json/employee/updateRecord', outsider, {
      recordId: lena.erecno,
      inputData: JSON.stringify({ FirstName: 'Stolen' }),
    });
    expect(foreign.json().response.errors).toEqual({
      code: 7039,
      message: { Security_Error: 'Permission denied to update this record' },
    });
    const duplicate = await postForm(lectern, '/api/forms/json/employee/updateRecord', writer, {
      recordId: lena.erecno,
      inputData: JSON.stringify({ EmailID: lectern.employees[12]!.email_id }),
    });
    expect(Object.keys(duplicate.json().response.errors.message)).toEqual(['EmailID']);
    const badJson = await postForm(lectern, '/api/forms/json/employee/updateRecord', writer, {
      recordId: lena.erecno,
      inputData: '{FirstName:',
    });
    expect(badJson.json().response.errors.code).toBe(7052);
    expect(await employeeRows(lectern)).toEqual(before);
  });
});
