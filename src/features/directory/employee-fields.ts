/**
 * The employee form's `inputData`, as insertRecord and updateRecord read it: Zoho's field label names to values.
 * Mandatory on insert: EmployeeID, FirstName, LastName, EmailID. Lookups (Department, Designation, Reporting_To) take
 * the referenced record's id. Other fields of Zoho's employee form are accepted and not kept; unknown names are 7013.
 */
import { isNumericId } from '../../ids.ts';
import { parseDayText, peopleError } from './directory-input.ts';

/** The stored fields an inputData sets; absent keys are left as they are, null clears an optional field. */
export interface EmployeeChanges {
  employee_id?: string;
  first_name?: string;
  last_name?: string;
  email_id?: string;
  department_id?: string | null;
  designation_id?: string | null;
  manager_erecno?: string | null;
  date_of_joining?: string | null;
  mobile?: string | null;
  work_phone?: string | null;
}

type Column = keyof EmployeeChanges;

// label -> column, longest value kept, mandatory on insert
const storedFields: Record<string, [column: Column, maximum: number, mandatory: boolean]> = {
  EmployeeID: ['employee_id', 50, true],
  FirstName: ['first_name', 100, true],
  LastName: ['last_name', 100, true],
  EmailID: ['email_id', 200, true],
  Department: ['department_id', 20, false],
  Designation: ['designation_id', 20, false],
  Reporting_To: ['manager_erecno', 20, false],
  Dateofjoining: ['date_of_joining', 11, false],
  Mobile: ['mobile', 30, false],
  Work_phone: ['work_phone', 30, false],
};

/** Fields of Zoho's employee form that Lectern does not keep: accepted, and named back in a warning. */
const unkeptFields = new Set([
  'Nick_Name',
  'Gender',
  'Date_of_birth',
  'Marital_status',
  'Work_location',
  'LocationName',
  'Extension',
  'Other_Email',
  'Tags',
  'AboutMe',
  'Expertise',
  'Role',
  'Employee_type',
  'Source_of_hire',
  'Present_Address',
  'Permanent_Address',
  'Photo',
  'Employeestatus',
  'Dateofexit',
  'Experience',
]);

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const mandatoryLabels = Object.keys(storedFields).filter((label) => storedFields[label]![2]);

function invalidValue(label: string, problem: string) {
  return peopleError('7052', `${label} ${problem}`, label);
}

function fieldText(label: string, value: unknown, maximum: number): string {
  if (value === null) return '';
  if (typeof value !== 'string' && typeof value !== 'number') throw invalidValue(label, 'must be a text value');
  const text = String(value).trim();
  if (text.length > maximum) throw invalidValue(label, `must be at most ${maximum} characters`);
  return text;
}

function convert(label: string, column: Column, text: string): string | null {
  if (text === '') return null;
  if (column === 'email_id' && !emailPattern.test(text)) throw invalidValue(label, 'must be an e-mail address');
  if (
    (column === 'department_id' || column === 'designation_id' || column === 'manager_erecno') &&
    !isNumericId(text)
  ) {
    throw invalidValue(label, 'must be the record id of the referenced record');
  }
  if (column === 'date_of_joining') {
    const day = parseDayText(text);
    if (day === undefined) throw invalidValue(label, 'must be a date as dd-MMM-yyyy (04-Mar-2021)');
    return new Date(day).toISOString().slice(0, 10);
  }
  return text;
}

/** What an inputData asks for: the changes, and the labels accepted but not kept. */
export interface ReadFields {
  changes: EmployeeChanges;
  unkept: string[];
}

/** Reads an employee inputData; `insert` makes the four identity fields mandatory. Throws 7013 or 7052. */
export function readEmployeeFields(data: Record<string, unknown>, insert: boolean): ReadFields {
  const changes: EmployeeChanges = {};
  const unkept: string[] = [];
  for (const [label, value] of Object.entries(data)) {
    const stored = storedFields[label];
    if (stored === undefined) {
      if (!unkeptFields.has(label)) throw peopleError('7013', 'Field name is invalid', label);
      unkept.push(label);
      continue;
    }
    const [column, maximum, mandatory] = stored;
    const converted = convert(label, column, fieldText(label, value, maximum));
    if (converted === null && mandatory) throw invalidValue(label, 'is mandatory');
    (changes as Record<string, string | null>)[column] = converted;
  }
  if (insert) {
    const missing = mandatoryLabels.find((label) => changes[storedFields[label]![0]] === undefined);
    if (missing !== undefined) throw invalidValue(missing, 'is mandatory');
  }
  return { changes, unkept };
}
