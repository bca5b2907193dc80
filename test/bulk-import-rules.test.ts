/** The import's rules: natural keys, references within a file, duplicates, bounded error lists, updates in place. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, exportText, importText } from './helpers/bulk.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;

beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern?.close());

const header = 'erecno,employeeId,displayName,emailId,managerErecno,status,isAdmin,isTrainer';

async function refusal(kind: Parameters<typeof importText>[2], format: 'csv' | 'json', text: string) {
  const error = await importText(lectern, lectern.portalId, kind, format, text).then(
    () => null,
    (caught: unknown) => caught as { errors: unknown[]; errorCount: number },
  );
  expect(error, 'the import was refused').not.toBeNull();
  return error!;
}

describe('people', () => {
  it('matches a row without an erecno by its employee id: same data is unchanged, new data updates in place', async () => {
    const csv = `${header}\n,7001,Nia Newcomer,nia@example.com,,active,false,false\n`;
    expect(await importText(lectern, lectern.portalId, 'people', 'csv', csv)).toMatchObject({ created: 1 });
    const first = await lectern.app.lectern.db
      .selectFrom('employees')
      .selectAll()
      .where('portal_id', '=', lectern.portalId)
      .where('employee_id', '=', '7001')
      .executeTakeFirstOrThrow();
    expect(await importText(lectern, lectern.portalId, 'people', 'csv', csv)).toMatchObject({
      created: 0,
      unchanged: 1,
    });
    const renamed = csv.replace('Nia Newcomer', 'Nia Oldtimer');
    expect(await importText(lectern, lectern.portalId, 'people', 'csv', renamed)).toMatchObject({ updated: 1 });
    const after = await lectern.app.lectern.db
      .selectFrom('employees')
      .selectAll()
      .where('erecno', '=', first.erecno)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ display_name: 'Nia Oldtimer', created_at: first.created_at, photo_url: '' });
  });

  it('accepts a manager who is a row of the same file, and refuses one who is nowhere', async () => {
    const csv = [
      header,
      '700000000000000001,7101,Maya Manager,maya@example.com,,active,false,false',
      '700000000000000002,7102,Rob Report,rob@example.com,700000000000000001,active,false,false',
      '700000000000000003,7103,Lost Report,lost@example.com,700000000000000099,active,false,false',
    ].join('\n');
    const error = await refusal('people', 'csv', csv);
    expect(error.errors).toEqual([
      { line: 4, field: 'managerErecno', message: 'no people row 700000000000000099 in the portal' },
    ]);
    const fixed = csv.split('\n').slice(0, 3).join('\n');
    expect(await importText(lectern, lectern.portalId, 'people', 'csv', fixed)).toMatchObject({ created: 2 });
  });

  it('refuses the same row twice in a file, naming the first line', async () => {
    const csv = `${header}\n,7201,Twin One,t1@example.com,,active,false,false\n,7201,Twin Two,t2@example.com,,active,false,false\n`;
    const error = await refusal('people', 'csv', csv);
    expect(error.errors).toEqual([{ line: 3, field: 'row', message: 'the same row as line 2' }]);
  });
});

it('lists the first 1,000 bad rows and counts them all, and writes none of the good ones', async () => {
  const before = await countRows(lectern, lectern.portalId, 'categories');
  const rows = [{ name: 'Fine', kind: 'course' }];
  for (let index = 0; index < 1_200; index += 1) rows.push({ name: `Bad ${index}`, kind: 'colour' });
  const error = await refusal('categories', 'json', JSON.stringify(rows));
  expect(error.errorCount).toBe(1_200);
  expect(error.errors).toHaveLength(1_000);
  expect(error.errors[0]).toEqual({ line: 1, field: 'kind', message: 'must be one of course, grade' });
  expect(await countRows(lectern, lectern.portalId, 'categories')).toBe(before);
});

it('checks the rules across fields: a batch ending before it starts, a session ending before it begins', async () => {
  const courses = await importText(
    lectern,
    lectern.portalId,
    'courses',
    'csv',
    `courseId,name,type,status,ownerErecno\n700000000000000500,Forklifts,2,0,${lectern.adminErecno}\n`,
  );
  expect(courses).toMatchObject({ created: 1 });
  const batches = [
    'batchId,courseId,name,startDate,endDate,minimumCapacity,maximumCapacity,locationIds,allowWaitlisting,cancelWhenBelowMinimum,publishStatus',
    ',700000000000000500,Backwards,2026-02-10,2026-02-01,1,10,,false,false,unpublished',
    ',700000000000000500,Too small,2026-02-01,2026-02-10,5,2,,false,false,unpublished',
    ',700000000000000999,Orphan,2026-02-01,2026-02-10,1,2,,false,false,unpublished',
  ].join('\n');
  const error = await refusal('batches', 'csv', batches);
  expect(error.errors).toEqual([
    { line: 2, field: 'endDate', message: 'is before startDate' },
    { line: 3, field: 'maximumCapacity', message: 'is below minimumCapacity' },
    { line: 4, field: 'courseId', message: 'no courses row 700000000000000999 in the portal' },
  ]);
  expect(await exportText(lectern, lectern.portalId, 'batches', 'csv')).not.toContain('Backwards');
});
