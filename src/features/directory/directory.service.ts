/**
 * Zoho People's directory through its forms API: pages of employees, departments and designations (getRecords and
 * the views), and employees added and changed through insertRecord and updateRecord, always in the caller's portal.
 */
import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { DesignationTable, EmployeeTable } from '../../db/database.ts';
import { LmsError } from '../../errors.ts';
import { isNumericId } from '../../ids.ts';
import * as repository from './directory.repository.ts';
import { type DirectoryForm, directoryForms } from './directory.schemas.ts';
import { peopleError, type RecordFilters, readFilters } from './directory-input.ts';
import { type EmployeeChanges, readEmployeeFields } from './employee-fields.ts';

type Query = Record<string, unknown>;

function formOf(name: string): DirectoryForm {
  if (!(directoryForms as readonly string[]).includes(name)) {
    throw peopleError('7011', `Form name '${name.slice(0, 64)}' is invalid`);
  }
  return name as DirectoryForm;
}

/** A page of one directory form's rows, tagged with the form (the presenter shows each its own way). */
export type FormPage =
  | { form: 'employee'; rows: repository.EmployeeRecordRow[] }
  | { form: 'department'; rows: repository.DepartmentRecordRow[] }
  | { form: 'designation'; rows: DesignationTable[] };

async function pageOf(context: AppContext, form: DirectoryForm, page: repository.RecordQuery): Promise<FormPage> {
  if (form === 'employee') return { form, rows: await repository.listEmployeeRecords(context.db, page) };
  if (form === 'department') return { form, rows: await repository.listDepartmentRecords(context.db, page) };
  return { form, rows: await repository.listDesignationRecords(context.db, page) };
}

function refuseSearchOutsideEmployees(form: DirectoryForm, filters: RecordFilters): void {
  if (filters.search !== undefined && form !== 'employee') {
    throw peopleError('7042', `Specified search value ${JSON.stringify(filters.search.value)} is invalid`);
  }
}

/** getRecords: a page of the form's rows in the caller's portal; 7024 when the page is empty. */
export async function listFormRecords(
  context: AppContext,
  caller: Caller,
  formName: string,
  query: Query,
): Promise<FormPage> {
  const form = formOf(formName);
  const filters = readFilters(query, 'limit');
  refuseSearchOutsideEmployees(form, filters);
  const page = await pageOf(context, form, { portalId: caller.portalId, ...filters });
  if (page.rows.length === 0) throw peopleError('7024', 'No records found');
  return page;
}

const formOfView: Record<string, DirectoryForm> = {
  P_EmployeeView: 'employee',
  P_DepartmentView: 'department',
  P_DesignationView: 'designation',
};

/**
 * A view's page (empty past the last record). Its refusals are 400s: a view answers a bare array, and a client
 * testing for one would take a 200 error envelope for an empty directory.
 */
export async function listViewRecords(
  context: AppContext,
  caller: Caller,
  viewName: string,
  query: Query,
): Promise<FormPage> {
  try {
    const form = Object.hasOwn(formOfView, viewName) ? formOfView[viewName] : undefined;
    if (form === undefined) throw peopleError('7012', 'View name invalid');
    const filters = readFilters(query, 'rec_limit');
    refuseSearchOutsideEmployees(form, filters);
    return await pageOf(context, form, { portalId: caller.portalId, ...filters });
  } catch (error) {
    if (error instanceof LmsError && error.status === 200) {
      throw new LmsError(400, error.code, error.message, error.parameter);
    }
    throw error;
  }
}

/** What a write answers: the record id and People's result message; `unkept` names fields accepted and not kept. */
export interface WrittenRecord {
  pkId: string;
  message: string;
  unkept: string[];
}

function mayWrite(caller: Caller): boolean {
  return caller.isAdmin || caller.isDataAdmin || caller.isOperator;
}

/** Checks what the changes point to (one query) and that no one else holds the employee id or e-mail (one query). */
async function checkChanges(db: AppContext['db'], portalId: string, changes: EmployeeChanges, self?: string) {
  const wanted = {
    department: changes.department_id ?? undefined,
    designation: changes.designation_id ?? undefined,
    manager: changes.manager_erecno ?? undefined,
  };
  if (wanted.manager !== undefined && wanted.manager === self) {
    throw peopleError('7052', 'Reporting_To cannot be the employee themself', 'Reporting_To');
  }
  if (wanted.department !== undefined || wanted.designation !== undefined || wanted.manager !== undefined) {
    const found = await repository.findReferences(db, portalId, wanted);
    const has = (kind: string, id: string) => found.some((row) => row.kind === kind && row.id === id);
    if (wanted.department !== undefined && !has('department', wanted.department)) {
      throw peopleError('7052', `Department has no record ${wanted.department} in this portal`, 'Department');
    }
    if (wanted.designation !== undefined && !has('designation', wanted.designation)) {
      throw peopleError('7052', `Designation has no record ${wanted.designation} in this portal`, 'Designation');
    }
    if (wanted.manager !== undefined && !has('employee', wanted.manager)) {
      throw peopleError('7052', `Reporting_To has no employee ${wanted.manager} in this portal`, 'Reporting_To');
    }
  }
  const holders = await repository.findHolders(db, portalId, changes.employee_id, changes.email_id, self);
  if (holders.some((row) => row.employee_id === changes.employee_id)) {
    throw peopleError('7052', `EmployeeID ${JSON.stringify(changes.employee_id)} already exists`, 'EmployeeID');
  }
  if (holders.length > 0) {
    throw peopleError('7052', `EmailID ${JSON.stringify(changes.email_id)} already exists`, 'EmailID');
  }
}

/** insertRecord on the employee form: a new person of the caller's portal, active, with the caller as AddedBy. */
export async function insertEmployeeRecord(
  context: AppContext,
  caller: Caller,
  formName: string,
  data: Record<string, unknown>,
): Promise<WrittenRecord> {
  if (formOf(formName) !== 'employee') throw peopleError('7038', 'Permission denied to add record');
  if (!mayWrite(caller)) throw peopleError('7038', 'Permission denied to add record');
  const { changes, unkept } = readEmployeeFields(data, true);
  return context.db.transaction().execute(async (trx) => {
    await repository.lockPortal(trx, context.dialect, caller.portalId);
    await checkChanges(trx, caller.portalId, changes);
    const erecno = context.ids.next();
    const now = context.clock.now();
    const row: EmployeeTable = {
      erecno,
      portal_id: caller.portalId,
      display_name: `${changes.first_name} ${changes.last_name}`,
      photo_url: '', // computed when shown: the people feature's photoUrl
      status: 'active',
      is_admin: 0,
      is_settings_admin: 0,
      is_data_admin: 0,
      is_trainer: 0,
      ...changes,
      employee_id: changes.employee_id!,
      email_id: changes.email_id!,
      manager_erecno: changes.manager_erecno ?? null,
      added_by: caller.erecno,
      modified_by: caller.erecno,
      created_at: now,
      modified_at: now,
    };
    await repository.insertEmployee(trx, row);
    return { pkId: erecno, message: 'Successfully Added', unkept };
  });
}

function changedColumns(row: EmployeeTable, changes: EmployeeChanges): Partial<EmployeeTable> {
  const current = row as unknown as Record<string, unknown>;
  const changed = Object.entries(changes).filter(([column, value]) => (current[column] ?? null) !== value);
  return Object.fromEntries(changed) as Partial<EmployeeTable>;
}

/** updateRecord on the employee form: changes the person `recordId` of the caller's portal (7039 when unknown). */
export async function updateEmployeeRecord(
  context: AppContext,
  caller: Caller,
  formName: string,
  recordId: unknown,
  data: Record<string, unknown>,
): Promise<WrittenRecord> {
  if (formOf(formName) !== 'employee' || !mayWrite(caller)) {
    throw peopleError('7039', 'Permission denied to update this record', 'Security_Error');
  }
  const id = typeof recordId === 'string' || typeof recordId === 'number' ? String(recordId).trim() : '';
  if (id === '') throw peopleError('7052', 'recordId is mandatory', 'recordId');
  const { changes, unkept } = readEmployeeFields(data, false);
  return context.db.transaction().execute(async (trx) => {
    await repository.lockPortal(trx, context.dialect, caller.portalId);
    const row = isNumericId(id) ? await repository.findEmployeeRow(trx, caller.portalId, id) : undefined;
    if (row === undefined) throw peopleError('7039', 'Permission denied to update this record', 'Security_Error');
    const changed = changedColumns(row, changes);
    if (Object.keys(changed).length === 0) {
      return { pkId: id, message: 'There is no modification done in this record', unkept };
    }
    await checkChanges(trx, caller.portalId, changed as EmployeeChanges, id);
    const first = changed.first_name ?? row.first_name ?? row.display_name.split(' ')[0] ?? '';
    const last = changed.last_name ?? row.last_name ?? row.display_name.split(' ').slice(1).join(' ');
    const renamed = changed.first_name !== undefined || changed.last_name !== undefined;
    await repository.updateEmployee(trx, caller.portalId, id, {
      ...changed,
      ...(renamed ? { display_name: `${first} ${last}` } : {}),
      modified_by: caller.erecno,
      modified_at: context.clock.now(),
    });
    return { pkId: id, message: 'Successfully Updated', unkept };
  });
}
