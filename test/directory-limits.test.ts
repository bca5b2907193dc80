/** The directory's routes go through the API-wide limiter, and a keyed insertRecord is written once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employeeRows, getForms } from './helpers/directory.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let token: string;

beforeAll(async () => {
  lectern = await createTestLectern({ rateLimit: true });
  token = await lectern.token(['ZOHOPEOPLE.forms.ALL']);
});
afterAll(() => lectern.close());

describe('limits', () => {
  it('locks a token and route after 30 calls a minute, answering 429 7209 in People’s envelope', async () => {
    for (let call = 1; call <= 30; call += 1) {
      const response = await getForms(lectern, '/api/forms/P_DesignationView/records', token);
      expect(response.statusCode, `call ${call}`).toBe(200);
    }
    const locked = await getForms(lectern, '/api/forms/P_DesignationView/records', token);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json().response.errors.code).toBe(7209);
    // The lock is per route: the same token still reads another one.
    const other = await getForms(lectern, '/api/forms/designation/getRecords', token);
    expect(other.statusCode).toBe(200);
  });

  it('writes a keyed insertRecord once and answers the replay with the same body', async () => {
    const before = (await employeeRows(lectern)).length;
    const send = () =>
      lectern.app.inject({
        method: 'POST',
        url: '/api/forms/json/employee/insertRecord',
        headers: {
          ...lectern.auth(token),
          'content-type': 'application/x-www-form-urlencoded',
          'idempotency-key': 'directory-insert-1',
        },
        payload: new URLSearchParams({
          inputData: JSON.stringify({
            EmployeeID: 'K-1',
            FirstName: 'Kai',
            LastName: 'Ono',
            EmailID: 'kai@example.com',
          }),
        }).toString(),
      });
    const first = await send();
    const again = await send();
    expect(first.json().response.result.message, first.body).toBe('Successfully Added');
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await employeeRows(lectern)).length).toBe(before + 1);
  });
});
