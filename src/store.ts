/** Getting a store ready to serve: schema current, first portal present, bootstrap token installed. */

import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { initialSnapshotStep } from './control-room/portals.service.ts';
import { createMigrator, migrateToLatest } from './db/create-db.ts';
import type { Database } from './db/database.ts';
import { claimProcessTag } from './db/process-tag.ts';
import { ensureDefaultPortal, hasPortal, installOperatorToken, issueToken } from './features/people/index.ts';

/** True when migrations are pending (so start-up can skip the migrator when the store is current). */
export async function isSchemaBehind(db: Kysely<Database>): Promise<boolean> {
  const migrations = await (await createMigrator(db)).getMigrations();
  return migrations.some((migration) => migration.executedAt === undefined);
}

/** Migrates if needed and claims this process's tag for the ids it makes: a store ready for writes. */
export async function prepareSchema(context: AppContext): Promise<void> {
  if (await isSchemaBehind(context.db)) await migrateToLatest(context.db);
  context.ids.setProcessTag(await claimProcessTag(context.db));
}

/** What prepareStore found or made. */
export interface PreparedStore {
  portalId: string;
  /** A fresh admin token, made only when the first portal was just created (and one was asked for). */
  newAdminToken: string | null;
}

/**
 * Migrates if needed, makes the first portal in an empty store (the demo, or an empty one with only its
 * Administrator when config.demo is off), installs LECTERN_BOOTSTRAP_TOKEN. `adminToken: false` skips the token
 * for a new portal's admin, for callers that would not show it.
 */
export async function prepareStore(
  context: AppContext,
  config: Config,
  options: { adminToken?: boolean } = {},
): Promise<PreparedStore> {
  await prepareSchema(context);
  const hadPortal = await hasPortal(context.db);
  // The first portal keeps its starting state as the `initial` snapshot, which `lectern portal reset` goes back to.
  const portal = await ensureDefaultPortal(
    context,
    config.demo,
    hadPortal ? undefined : await initialSnapshotStep(context),
  );
  let newAdminToken: string | null = null;
  if (!hadPortal && options.adminToken !== false) {
    newAdminToken = (await issueToken(context, { portalId: portal.id, scopes: ['ZOHOPEOPLE.training.ALL'] })).token;
  }
  if (config.bootstrapToken !== null) await installOperatorToken(context, portal.id, config.bootstrapToken);
  return { portalId: portal.id, newAdminToken };
}
