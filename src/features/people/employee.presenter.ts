/** How Zoho shows a person inside other objects (course owners, course admins, shared users). */
import type { EmployeeRow } from './people.repository.ts';

/** A person in Zoho's shape. */
export function presentPerson(row: EmployeeRow) {
  return {
    erecno: row.erecno,
    displayName: row.display_name,
    employeeId: row.employee_id,
    emailId: row.email_id,
    displayPictureURL: row.photo_url,
  };
}

/** The LMS roles of an employee, as Lectern's control plane lists them. */
export function rolesOf(row: EmployeeRow): string[] {
  const roles: string[] = [];
  if (row.is_admin === 1) roles.push('admin');
  if (row.is_settings_admin === 1) roles.push('settingsAdmin');
  if (row.is_data_admin === 1) roles.push('dataAdmin');
  if (row.is_trainer === 1) roles.push('trainer');
  return roles;
}
