/**
 * Property-based fuzz of every operation in openapi.json (the quick run; `npm run fuzz` is the long one): generated
 * valid, invalid and hostile path ids, query parameters and data objects in every delivery. Never a 5xx, every 4xx in
 * Zoho's error body, and a refused write changes nothing in either portal. LECTERN_FUZZ_RUNS (cases in all, spread
 * over the operations) and LECTERN_FUZZ_SEED override the defaults.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzOrder, readOperations } from './helpers/fuzz/operations.ts';
import { FuzzSession } from './helpers/fuzz/session.ts';
import { defaultSeed, operationSeed, runsPerOperation, wholeNumber } from './helpers/fuzz/settings.ts';
import { changedTables, takeSnapshot } from './helpers/fuzz/snapshot.ts';
import { createTestLectern } from './helpers/test-app.ts';

/** Cases in all: measured to stay well under a minute per engine on the 2-core machine. */
const defaultRuns = 2000;

const operations = readOperations();
const runs = runsPerOperation(wholeNumber(process.env.LECTERN_FUZZ_RUNS, defaultRuns, 'LECTERN_FUZZ_RUNS'), operations);
const seed = wholeNumber(process.env.LECTERN_FUZZ_SEED, defaultSeed, 'LECTERN_FUZZ_SEED');

let session: FuzzSession;

beforeAll(async () => {
  session = new FuzzSession(await createTestLectern());
  await session.start();
}, 60_000);
afterAll(() => session.lectern.close());

it('the portal snapshot sees a changed value, and nothing when nothing changed', async () => {
  const { db, dialect } = session.lectern.app.lectern;
  const portals = [session.lectern.portalId];
  const before = await takeSnapshot(db, dialect, portals);
  expect(changedTables(before, await takeSnapshot(db, dialect, portals))).toEqual([]);
  const erecno = session.lectern.adminErecno;
  await db.updateTable('employees').set({ display_name: 'Adam Fischer ' }).where('erecno', '=', erecno).execute();
  expect(changedTables(before, await takeSnapshot(db, dialect, portals))).toEqual(['employees (rows 20 -> 20)']);
  await db.updateTable('employees').set({ display_name: 'Adam Fischer' }).where('erecno', '=', erecno).execute();
  expect(changedTables(before, await takeSnapshot(db, dialect, portals))).toEqual([]);
});

describe(`every operation of openapi.json, ${runs} cases each (seed ${seed})`, () => {
  // Deletes last (fuzzOrder); each operation's seed follows its place in the document, as npm run fuzz's does.
  const cases = fuzzOrder(operations).map((operation) => ({
    operation,
    index: operations.indexOf(operation),
    label: `${operation.method} ${operation.path}`,
  }));
  it.each(cases)(
    '$label',
    async ({ operation, index }) => {
      await session.fuzz(operation, runs, operationSeed(seed, index));
    },
    30_000,
  );
});
