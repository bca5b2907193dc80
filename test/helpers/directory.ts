/** Calls to the directory's forms API (Zoho People's envelope) for the directory tests. */
import { issueToken } from '../../src/features/people/portal.service.ts';
import type { TestLectern } from './test-app.ts';

/** The two path forms Zoho documents for every forms call. */
export const pathForms = ['/api/forms', '/people/api/forms'] as const;

/** A GET on a forms path, with the query given as an object. */
export function getForms(lectern: TestLectern, path: string, token: string, query: Record<string, string> = {}) {
  const search = new URLSearchParams(query).toString();
  return lectern.app.inject({
    method: 'GET',
    url: search === '' ? path : `${path}?${search}`,
    headers: lectern.auth(token),
  });
}

/** A POST with a form body, as Zoho's samples send inputData. */
export function postForm(lectern: TestLectern, path: string, token: string, fields: Record<string, string>) {
  return lectern.app.inject({
    method: 'POST',
    url: path,
    headers: { ...lectern.auth(token), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** A token of another portal's admin with the given scopes. */
export async function tokenIn(lectern: TestLectern, portalId: string, scopes: string[]): Promise<string> {
  return (await issueToken(lectern.app.lectern, { portalId, scopes })).token;
}

/** The record ids of a getRecords answer, in order. */
export function recordIds(body: { response: { result: Record<string, unknown>[] } }): string[] {
  return body.response.result.map((record) => Object.keys(record)[0]!);
}

/** The rows of a portal's employees table (to show that a refused write wrote nothing). */
export async function employeeRows(lectern: TestLectern) {
  return lectern.app.lectern.db
    .selectFrom('employees')
    .selectAll()
    .where('portal_id', '=', lectern.portalId)
    .orderBy('erecno')
    .execute();
}
