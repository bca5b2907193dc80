/** The keys files, contents and links read alike: name, description, isMandatory and lockUntil, and the create defaults. */
import { parseZohoDate } from '../../dates.ts';
import type { EntityFields, EntityView } from './entity.service.ts';

/** The common keys of a validated data object (each optional: an update keeps what is not sent). */
export interface CommonEntityInput {
  name?: string;
  description?: string;
  isMandatory?: boolean;
  lockUntil?: string | null;
}

/** The common keys that were sent, as shared fields; a lockUntil of null or `""` clears the date. */
export function commonEntityFields(input: CommonEntityInput, dataName: string): Partial<EntityFields> {
  const fields: Partial<EntityFields> = {};
  if (input.name !== undefined) fields.name = input.name.trim();
  if (input.description !== undefined) fields.description = input.description;
  if (input.isMandatory !== undefined) fields.isMandatory = input.isMandatory;
  if (input.lockUntil !== undefined) {
    fields.lockUntil =
      input.lockUntil === null || input.lockUntil === ''
        ? null
        : parseZohoDate(input.lockUntil, `${dataName}.lockUntil`);
  }
  return fields;
}

/** The fields with their settings; on create (no `current`) the defaults fill what was not sent. */
export function completeEntityFields(
  fields: Partial<EntityFields>,
  settings: Record<string, unknown>,
  current: EntityView | undefined,
): Partial<EntityFields> {
  const withSettings = { ...fields, settings };
  if (current === undefined) return { description: '', isMandatory: true, lockUntil: null, ...withSettings };
  return withSettings;
}
