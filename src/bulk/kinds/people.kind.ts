/** People (the `employees` table): upserted by erecno, or by employee id when the erecno column is empty. */
import { Type } from '@sinclair/typebox';
import { type BulkKind, bool, date, oneOf, optionalId, optionalText, rowSchema, text } from '../kind.schemas.ts';

const email = () =>
  Type.String({ maxLength: 200, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', errorMessage: 'not an e-mail address' });

/** The people kind. */
export const peopleKind: BulkKind = {
  name: 'people',
  table: 'employees',
  row: rowSchema({
    erecno: optionalId(),
    employeeId: text(50),
    displayName: text(200),
    firstName: optionalText(100),
    lastName: optionalText(100),
    emailId: email(),
    managerErecno: optionalId(),
    status: oneOf('active', 'inactive'),
    isAdmin: bool(),
    isTrainer: bool(),
    dateOfJoining: Type.Optional(date()),
    mobile: optionalText(50),
    workPhone: optionalText(50),
  }),
  id: { field: 'erecno', column: 'erecno' },
  naturalKey: ['employee_id'],
  references: [{ field: 'managerErecno', kind: 'people' }],
  orderBy: ['erecno'],
  toTable: (row) => ({
    employee_id: row.employeeId,
    display_name: row.displayName,
    first_name: row.firstName || null,
    last_name: row.lastName || null,
    email_id: row.emailId,
    manager_erecno: row.managerErecno ?? null,
    status: row.status,
    is_admin: row.isAdmin ? 1 : 0,
    is_trainer: row.isTrainer ? 1 : 0,
    date_of_joining: row.dateOfJoining ?? null,
    mobile: row.mobile || null,
    work_phone: row.workPhone || null,
  }),
  fromTable: (row) => ({
    erecno: row.erecno,
    employeeId: row.employee_id,
    displayName: row.display_name,
    firstName: row.first_name ?? null,
    lastName: row.last_name ?? null,
    emailId: row.email_id,
    managerErecno: row.manager_erecno,
    status: row.status,
    isAdmin: row.is_admin === 1,
    isTrainer: row.is_trainer === 1,
    dateOfJoining: row.date_of_joining ?? null,
    mobile: row.mobile || null,
    workPhone: row.work_phone ?? null,
  }),
  defaults: (now) => ({
    photo_url: '',
    is_settings_admin: 0,
    is_data_admin: 0,
    created_at: now,
    modified_at: now,
  }),
  check: (row) =>
    row.managerErecno !== undefined && row.managerErecno === row.erecno
      ? { field: 'managerErecno', message: 'a person cannot be their own manager' }
      : null,
};
