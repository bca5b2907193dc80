/** How the control plane shows a person: Zoho's person keys, then the directory fields, manager, status and roles. */
import { type EmployeeRow, presentPerson, rolesOf } from '../features/people/index.ts';

/** One employee; `base` is where Lectern is reached (http/public-base.ts), for the photo's URL. */
export function presentEmployee(row: EmployeeRow, base: string) {
  return {
    ...presentPerson(row, base),
    firstName: row.first_name ?? null,
    lastName: row.last_name ?? null,
    departmentId: row.department_id ?? null,
    designationId: row.designation_id ?? null,
    managerErecno: row.manager_erecno,
    status: row.status,
    roles: rolesOf(row),
  };
}
