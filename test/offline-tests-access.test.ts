/** Offline Test API access in both families: 401, scopes, roles, unknown and foreign ids, non-numeric ids. */
import { afterAll, beforeAll } from 'vitest';
import { type AssessmentWorld, describeAccess, setUpWorld } from './helpers/assessments.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let world: AssessmentWorld;
beforeAll(async () => {
  lectern = await createTestLectern();
  world = await setUpWorld(lectern);
});
afterAll(() => lectern.close());

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
