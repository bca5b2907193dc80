/** Assignment API: every validation error names its parameter, in both families, and writes nothing. */
import { describe, it } from 'vitest';
import { EntityType } from '../src/entity-types.ts';
import { expectCreateRefused, familyNamed, useAssessmentWorld, withChanges } from './helpers/assessment-world.ts';
import { type AssessmentWorld, expectRefusal, sendData } from './helpers/assessments.ts';
import type { TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let world: AssessmentWorld;
useAssessmentWorld((started) => {
  ({ lectern, world } = started);
});

const dataName = 'assignmentData';
const valid = {
  name: 'Essay',
  maximumMarks: 100,
  submissionType: 'text',
  submissionFrom: '01-03-2026',
  submissionTo: '31-03-2026',
};
const familyOf = (name: string) => familyNamed(world, name);

/** [what, changes to `valid` (undefined removes a key), parameter, code]. */
const cases: [string, Record<string, unknown>, string, string?][] = [
  ['no name', { name: undefined }, 'assignmentData.name', 'INPUT_PARAMETER_MISSING'],
  ['a blank name', { name: '\t' }, 'assignmentData.name'],
  ['no maximumMarks', { maximumMarks: undefined }, 'assignmentData.maximumMarks', 'INPUT_PARAMETER_MISSING'],
  ['maximumMarks 0', { maximumMarks: 0 }, 'assignmentData.maximumMarks'],
  ['maximumMarks 2.5', { maximumMarks: 2.5 }, 'assignmentData.maximumMarks'],
  ['maximumMarks "a lot"', { maximumMarks: 'a lot' }, 'assignmentData.maximumMarks'],
  ['maximumMarks above 100000', { maximumMarks: 100001 }, 'assignmentData.maximumMarks'],
  ['no submissionType', { submissionType: undefined }, 'assignmentData.submissionType', 'INPUT_PARAMETER_MISSING'],
  ['submissionType "email"', { submissionType: 'email' }, 'assignmentData.submissionType'],
  ['submissionFrom as YYYY-MM-DD', { submissionFrom: '2026-03-01' }, 'assignmentData.submissionFrom'],
  ['submissionTo 30-02-2026', { submissionTo: '30-02-2026' }, 'assignmentData.submissionTo'],
  ['submissionTo before submissionFrom', { submissionTo: '28-02-2026' }, 'assignmentData.submissionTo'],
  ['lateSubmission "sometimes"', { lateSubmission: 'sometimes' }, 'assignmentData.lateSubmission'],
  ['isMandatory "maybe"', { isMandatory: 'maybe' }, 'assignmentData.isMandatory'],
  ['a description of 10001 characters', { description: 'x'.repeat(10001) }, 'assignmentData.description'],
  ['lockUntil "next week"', { lockUntil: 'next week' }, 'assignmentData.lockUntil'],
  ['gradeCategoryId "-1"', { gradeCategoryId: '-1' }, 'assignmentData.gradeCategoryId'],
  ['an unknown grade category', { gradeCategoryId: '123456789012345678' }, 'assignmentData.gradeCategoryId'],
  [
    'a resource with a javascript: URL',
    { resources: [{ resourceName: 'x', resourceURL: 'javascript:alert(1)' }] },
    'assignmentData.resources.0.resourceURL',
  ],
];

describe.each(['self-paced', 'blended'])('%s assignment validation', (name) => {
  it.each(cases)('refuses %s', async (_what, changes, parameter, code) => {
    const data = withChanges(valid, changes);
    await expectCreateRefused(
      lectern,
      { url: `${familyOf(name).moduleUrl}/assignments`, dataName, data, entityType: EntityType.assignment },
      parameter,
      code,
    );
  });

  it('refuses a course category as gradeCategoryId', async () => {
    const response = await sendData(lectern, {
      method: 'POST',
      url: `${familyOf(name).moduleUrl}/assignments`,
      dataName,
      data: { ...valid, gradeCategoryId: world.courseCategory },
    });
    expectRefusal(response, 'assignmentData.gradeCategoryId');
  });
});
