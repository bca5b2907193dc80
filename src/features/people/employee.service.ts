/**
 * Lectern's control plane adds employees to a portal (Zoho People owns them; a throwaway portal needs more than the
 * demo's twenty). Validated whole before anything is written; e-mails and employee ids unique in the portal; one insert.
 */
import type { AppContext } from '../../context.ts';
import type { Db, EmployeeTable } from '../../db/database.ts';
import { invalidInput } from '../../errors.ts';
import { email, optionalId, readRoles, roleFlags, text } from './employee-input.ts';
import { checkUnique } from './employee-rules.ts';
import * as repository from './people.repository.ts';
import { type EmployeeRow, insertEmployees, maxEmployeeNumber } from './people.repository.ts';
import * as lifecycle from './people-lifecycle.repository.ts';

export type { EmployeeRow } from './people.repository.ts';

/** At most this many employees in one request. */
export const maxNewEmployees = 200;

/** Adds employees (displayName, emailId, optional employeeId, managerErecno, roles, status); answers the new rows. */
export async function addEmployees(context: AppContext, portalId: string, inputs: unknown): Promise<EmployeeRow[]> {
  if (!Array.isArray(inputs) || inputs.length === 0) throw invalidInput('employees', 'must be a non-empty array');
  if (inputs.length > maxNewEmployees) throw invalidInput('employees', `must hold at most ${maxNewEmployees} people`);
  return context.db.transaction().execute(async (trx) => {
    await lifecycle.lockPortal(trx, context.dialect, portalId);
    let next = (await maxEmployeeNumber(trx, portalId)) + 1;
    const managers = new Set<string>();
    const rows = inputs.map((input: unknown, index): EmployeeTable => {
      const at = `employees.${index}`;
      if (typeof input !== 'object' || input === null || Array.isArray(input))
        throw invalidInput(at, 'must be an object');
      const fields = input as Record<string, unknown>;
      const emailId = email(fields.emailId, `${at}.emailId`);
      const manager = optionalId(fields.managerErecno, `${at}.managerErecno`);
      if (manager !== undefined) managers.add(manager);
      const status = text(fields.status, `${at}.status`, 10, false) ?? 'active';
      if (status !== 'active' && status !== 'inactive')
        throw invalidInput(`${at}.status`, 'must be active or inactive');
      const roles = readRoles(fields.roles, `${at}.roles`);
      return {
        erecno: context.ids.next(),
        portal_id: portalId,
        employee_id: text(fields.employeeId, `${at}.employeeId`, 50, false) ?? String(next++),
        display_name: text(fields.displayName, `${at}.displayName`, 200, true)!,
        email_id: emailId,
        // The URL is computed when the person is shown (employee.presenter.ts photoUrl).
        photo_url: '',
        manager_erecno: manager ?? null,
        status,
        ...roleFlags(roles),
        created_at: context.clock.now(),
        modified_at: context.clock.now(),
      };
    });
    await checkUnique(trx, portalId, rows, undefined, 'employees.');
    const known = await repository.findEmployees(trx, portalId, [...managers]);
    rows.forEach((row, index) => {
      if (row.manager_erecno !== null && !known.some((person) => person.erecno === row.manager_erecno)) {
        throw invalidInput(`employees.${index}.managerErecno`, `no employee with erecno ${row.manager_erecno}`);
      }
    });
    await insertEmployees(trx, rows);
    return rows;
  });
}

// The people directory: how every other feature reads employees.

/** One employee of a portal. */
export function findEmployee(db: Db, portalId: string, erecno: string): Promise<EmployeeRow | undefined> {
  return repository.findEmployee(db, portalId, erecno);
}

/** Employees of a portal by erecno, in one query; unknown ones are simply absent. */
export function findEmployees(db: Db, portalId: string, erecnos: readonly string[]): Promise<EmployeeRow[]> {
  return repository.findEmployees(db, portalId, erecnos);
}

/** A page of a portal's employees, one extra row to tell whether more exist; `search` keeps the matching ones. */
export function listEmployees(
  db: Db,
  portalId: string,
  startIndex: number,
  limit: number,
  search?: string,
): Promise<EmployeeRow[]> {
  return repository.listEmployees(db, portalId, startIndex, limit, search);
}
