/** Export -> import into an empty portal of another store -> export: the same file, for every kind, in CSV and JSON. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindNames } from '../src/bulk/index.ts';
import { emptyStore, exportText, importText, seedBulkWorld } from './helpers/bulk.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let source: TestLectern;

async function learnersOf(lectern: TestLectern, portalId: string) {
  const rows = await lectern.app.lectern.db
    .selectFrom('course_members')
    .select(['course_id', 'erecno'])
    .where('portal_id', '=', portalId)
    .where('relation', '=', 'learner')
    .orderBy('course_id')
    .orderBy('erecno')
    .execute();
  expect(rows.length).toBeGreaterThan(0);
  return rows;
}
const targets: TestLectern[] = [];

beforeAll(async () => {
  source = await createTestLectern();
  await seedBulkWorld(source);
});
afterAll(async () => {
  await source?.close();
  for (const target of targets) await target.close();
});

describe.each(['csv', 'json'] as const)('a round trip through %s', (format) => {
  it('exports every kind, imports it into an empty portal and exports the same file again', async () => {
    const { lectern: target, portalId } = await emptyStore();
    targets.push(target);
    for (const kind of kindNames) {
      const exported = await exportText(source, source.portalId, kind, format);
      const rows = format === 'csv' ? exported.trim().split('\n').length - 1 : JSON.parse(exported).length;
      expect(rows, `${kind} has rows to carry`).toBeGreaterThan(0);
      const summary = await importText(target, portalId, kind, format, exported);
      expect(summary, kind).toMatchObject({ rows, created: rows, updated: 0, unchanged: 0 });
      expect(await exportText(target, portalId, kind, format), kind).toBe(exported);
    }
    // Seats make learners of the course, as the seat ledger keeps them.
    expect(await learnersOf(target, portalId)).toEqual(await learnersOf(source, source.portalId));
  });
});

it('reads a CSV export and a JSON export of the same rows as the same data', async () => {
  const { lectern: target, portalId } = await emptyStore();
  targets.push(target);
  for (const kind of kindNames) {
    await importText(target, portalId, kind, 'csv', await exportText(source, source.portalId, kind, 'csv'));
    const again = await importText(
      target,
      portalId,
      kind,
      'json',
      await exportText(source, source.portalId, kind, 'json'),
    );
    expect(again, kind).toMatchObject({ created: 0, updated: 0 });
    expect(await exportText(target, portalId, kind, 'json'), kind).toBe(
      await exportText(source, source.portalId, kind, 'json'),
    );
  }
});
