/** Reading a person's fields as the control plane receives them: each checked, each refusal naming its field. */
import { invalidInput, missingInput } from '../../errors.ts';
import { isNumericId } from '../../ids.ts';

/** The control plane's role names and the columns that hold them. */
export const roleColumns = {
  admin: 'is_admin',
  settingsAdmin: 'is_settings_admin',
  dataAdmin: 'is_data_admin',
  trainer: 'is_trainer',
} as const;

/** One of the control plane's role names. */
export type RoleName = keyof typeof roleColumns;

/** Something@somewhere.tld, without spaces: the check the directory makes too. */
export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A trimmed text of at most `maximum` characters; undefined when absent and not required. */
export function text(value: unknown, parameter: string, maximum: number, required: boolean): string | undefined {
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

/** An e-mail address, required. */
export function email(value: unknown, parameter: string): string {
  const address = text(value, parameter, 200, true)!;
  if (!emailPattern.test(address)) throw invalidInput(parameter, 'must be an e-mail address');
  return address;
}

/** An 18-digit-style numeric id, or undefined when absent. */
export function optionalId(value: unknown, parameter: string): string | undefined {
  const id = text(value, parameter, 20, false);
  if (id !== undefined && !isNumericId(id)) throw invalidInput(parameter, 'must be a numeric id');
  return id;
}

/** A list of role names; an unknown one is named by its index. */
export function readRoles(value: unknown, parameter: string): RoleName[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidInput(parameter, 'must be an array of role names');
  return value.map((role, index) => {
    if (typeof role !== 'string' || !(role in roleColumns)) {
      throw invalidInput(`${parameter}.${index}`, `must be one of ${Object.keys(roleColumns).join(', ')}`);
    }
    return role as RoleName;
  });
}

/** The role columns of a list of role names (each 1 or 0). */
export function roleFlags(roles: readonly RoleName[]) {
  return {
    is_admin: roles.includes('admin') ? 1 : 0,
    is_settings_admin: roles.includes('settingsAdmin') ? 1 : 0,
    is_data_admin: roles.includes('dataAdmin') ? 1 : 0,
    is_trainer: roles.includes('trainer') ? 1 : 0,
  };
}
