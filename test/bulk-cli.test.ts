/** `lectern import` and `lectern export` as a user runs them, without a terminal: plain progress lines, exit codes. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUpCliRuns, run, temporaryFolder } from './helpers/cli.ts';
import { createSchema, dropSchema, testDialect } from './helpers/engines.ts';
import { databaseUrlOfSchema } from './helpers/processes.ts';

let store: string[];
let schema: string | null = null;
let folder: string;

beforeAll(async () => {
  folder = temporaryFolder();
  if (testDialect === 'postgres') {
    schema = await createSchema();
    store = ['--database-url', databaseUrlOfSchema(schema)];
  } else store = ['--data', join(folder, 'store')];
});
afterAll(async () => {
  cleanUpCliRuns();
  if (schema !== null) await dropSchema(schema);
});

async function exported(kind: string, format = 'csv'): Promise<string> {
  const out = join(folder, `${kind}-${Date.now()}.${format}`);
  const result = await run(['export', kind, '--out', out, ...store]);
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

describe('lectern export and import', () => {
  it('exports people and imports the file back as unchanged rows, with plain progress lines', async () => {
    const people = await exported('people');
    const rows = people.trim().split('\n').length - 1;
    const file = join(folder, 'people.csv');
    writeFileSync(file, people);
    const result = await run(['import', 'people', file, ...store]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${rows} people rows: 0 were created, 0 updated, ${rows} unchanged\n`);
    expect(result.stderr).toContain(`people: checking ${rows}/${rows}\n`);
    const json = await run(['export', 'people', '--format', 'json', ...store]);
    expect(JSON.parse(json.stdout)).toHaveLength(rows);
  }, 60_000);

  it('prints every bad row on a line of its own, exits 1 and writes nothing', async () => {
    const before = await exported('locations');
    const file = join(folder, 'bad.csv');
    writeFileSync(file, 'name,timeZone\nGood,Europe/Paris\n,UTC\nMoon,Moon/Base\n');
    const result = await run(['import', 'locations', file, ...store]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'line 3, name: required\nline 4, timeZone: not an IANA time zone (e.g. Europe/Berlin)\n',
    );
    expect(result.stderr).toContain('lectern: 2 bad rows: nothing was written\n');
    expect(await exported('locations')).toBe(before);
  }, 60_000);

  it('counts a dry run without writing, then writes', async () => {
    const before = await exported('categories');
    const file = join(folder, 'categories.json');
    writeFileSync(file, JSON.stringify([{ name: 'Forklifts', kind: 'course' }]));
    const dry = await run(['import', 'categories', file, '--dry-run', ...store]);
    expect(dry.stdout).toBe(
      '1 categories rows: 1 would be created, 0 updated, 0 unchanged (dry run: nothing written)\n',
    );
    expect(await exported('categories')).toBe(before);
    const written = await run(['import', 'categories', file, ...store]);
    expect(written.stdout).toBe('1 categories rows: 1 were created, 0 updated, 0 unchanged\n');
    expect(await exported('categories')).toContain(',Forklifts,course\n');
  }, 60_000);

  it('refuses an unknown kind, a bad format and a missing file with one line and exit 2', async () => {
    const kind = await run(['export', 'planets', ...store]);
    expect([kind.code, kind.stderr]).toEqual([2, expect.stringContaining('unknown kind "planets"')]);
    const format = await run(['export', 'rooms', '--format', 'xml', ...store]);
    expect([format.code, format.stderr]).toEqual([2, 'lectern: --format must be csv or json, got "xml"\n']);
    const missing = await run(['import', 'rooms', join(folder, 'none.csv'), ...store]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('cannot read')]);
  }, 60_000);
});
