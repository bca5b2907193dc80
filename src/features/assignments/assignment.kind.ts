/** Zoho's Assignment API as a module-entity kind: `assignmentData` keys, validation, and the output object. */
import { zohoDateText } from '../../dates.ts';
import { EntityType } from '../../entity-types.ts';
import { invalidInput, missingInput } from '../../errors.ts';
import type { EntityFields, EntityKind, EntityPath, EntityView } from '../entities/index.ts';
import { presentShared, readOptionalDate, sharedFields, verifyAssessment } from '../offline-tests/index.ts';
import {
  AssignmentDataInput,
  type AssignmentInput,
  AssignmentSchema,
  AssignmentUpdateInput,
  assignmentDataName as dataName,
} from './assignment.schemas.ts';

/**
 * The submission window: both dates are mandatory in blended learning courses (batch family) and optional in the
 * others; the end may not be before the start.
 */
function checkWindow(input: AssignmentInput, settings: Record<string, unknown>, blended: boolean): void {
  for (const key of ['submissionFrom', 'submissionTo'] as const) {
    if (!blended || settings[key] !== null) continue;
    if (input[key] === undefined) throw missingInput(`${dataName}.${key}`);
    throw invalidInput(`${dataName}.${key}`, 'is mandatory for blended learning courses and cannot be removed');
  }
  const from = settings.submissionFrom as string | null;
  const to = settings.submissionTo as string | null;
  if (from !== null && to !== null && to < from) {
    throw invalidInput(
      `${dataName}.submissionTo`,
      `must not be before submissionFrom (${zohoDateText(from)}), got ${zohoDateText(to)}`,
    );
  }
}

/** Turns validated assignmentData into entity fields. */
export function assignmentFields(
  input: AssignmentInput,
  current?: EntityView,
  path?: EntityPath,
): Partial<EntityFields> {
  if (current !== undefined && input.assignmentId !== undefined && input.assignmentId !== current.row.id) {
    throw invalidInput(
      `${dataName}.assignmentId`,
      `names assignment ${input.assignmentId}, but the path names ${current.row.id}`,
    );
  }
  const { fields, settings } = sharedFields(input, dataName, current);
  if (current === undefined)
    Object.assign(settings, { submissionFrom: null, submissionTo: null, lateSubmission: null });
  if (input.maximumMarks !== undefined) settings.maximumMarks = input.maximumMarks;
  if (input.submissionType !== undefined) settings.submissionType = input.submissionType;
  if (input.lateSubmission !== undefined) settings.lateSubmission = input.lateSubmission;
  const from = readOptionalDate(input.submissionFrom, `${dataName}.submissionFrom`);
  if (from !== undefined) settings.submissionFrom = from;
  const to = readOptionalDate(input.submissionTo, `${dataName}.submissionTo`);
  if (to !== undefined) settings.submissionTo = to;
  checkWindow(input, settings, path !== undefined && path.batchId !== null);
  return { ...fields, settings };
}

const dateText = (value: unknown) => (typeof value === 'string' ? zohoDateText(value) : '');

/** Zoho's assignment object for a view. */
export function presentAssignment(view: EntityView) {
  const { settings } = view;
  return {
    ...presentShared(view, 'assignment'),
    maximumMarks: Number(settings.maximumMarks),
    submissionType: String(settings.submissionType),
    submissionFrom: dateText(settings.submissionFrom),
    submissionTo: dateText(settings.submissionTo),
    lateSubmission: (settings.lateSubmission as string | null) ?? '',
    gradeCategoryId: (settings.gradeCategoryId as string | null) ?? '',
  };
}

/** The settings key holding an assignment's maximum marks. */
export const assignmentMaximumKey = 'maximumMarks';

/** The Assignment API's declaration for the shared entity routes. */
export const assignmentKind: EntityKind<AssignmentInput> = {
  entityType: EntityType.assignment,
  plural: 'assignments',
  singular: 'assignment',
  idParam: 'assignmentId',
  dataName,
  noun: 'Assignment',
  itemSchema: AssignmentSchema,
  present: presentAssignment,
  createInput: AssignmentDataInput,
  updateInput: AssignmentUpdateInput,
  toFields: assignmentFields,
  verify: verifyAssessment(dataName, assignmentMaximumKey),
};
