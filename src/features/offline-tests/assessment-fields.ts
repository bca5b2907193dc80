/**
 * What offline tests, online tests (module and pre/post-course) and assignments share: the input keys every
 * assessment page lists (name, description, isMandatory, lockUntil, gradeCategoryId, resources), their reading,
 * the common part of the output object (their schemas are in assessment.schemas.ts), and the database checks run inside the write.
 */
import { parseZohoDate, zohoDateText } from '../../dates.ts';
import { invalidInput } from '../../errors.ts';
import { findGradeCategory } from '../categories/index.ts';
import {
  type EntityFields,
  type EntityVerifier,
  type EntityView,
  readResources,
  resourcesOf,
} from '../entities/index.ts';
import { highestMark } from './entity-marks.repository.ts';

/** The shared keys as validated. */
export interface SharedInput {
  name?: string;
  description?: string;
  isMandatory?: boolean;
  lockUntil?: string | null;
  gradeCategoryId?: string | null;
  resources?: { resourceName: string; resourceURL: string }[];
}

/** A date key (`DD-MM-YYYY`, `DD_MM_YYYY`; null or `""` for none), undefined when not sent. */
export function readOptionalDate(value: string | null | undefined, parameter: string): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  return parseZohoDate(value, parameter);
}

/**
 * A whole number sent as a number or as text of digits (`null` or `""` is none when `noneAllowed`); anything else,
 * a fraction or `true` included, is a 400 naming the parameter.
 */
export function readWholeNumber(
  value: unknown,
  parameter: string,
  range: { minimum: number; maximum: number; noneAllowed?: boolean },
): number | null {
  if (range.noneAllowed && (value === null || value === '')) return null;
  let number = Number.NaN;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) number = Number(value);
  if (!Number.isSafeInteger(number) || number < range.minimum || number > range.maximum) {
    throw invalidInput(
      parameter,
      `must be a whole number from ${range.minimum} to ${range.maximum}, got ${JSON.stringify(value)}`,
    );
  }
  return number;
}

/**
 * The shared fields and the settings (the current ones with the sent keys applied) for a kind to complete.
 * On create the defaults apply: no description, mandatory, no lock date.
 */
export function sharedFields(
  input: SharedInput,
  dataName: string,
  current?: EntityView,
): { fields: Partial<EntityFields>; settings: Record<string, unknown> } {
  const fields: Partial<EntityFields> =
    current === undefined ? { description: '', isMandatory: true, lockUntil: null } : {};
  if (input.name !== undefined) fields.name = input.name.trim();
  if (input.description !== undefined) fields.description = input.description;
  if (input.isMandatory !== undefined) fields.isMandatory = input.isMandatory;
  const lockUntil = readOptionalDate(input.lockUntil, `${dataName}.lockUntil`);
  if (lockUntil !== undefined) fields.lockUntil = lockUntil;
  const settings: Record<string, unknown> = {
    gradeCategoryId: null,
    resources: [],
    ...(current?.settings ?? {}),
  };
  if (input.gradeCategoryId !== undefined) {
    settings.gradeCategoryId = input.gradeCategoryId === '' ? null : input.gradeCategoryId;
  }
  if (input.resources !== undefined) {
    settings.resources = readResources(input.resources, dataName);
  }
  return { fields, settings };
}

/** The keys every assessment object starts with, in the order of Zoho's link sample. */
export function presentShared(view: EntityView, noun: string) {
  const { row } = view;
  return {
    lockUntil: row.lock_until === null ? '' : zohoDateText(row.lock_until),
    [`${noun}Id`]: row.id,
    [`isMandatory${noun[0]!.toUpperCase()}${noun.slice(1)}`]: row.is_mandatory === 1,
    canMarkAsComplete: view.canMarkAsComplete ? 1 : 0,
    isLocked: view.isLocked,
    description: row.description,
    resources: resourcesOf(view),
    canUserEdit: view.canManage,
    moduleId: row.module_id ?? '',
    [`${noun}Name`]: row.name,
    canUserDelete: view.canManage,
  };
}

/**
 * The database checks of an assessment write: a grade category it names (when it changes) must be a grade category
 * of the portal; a maximum of marks (when lowered) must not fall below marks learners already have.
 */
export function verifyAssessment(dataName: string, maximumKey?: string): EntityVerifier {
  return async (db, caller, _path, fields, current) => {
    const settings = fields.settings ?? {};
    const gradeCategoryId = settings.gradeCategoryId as string | null | undefined;
    if (gradeCategoryId && gradeCategoryId !== current?.settings.gradeCategoryId) {
      if ((await findGradeCategory(db, caller.portalId, gradeCategoryId)) === undefined) {
        throw invalidInput(
          `${dataName}.gradeCategoryId`,
          `no grade category with id ${gradeCategoryId} in this portal`,
        );
      }
    }
    if (maximumKey === undefined || current === undefined) return;
    const maximum = settings[maximumKey] as number;
    if (maximum < (current.settings[maximumKey] as number)) {
      const highest = await highestMark(db, caller.portalId, current.row.id);
      if (highest !== null && highest > maximum) {
        throw invalidInput(
          `${dataName}.${maximumKey}`,
          `learners already have up to ${highest} marks; the maximum cannot go below that, got ${maximum}`,
        );
      }
    }
  };
}
