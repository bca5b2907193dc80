/**
 * Directory rows in Zoho People's shapes: getRecords' flat records (API field names, `Zoho_ID` the record id, which
 * people-envelope.ts writes as an exact JSON number) and the views' records (display labels, every value a string).
 */

import { displayDate } from '../../dates.ts';
import type { DesignationTable } from '../../db/database.ts';
import { photoUrl } from '../people/index.ts';
import type { DepartmentRecordRow, EmployeeRecordRow } from './directory.repository.ts';
import type { FormPage } from './directory.service.ts';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value: number) => String(value).padStart(2, '0');

/** `dd-MMM-yyyy HH:mm:ss` in UTC, as People's AddedTime reads. */
function addedTimeText(epochMs: number): string {
  const at = new Date(epochMs);
  const day = `${two(at.getUTCDate())}-${months[at.getUTCMonth()]}-${at.getUTCFullYear()}`;
  return `${day} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`;
}

/** People's "EmpID - First - Last" for AddedBy and ModifiedBy. */
function byText(name: string | null, employeeId: string | null): string {
  if (name === null || employeeId === null) return '';
  const [first, ...rest] = name.split(' ');
  return `${employeeId} - ${first} - ${rest.join(' ')}`;
}

function firstName(row: EmployeeRecordRow): string {
  return row.first_name ?? row.display_name.split(' ')[0] ?? '';
}

function lastName(row: EmployeeRecordRow): string {
  return row.last_name ?? row.display_name.split(' ').slice(1).join(' ');
}

function systemFields(row: {
  created_at: number;
  modified_at: number;
  added_by?: string | null;
  added_by_name?: string | null;
  added_by_employee_id?: string | null;
  modified_by?: string | null;
  modified_by_name?: string | null;
  modified_by_employee_id?: string | null;
}) {
  return {
    ApprovalStatus: 'Approval Not Enabled',
    AddedBy: byText(row.added_by_name ?? null, row.added_by_employee_id ?? null),
    'AddedBy.ID': row.added_by ?? '',
    ModifiedBy: byText(row.modified_by_name ?? null, row.modified_by_employee_id ?? null),
    'ModifiedBy.ID': row.modified_by ?? '',
    AddedTime: addedTimeText(row.created_at),
    CreatedTime: String(row.created_at),
    ModifiedTime: String(row.modified_at),
  };
}

/** An employee as getRecords shows them. */
export function presentEmployeeRecord(row: EmployeeRecordRow, base: string) {
  const active = row.status === 'active';
  return {
    EmployeeID: row.employee_id,
    FirstName: firstName(row),
    LastName: lastName(row),
    EmailID: row.email_id,
    Nick_Name: '',
    Department: row.department_name ?? '',
    'Department.ID': row.department_name === null ? '' : (row.department_id ?? ''),
    Designation: row.designation_name ?? '',
    'Designation.ID': row.designation_name === null ? '' : (row.designation_id ?? ''),
    Employeestatus: active ? 'Active' : 'Inactive',
    'Employeestatus.type': active ? 1 : 0,
    Reporting_To: row.manager_name === null ? '' : `${row.manager_name} ${row.manager_employee_id}`,
    'Reporting_To.ID': row.manager_name === null ? '' : (row.manager_erecno ?? ''),
    'Reporting_To.MailID': row.manager_email ?? '',
    Role: row.is_admin === 1 ? 'Admin' : 'Team member',
    Dateofjoining: row.date_of_joining === null ? '' : displayDate(row.date_of_joining),
    Dateofexit: '',
    Mobile: row.mobile ?? '',
    Work_phone: row.work_phone ?? '',
    Extension: '',
    Other_Email: '',
    Work_location: '',
    Tags: '',
    Photo: photoUrl(base, row),
    ZUID: '',
    ...systemFields(row),
    Zoho_ID: row.erecno,
    tabularSections: { 'Education Details': [{}], 'Work experience': [{}], 'Dependent Details': [{}] },
  };
}

/** A department as getRecords shows it. */
export function presentDepartmentRecord(row: DepartmentRecordRow) {
  return {
    Department: row.name,
    Department_Lead: row.lead_name === null ? '' : `${row.lead_name} ${row.lead_employee_id}`,
    'Department_Lead.ID': row.lead_name === null ? '' : (row.lead_erecno ?? ''),
    'Department_Lead.MailID': row.lead_email ?? '',
    Parent_Department: row.parent_name ?? '',
    'Parent_Department.ID': row.parent_name === null ? '' : (row.parent_id ?? ''),
    MailAlias: row.mail_alias,
    ZP_Department_Code: row.code,
    ...systemFields(row),
    Zoho_ID: row.id,
  };
}

/** A designation as getRecords shows it. */
export function presentDesignationRecord(row: DesignationTable) {
  return {
    Designation: row.name,
    ZP_Designation_Code: row.code,
    MailAlias: row.mail_alias,
    ...systemFields(row),
    Zoho_ID: row.id,
  };
}

/** P_EmployeeView's record: display labels, every value a string. */
export function presentEmployeeView(row: EmployeeRecordRow, base: string): Record<string, string> {
  return {
    recordId: row.erecno,
    EmployeeID: row.employee_id,
    'First Name': firstName(row),
    'Last Name': lastName(row),
    'Email ID': row.email_id,
    'Nick Name': '',
    Department: row.department_name ?? '',
    Title: row.designation_name ?? '',
    'Employee Role': row.is_admin === 1 ? 'Admin' : 'Team member',
    'Date of joining': row.date_of_joining === null ? '' : displayDate(row.date_of_joining),
    'Reporting To': row.manager_name === null ? '' : `${row.manager_name} ${row.manager_employee_id}`,
    'Work location': '',
    'Work phone': row.work_phone ?? '',
    Extension: '',
    'Other Email': '',
    'Birth Date': '',
    'Mobile Phone': row.mobile ?? '',
    Address: '',
    Tags: '',
    'Job Description': '',
    Photo: photoUrl(base, row),
    ownerID: row.added_by ?? '',
    ownerName: row.added_by_name ?? '',
  };
}

/** P_DepartmentView's record. */
export function presentDepartmentView(row: DepartmentRecordRow): Record<string, string> {
  return {
    recordId: row.id,
    Department: row.name,
    'Department Lead': row.lead_name === null ? '' : `${row.lead_name} ${row.lead_employee_id}`,
    'Parent Department': row.parent_name ?? '',
    'Mail Alias': row.mail_alias,
    'Department Code': row.code,
  };
}

/** P_DesignationView's record. */
export function presentDesignationView(row: DesignationTable): Record<string, string> {
  return {
    recordId: row.id,
    Designation: row.name,
    'Mail Alias': row.mail_alias,
    'Designation Code': row.code,
  };
}

/** getRecords' result: one-key objects, record id to a one-record array; `base` is where Lectern is reached. */
export function presentFormRecords(page: FormPage, base: string): Record<string, unknown[]>[] {
  if (page.form === 'employee') return page.rows.map((row) => ({ [row.erecno]: [presentEmployeeRecord(row, base)] }));
  if (page.form === 'department') return page.rows.map((row) => ({ [row.id]: [presentDepartmentRecord(row)] }));
  return page.rows.map((row) => ({ [row.id]: [presentDesignationRecord(row)] }));
}

/** A view's answer: its flat records; `base` is where Lectern is reached (the Photo URL). */
export function presentViewRecords(page: FormPage, base: string): Record<string, string>[] {
  if (page.form === 'employee') return page.rows.map((row) => presentEmployeeView(row, base));
  if (page.form === 'department') return page.rows.map(presentDepartmentView);
  return page.rows.map(presentDesignationView);
}
