import { type Kysely, NO_MIGRATIONS, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMigrator } from '../src/db/create-db.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { openTestDatabase } from './helpers/engines.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function tableNames(): Promise<string[]> {
  // Only this file's schema: a catalogue-wide introspection could trip over another file's schema being dropped.
  const query =
    database.schema === null
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = ${database.schema}`;
  const { rows } = await query.execute(database.db);
  return rows
    .map((row) => row.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort();
}

it('runs every migration up, all the way down, and up again on this engine', async () => {
  const migrator = await createMigrator(database.db);
  const first = await migrator.migrateToLatest();
  expect(first.error).toBeUndefined();
  expect(first.results?.map((result) => result.migrationName)).toEqual(Object.keys(migrations));
  const afterUp = await tableNames();
  expect(afterUp).toEqual(expect.arrayContaining(['courses', 'employees', 'portals', 'tokens', 'counters']));

  const down = await migrator.migrateTo(NO_MIGRATIONS);
  expect(down.error).toBeUndefined();
  expect(down.results?.every((result) => result.direction === 'Down' && result.status === 'Success')).toBe(true);
  expect(await tableNames()).toEqual([]);

  const again = await migrator.migrateToLatest();
  expect(again.error).toBeUndefined();
  expect(await tableNames()).toEqual(afterUp);
});

it('steps down one migration at a time', async () => {
  const migrator = await createMigrator(database.db);
  await migrator.migrateToLatest();
  const names = Object.keys(migrations);
  for (let index = names.length - 1; index >= 0; index -= 1) {
    const step = await migrator.migrateDown();
    expect(step.error).toBeUndefined();
    expect(step.results?.[0]?.migrationName).toBe(names[index]);
  }
  await migrator.migrateToLatest();
});

it("gives the demo's locations, already stored, the time zones of their cities", async () => {
  const migrator = await createMigrator(database.db);
  await migrator.migrateTo('2026-11-23T1730_notifications');
  const names = ['Austin, Texas', 'Chennai, Estancia IT Park', 'Somewhere Else', 'Utrecht, Netherlands'];
  await database.db
    .insertInto('locations')
    .values(names.map((name, index) => ({ id: `90000000000000000${index}`, portal_id: '1', name })))
    .execute();
  expect((await migrator.migrateToLatest()).error).toBeUndefined();
  const rows = await database.db.selectFrom('locations').select(['name', 'time_zone']).orderBy('name').execute();
  expect(rows.map((row) => [row.name, row.time_zone])).toEqual([
    ['Austin, Texas', 'America/Chicago'],
    ['Chennai, Estancia IT Park', 'Asia/Kolkata'],
    ['Somewhere Else', null],
    ['Utrecht, Netherlands', 'Europe/Amsterdam'],
  ]);
  await database.db.deleteFrom('locations').where('name', 'in', names).execute();
});

it('gives tokens made before the token lifecycle migration an id, no expiry and no revocation', async () => {
  const migrator = await createMigrator(database.db);
  await migrator.migrateTo('2026-11-23T1730_notifications');
  const legacy = {
    hash: 'a'.repeat(64),
    portal_id: '1',
    erecno: '2',
    scopes: 'ZOHOPEOPLE.training.ALL',
    created_at: 1,
  };
  await (database.db as Kysely<any>).insertInto('tokens').values(legacy).execute();
  expect((await migrator.migrateToLatest()).error).toBeUndefined();
  const row = await database.db
    .selectFrom('tokens')
    .selectAll()
    .where('hash', '=', legacy.hash)
    .executeTakeFirstOrThrow();
  expect(row).toMatchObject({ expires_at: null, revoked_at: null, minted_by: null });
  expect(row.id).toMatch(/^\d{18}$/);
  await database.db.deleteFrom('tokens').where('hash', '=', legacy.hash).execute();
});
