/** How Zoho shows a person inside other objects (course owners, course admins, shared users). */
import type { EmployeeRow } from './people.repository.ts';

/**
 * The person's photo on Lectern: `{base}/lectern/v1/employees/{erecno}/photo`, with the uploaded photo's key when
 * there is one (without it the generated avatar is served; see employee-photo.service.ts).
 */
export function photoUrl(base: string, row: Pick<EmployeeRow, 'erecno' | 'photo_key'>): string {
  const path = `${base}/lectern/v1/employees/${row.erecno}/photo`;
  return row.photo_key ? `${path}?key=${row.photo_key}` : path;
}

/** A person in Zoho's shape; `base` is where Lectern is reached (http/public-base.ts), for the photo's URL. */
export function presentPerson(
  row: Pick<EmployeeRow, 'erecno' | 'display_name' | 'employee_id' | 'email_id' | 'photo_key'>,
  base: string,
) {
  return {
    erecno: row.erecno,
    displayName: row.display_name,
    employeeId: row.employee_id,
    emailId: row.email_id,
    displayPictureURL: photoUrl(base, row),
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
