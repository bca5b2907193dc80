/**
 * npm run bench:reset (node --import tsx bench/portal-reset.ts): how long the control room takes to reset the demo
 * portal to its initial snapshot, to empty it, and to take a snapshot, on SQLite (in memory and on disk) and
 * PostgreSQL (LECTERN_TEST_DATABASE_URL, default the test database).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PortalAwareClock, SettableClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import { storeOperator } from '../src/control-room/portals.access.ts';
import { createControlledPortal, resetPortal } from '../src/control-room/portals.service.ts';
import { takeSnapshot } from '../src/control-room/snapshots.service.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/db/create-db.ts';
import { IdGenerator } from '../src/ids.ts';
import { openTestDatabase } from '../test/helpers/engines.ts';

const runs = 50;

async function timeIt(work: () => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return `median ${times[runs >> 1]!.toFixed(2)} ms, p90 ${times[Math.floor(runs * 0.9)]!.toFixed(2)} ms`;
}

async function measure(label: string, database: DatabaseHandle): Promise<void> {
  await migrateToLatest(database.db);
  const config = loadConfig({ LECTERN_MEMORY: 'true' });
  const context: AppContext = {
    db: database.db,
    dialect: database.dialect,
    clock: new PortalAwareClock(new SettableClock()),
    ids: new IdGenerator(),
    config,
  };
  const { portal } = await createControlledPortal(context);
  console.log(
    `${label}: reset to initial ${await timeIt(() => resetPortal(context, storeOperator, portal.id, 'initial'))}`,
  );
  console.log(
    `${label}: reset to empty   ${await timeIt(() => resetPortal(context, storeOperator, portal.id, 'empty'))}`,
  );
  console.log(
    `${label}: snapshot         ${await timeIt(() => takeSnapshot(context, storeOperator, portal.id, 'bench'))}`,
  );
  await database.close();
}

await measure('SQLite in memory', openDatabase({ dataDir: null }));
const folder = mkdtempSync(join(tmpdir(), 'lectern-reset-'));
await measure('SQLite on disk (synchronous=FULL)', openDatabase({ dataDir: folder }));
rmSync(folder, { recursive: true, force: true });
await measure('PostgreSQL', await openTestDatabase('postgres'));
