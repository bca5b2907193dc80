/**
 * Lectern's control plane adds employees to a portal (Zoho People owns them; a throwaway portal needs more than the
 * demo's twenty). Validated whole before anything is written; one insert.
 */
import type { AppContext } from '../../context.ts';
import type { Db, EmployeeTable } from '../../db/database.ts';
import { invalidInput, missingInput } from '../../errors.ts';
import { isNumericId } from '../../ids.ts';
import * as repository from './people.repository.ts';
import { type EmployeeRow, insertEmployees, maxEmployeeNumber } from './people.repository.ts';

export type { EmployeeRow } from './people.repository.ts';

/** At most this many employees in one request. */
export const maxNewEmployees = 200;

const roleColumns = {
  admin: 'is_admin',
  settingsAdmin: 'is_settings_admin',
  dataAdmin: 'is_data_admin',
  trainer: 'is_trainer',
} as const;
type RoleName = keyof typeof roleColumns;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(value: unknown, parameter: string, maximum: number, required: boolean): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) throw missingInput(parameter);
    return undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number') throw invalidInput(parameter, 'must be a string');
  const trimmed = String(value).trim();
  if (trimmed === '' && required) throw missingInput(parameter);
  if (trimmed.length > maximum) throw invalidInput(parameter, `must be at most ${maximum} characters`);
  return trimmed;
}

function readRoles(value: unknown, parameter: string): RoleName[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidInput(parameter, 'must be an array of role names');
  return value.map((role, index) => {
    if (typeof role !== 'string' || !(role in roleColumns)) {
      throw invalidInput(`${parameter}.${index}`, `must be one of ${Object.keys(roleColumns).join(', ')}`);
    }
    return role as RoleName;
  });
}

/** Adds employees (displayName, emailId, optional employeeId, managerErecno, roles, status); answers the new rows. */
export async function addEmployees(context: AppContext, portalId: string, inputs: unknown): Promise<EmployeeRow[]> {
  if (!Array.isArray(inputs) || inputs.length === 0) throw invalidInput('employees', 'must be a non-empty array');
  if (inputs.length > maxNewEmployees) throw invalidInput('employees', `must hold at most ${maxNewEmployees} people`);
  return context.db.transaction().execute(async (trx) => {
    let next = (await maxEmployeeNumber(trx, portalId)) + 1;
    const managers = new Set<string>();
    const rows = inputs.map((input: unknown, index): EmployeeTable => {
      const at = `employees.${index}`;
      if (typeof input !== 'object' || input === null || Array.isArray(input))
        throw invalidInput(at, 'must be an object');
      const fields = input as Record<string, unknown>;
      const emailId = text(fields.emailId, `${at}.emailId`, 200, true)!;
      if (!emailPattern.test(emailId)) throw invalidInput(`${at}.emailId`, 'must be an e-mail address');
      const manager = text(fields.managerErecno, `${at}.managerErecno`, 20, false);
      if (manager !== undefined && !isNumericId(manager))
        throw invalidInput(`${at}.managerErecno`, 'must be an erecno');
      if (manager !== undefined) managers.add(manager);
      const status = text(fields.status, `${at}.status`, 10, false) ?? 'active';
      if (status !== 'active' && status !== 'inactive')
        throw invalidInput(`${at}.status`, 'must be active or inactive');
      const roles = readRoles(fields.roles, `${at}.roles`);
      const erecno = context.ids.next();
      return {
        erecno,
        portal_id: portalId,
        employee_id: text(fields.employeeId, `${at}.employeeId`, 50, false) ?? String(next++),
        display_name: text(fields.displayName, `${at}.displayName`, 200, true)!,
        email_id: emailId,
        photo_url: `https://people.zoho.com/api/viewEmployeePhoto?filename=${erecno}`,
        manager_erecno: manager ?? null,
        status,
        is_admin: roles.includes('admin') ? 1 : 0,
        is_settings_admin: roles.includes('settingsAdmin') ? 1 : 0,
        is_data_admin: roles.includes('dataAdmin') ? 1 : 0,
        is_trainer: roles.includes('trainer') ? 1 : 0,
        created_at: context.clock.now(),
        modified_at: context.clock.now(),
      };
    });
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

/** A page of a portal's employees, one extra row to tell whether more exist. */
export function listEmployees(db: Db, portalId: string, startIndex: number, limit: number): Promise<EmployeeRow[]> {
  return repository.listEmployees(db, portalId, startIndex, limit);
}
