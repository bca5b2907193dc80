/**
 * Editing a person through the control plane (PATCH /lectern/v1/employees/{erecno}): each field checked and named,
 * e-mail and employee id unique in the portal, the manager a person of the portal and no cycle, in one transaction.
 */
import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { EmployeeTable } from '../../db/database.ts';
import { forbidden, invalidInput, notFound } from '../../errors.ts';
import { email, optionalId, readRoles, roleFlags, text } from './employee-input.ts';
import { checkNoManagerCycle, checkUnique } from './employee-rules.ts';
import type { EmployeeRow } from './people.repository.ts';
import * as lifecycle from './people-lifecycle.repository.ts';

/** The fields a PATCH may carry. */
export const editableFields = [
  'displayName',
  'firstName',
  'lastName',
  'emailId',
  'employeeId',
  'departmentId',
  'designationId',
  'managerErecno',
  'roles',
] as const;

function readChanges(caller: Caller, erecno: string, input: unknown): Partial<EmployeeTable> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidInput('body', 'must be a JSON object of the fields to change');
  }
  const fields = input as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !(editableFields as readonly string[]).includes(key));
  if (unknown.length > 0) {
    const hint = unknown.includes('status') ? ' (use /deactivate or /reactivate)' : '';
    throw invalidInput(unknown[0]!, `is not an editable field${hint}; editable: ${editableFields.join(', ')}`);
  }
  if (Object.keys(fields).length === 0) throw invalidInput('body', `name at least one of ${editableFields.join(', ')}`);
  const changes: Partial<EmployeeTable> = {};
  if ('displayName' in fields) changes.display_name = text(fields.displayName, 'displayName', 200, true)!;
  if ('firstName' in fields) changes.first_name = text(fields.firstName, 'firstName', 100, false) ?? null;
  if ('lastName' in fields) changes.last_name = text(fields.lastName, 'lastName', 100, false) ?? null;
  if ('emailId' in fields) changes.email_id = email(fields.emailId, 'emailId');
  if ('employeeId' in fields) changes.employee_id = text(fields.employeeId, 'employeeId', 50, true)!;
  if ('departmentId' in fields) changes.department_id = optionalId(fields.departmentId, 'departmentId') ?? null;
  if ('designationId' in fields) changes.designation_id = optionalId(fields.designationId, 'designationId') ?? null;
  if ('managerErecno' in fields) changes.manager_erecno = optionalId(fields.managerErecno, 'managerErecno') ?? null;
  if ('roles' in fields) {
    const roles = readRoles(fields.roles, 'roles');
    // An admin taking their own admin role away would lock the portal out of its control plane.
    if (erecno === caller.erecno && !roles.includes('admin') && !caller.isOperator) {
      throw forbidden('an admin cannot take away their own admin role; another admin may');
    }
    Object.assign(changes, roleFlags(roles));
  }
  return changes;
}

/** Changes a person of the caller's portal; answers the row as it now is. */
export async function updateEmployee(
  context: AppContext,
  caller: Caller,
  erecno: string,
  input: unknown,
): Promise<EmployeeRow> {
  const changes = readChanges(caller, erecno, input);
  const portalId = caller.portalId;
  return context.db.transaction().execute(async (trx) => {
    await lifecycle.lockPortal(trx, context.dialect, portalId);
    const row = await lifecycle.findEmployeeForChange(trx, context.dialect, portalId, erecno);
    if (row === undefined) throw notFound('employee', erecno);
    if (changes.email_id !== undefined || changes.employee_id !== undefined) {
      const next = { email_id: changes.email_id ?? row.email_id, employee_id: changes.employee_id ?? row.employee_id };
      await checkUnique(trx, portalId, [next], erecno, '');
    }
    if (changes.manager_erecno) await checkNoManagerCycle(trx, portalId, erecno, changes.manager_erecno);
    if (changes.department_id || changes.designation_id) {
      const wanted = {
        ...(changes.department_id ? { departmentId: changes.department_id } : {}),
        ...(changes.designation_id ? { designationId: changes.designation_id } : {}),
      };
      const found = await lifecycle.findPlacements(trx, portalId, wanted);
      for (const [kind, parameter, id] of [
        ['department', 'departmentId', changes.department_id],
        ['designation', 'designationId', changes.designation_id],
      ] as const) {
        if (id && !found.some((place) => place.kind === kind && place.id === id)) {
          throw invalidInput(parameter, `no ${kind} with id ${id} in this portal`);
        }
      }
    }
    const now = context.clock.now();
    const written = { ...changes, modified_by: caller.erecno, modified_at: now };
    await lifecycle.updateEmployee(trx, portalId, erecno, written);
    return { ...row, ...written };
  });
}
