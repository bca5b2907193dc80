/** Offline Test API access in both families: 401, scopes, roles, unknown and foreign ids, non-numeric ids. */
import { useAssessmentWorld } from './helpers/assessment-world.ts';
import { type AssessmentWorld, describeAccess } from './helpers/assessments.ts';
import type { TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let world: AssessmentWorld;
useAssessmentWorld((started) => {
  ({ lectern, world } = started);
});

describeAccess(
  () => lectern,
  () => world,
  {
    plural: 'offlineTests',
    singular: 'offlineTest',
    idKey: 'offlineTestId',
    dataName: 'offlineTestData',
    validData: () => ({ name: 'Access test', marks: 10, duration: 10 }),
    marks: true,
  },
);
