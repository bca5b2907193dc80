/**
 * npm run bench:import (node --import tsx bench/import-people.ts [rows]): imports 100,000 generated people (a CSV
 * without erecnos, so every row is matched by its employee id) into an empty portal, imports the same file again
 * (every row checked, nothing written), and exports them, on SQLite on disk (synchronous=FULL) and PostgreSQL
 * (LECTERN_TEST_DATABASE_URL, default the test database). The goal: an import under a minute on the development machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bulkKinds, exportRows, importRows } from '../src/bulk/index.ts';
import { PortalAwareClock, systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/db/create-db.ts';
import { IdGenerator } from '../src/ids.ts';
import { openTestDatabase } from '../test/helpers/engines.ts';

const rows = Number(process.argv[2] ?? 100_000);

function peopleCsv(count: number): string {
  const lines = ['employeeId,displayName,firstName,lastName,emailId,status,isAdmin,isTrainer,dateOfJoining'];
  for (let index = 1; index <= count; index += 1) {
    const day = String((index % 28) + 1).padStart(2, '0');
    lines.push(
      `E${index},Person ${index},Person,No ${index},person${index}@example.com,active,false,${index % 50 === 0},2024-03-${day}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: string }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: ((performance.now() - started) / 1000).toFixed(2) };
}

async function measure(label: string, database: DatabaseHandle, csv: string): Promise<void> {
  await migrateToLatest(database.db);
  const context: AppContext = {
    db: database.db,
    dialect: database.dialect,
    clock: new PortalAwareClock(systemClock),
    ids: new IdGenerator(),
    config: loadConfig({ LECTERN_MEMORY: 'true' }),
  };
  const portalId = context.ids.next();
  await database.db
    .insertInto('portals')
    .values({
      id: portalId,
      name: 'Bench',
      url_name: `bench${portalId}`,
      time_zone: 'UTC',
      created_at: Date.now(),
      clock_offset_ms: 0,
      clock_fixed_at: null,
    })
    .execute();
  const kind = bulkKinds.people;
  const first = await timed(() => importRows(context, portalId, kind, 'csv', csv, { dryRun: false }));
  console.log(`${label}: import ${rows} people   ${first.seconds} s (${first.value.created} created)`);
  const again = await timed(() => importRows(context, portalId, kind, 'csv', csv, { dryRun: false }));
  console.log(`${label}: import them again  ${again.seconds} s (${again.value.unchanged} unchanged)`);
  const exported = await timed(async () => {
    let bytes = 0;
    for await (const piece of exportRows(context, portalId, kind, 'csv')) bytes += piece.length;
    return bytes;
  });
  console.log(`${label}: export them        ${exported.seconds} s (${exported.value} characters)`);
  await database.close();
}

const csv = peopleCsv(rows);
const folder = mkdtempSync(join(tmpdir(), 'lectern-import-'));
await measure('SQLite on disk (synchronous=FULL)', openDatabase({ dataDir: folder }), csv);
rmSync(folder, { recursive: true, force: true });
await measure('PostgreSQL', await openTestDatabase('postgres'), csv);
