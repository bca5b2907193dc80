/** Online Test API: every validation error names its parameter, in both families, and writes nothing. */
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

const dataName = 'onlineTestData';
const valid = { name: 'Quiz', durationFor: 'test', duration: 20, maximumAttemptsAllowed: 2, questionPerPage: 'all' };
const familyOf = (name: string) => familyNamed(world, name);

/** [what, changes to `valid` (undefined removes a key), parameter, code]. */
const cases: [string, Record<string, unknown>, string, string?][] = [
  ['no name', { name: undefined }, 'onlineTestData.name', 'INPUT_PARAMETER_MISSING'],
  ['a blank name', { name: ' ' }, 'onlineTestData.name'],
  ['no durationFor', { durationFor: undefined }, 'onlineTestData.durationFor', 'INPUT_PARAMETER_MISSING'],
  ['durationFor "minutes"', { durationFor: 'minutes' }, 'onlineTestData.durationFor'],
  ['no duration with durationFor test', { duration: undefined }, 'onlineTestData.duration', 'INPUT_PARAMETER_MISSING'],
  [
    'no duration with durationFor question',
    { durationFor: 'question', duration: undefined },
    'onlineTestData.duration',
    'INPUT_PARAMETER_MISSING',
  ],
  ['a null duration with durationFor test', { duration: null }, 'onlineTestData.duration'],
  ['a duration with durationFor none', { durationFor: 'none', duration: 10 }, 'onlineTestData.duration'],
  ['duration 0', { duration: 0 }, 'onlineTestData.duration'],
  ['duration 1.5', { duration: 1.5 }, 'onlineTestData.duration'],
  ['duration "ten"', { duration: 'ten' }, 'onlineTestData.duration'],
  ['duration true', { duration: true }, 'onlineTestData.duration'],
  [
    'no maximumAttemptsAllowed',
    { maximumAttemptsAllowed: undefined },
    'onlineTestData.maximumAttemptsAllowed',
    'INPUT_PARAMETER_MISSING',
  ],
  ['maximumAttemptsAllowed 0', { maximumAttemptsAllowed: 0 }, 'onlineTestData.maximumAttemptsAllowed'],
  ['maximumAttemptsAllowed 11', { maximumAttemptsAllowed: 11 }, 'onlineTestData.maximumAttemptsAllowed'],
  ['maximumAttemptsAllowed "2.5"', { maximumAttemptsAllowed: '2.5' }, 'onlineTestData.maximumAttemptsAllowed'],
  ['maximumAttemptsAllowed "many"', { maximumAttemptsAllowed: 'many' }, 'onlineTestData.maximumAttemptsAllowed'],
  ['maximumAttemptsAllowed true', { maximumAttemptsAllowed: true }, 'onlineTestData.maximumAttemptsAllowed'],
  ['no questionPerPage', { questionPerPage: undefined }, 'onlineTestData.questionPerPage', 'INPUT_PARAMETER_MISSING'],
  ['questionPerPage "two"', { questionPerPage: 'two' }, 'onlineTestData.questionPerPage'],
  [
    'questionsPerPage "two"',
    { questionPerPage: undefined, questionsPerPage: 'two' },
    'onlineTestData.questionsPerPage',
  ],
  ['passPercentage 0', { passPercentage: 0 }, 'onlineTestData.passPercentage'],
  ['passPercentage 101', { passPercentage: 101 }, 'onlineTestData.passPercentage'],
  ['passPercentage "half"', { passPercentage: 'half' }, 'onlineTestData.passPercentage'],
  ['shuffleQuestions "sometimes"', { shuffleQuestions: 'sometimes' }, 'onlineTestData.shuffleQuestions'],
  ['showMarksToLearner 2', { showMarksToLearner: 2 }, 'onlineTestData.showMarksToLearner'],
  ['isMandatory "no"', { isMandatory: 'no' }, 'onlineTestData.isMandatory'],
  ['a description of 10001 characters', { description: 'x'.repeat(10001) }, 'onlineTestData.description'],
  ['lockUntil "soon"', { lockUntil: 'soon' }, 'onlineTestData.lockUntil'],
  ['gradeCategoryId "x1"', { gradeCategoryId: 'x1' }, 'onlineTestData.gradeCategoryId'],
  ['an unknown grade category', { gradeCategoryId: '123456789012345678' }, 'onlineTestData.gradeCategoryId'],
  [
    'a resource with a relative URL',
    { resources: [{ resourceName: 'Notes', resourceURL: '/notes.pdf' }] },
    'onlineTestData.resources.0.resourceURL',
  ],
];

describe.each(['self-paced', 'blended'])('%s online test validation', (name) => {
  it.each(cases)('refuses %s', async (_what, changes, parameter, code) => {
    const data = withChanges(valid, changes);
    await expectCreateRefused(
      lectern,
      { url: `${familyOf(name).moduleUrl}/onlineTests`, dataName, data, entityType: EntityType.onlineTest },
      parameter,
      code,
    );
  });

  it('refuses a course category as gradeCategoryId', async () => {
    const response = await sendData(lectern, {
      method: 'POST',
      url: `${familyOf(name).moduleUrl}/onlineTests`,
      dataName,
      data: { ...valid, gradeCategoryId: world.courseCategory },
    });
    expectRefusal(response, 'onlineTestData.gradeCategoryId');
  });
});
