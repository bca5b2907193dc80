/**
 * Loads a fixture file into a portal in one transaction: checked and compiled in full first (nothing is written when
 * any field is wrong), then inserted a fixed number of statements per table, then kept as the portal's `initial`
 * snapshot, so that a reset goes back to the fixture. Fixture writes record no events: nobody is mailed about them.
 */
import type { AppContext } from '../context.ts';
import { insertRows } from '../db/bulk-insert.ts';
import { isUniqueViolation } from '../db/dialect.ts';
import { LmsError } from '../errors.ts';
import { SeededIdGenerator } from '../ids.ts';
import { checkFixtureShape } from './fixtures.check.ts';
import { compileFixtures } from './fixtures.compile.ts';
import type { KeyIds } from './fixtures.refs.ts';
import { findPortalPeople } from './fixtures.repository.ts';
import { type ControlCaller, layoutOf, reachPortal } from './portals.access.ts';
import { initialSnapshot, writeSnapshot } from './snapshots.service.ts';

/** What a load made: the seed used (null: fresh random ids) and the id of every key. */
export interface LoadedFixtures {
  portalId: string;
  seed: number | null;
  ids: KeyIds;
}

// Insert order follows how rows point at each other, though no foreign key asks for it.
const tableOrder = [
  'employees',
  'courses',
  'course_members',
  'batches',
  'course_modules',
  'class_sessions',
  'enrolments',
];

/** Checks, compiles and inserts the fixtures; `seedOverride` (the CLI's --seed) wins over the file's seed. */
export async function loadFixtures(
  context: AppContext,
  caller: ControlCaller,
  portalId: string,
  input: unknown,
  seedOverride?: number,
): Promise<LoadedFixtures> {
  const fixtures = checkFixtureShape(input);
  await reachPortal(context, caller, portalId);
  const seed = seedOverride ?? fixtures.seed ?? null;
  const layout = await layoutOf(context);
  const people = await findPortalPeople(context.db, portalId);
  const admin = people
    .filter((person) => person.is_admin === 1 && person.status === 'active')
    .sort((a, b) => Number(a.employee_id) - Number(b.employee_id))[0];
  if (admin === undefined)
    throw new LmsError(409, '409', 'The portal has no active admin to own what the fixtures make');
  const now = context.clock.now();
  const { rows, ids } = compileFixtures(fixtures, {
    portalId,
    now,
    ids: seed === null ? context.ids : new SeededIdGenerator(seed),
    existing: people,
    adminErecno: admin.erecno,
  });
  try {
    await context.db.transaction().execute(async (trx) => {
      for (const table of tableOrder) {
        const tableRows = rows[table] ?? [];
        if (tableRows.length === 0) continue;
        const columns = Object.keys(tableRows[0]!);
        const values = tableRows.map((row) => columns.map((column) => (row as Record<string, unknown>)[column]));
        await insertRows(trx, context.dialect, table, columns, values);
      }
      await writeSnapshot(trx, layout, portalId, initialSnapshot, now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new LmsError(
        409,
        '409',
        `The ids of seed ${seed} are already taken in this store (ids are unique across portals): use another seed`,
      );
    }
    throw error;
  }
  return { portalId, seed, ids };
}
