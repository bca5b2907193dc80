/** Calls of the reference data tests: /lectern/v1 locations, rooms, categories and grade categories as JSON. */
import type { TestLectern } from './test-app.ts';

/** Sends a JSON request (a body only when given) with the token, the admin's unless given. */
export function call(
  lectern: TestLectern,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  token = lectern.adminToken,
) {
  return lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

/** Gives a demo person the admin flags named (LMS, settings, data admin), replacing their current ones. */
export async function setAdminFlags(
  lectern: TestLectern,
  erecno: string,
  flags: { admin?: boolean; settings?: boolean; data?: boolean },
): Promise<void> {
  await lectern.app.lectern.db
    .updateTable('employees')
    .set({
      is_admin: flags.admin ? 1 : 0,
      is_settings_admin: flags.settings ? 1 : 0,
      is_data_admin: flags.data ? 1 : 0,
    })
    .where('erecno', '=', erecno)
    .execute();
}

/** The number of rows of a table in the portal (a refused write must leave it as it was). */
export async function countRows(
  lectern: TestLectern,
  table: 'locations' | 'rooms' | 'categories',
  portalId = lectern.portalId,
): Promise<number> {
  const row = await lectern.app.lectern.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where('portal_id', '=', portalId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
