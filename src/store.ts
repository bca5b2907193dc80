/** Getting a store ready to serve: schema current, default portal present, bootstrap token installed. */

import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { createMigrator, migrateToLatest } from './db/create-db.ts';
import type { Database } from './db/database.ts';
import { claimProcessTag } from './db/process-tag.ts';
import { ensureDefaultPortal, issueToken } from './features/people/portal.service.ts';
import { hashToken } from './features/people/token.repository.ts';

/** True when migrations are pending (so start-up can skip the migrator when the store is current). */
export async function isSchemaBehind(db: Kysely<Database>): Promise<boolean> {
  const migrations = await (await createMigrator(db)).getMigrations();
  return migrations.some((migration) => migration.executedAt === undefined);
}

/** What prepareStore found or made. */
export interface PreparedStore {
  portalId: string | null;
  /** A fresh admin token, made only when the demo portal was just created. */
  newAdminToken: string | null;
}

/** Migrates if needed, loads the demo portal into an empty store, installs LECTERN_BOOTSTRAP_TOKEN. */
export async function prepareStore(context: AppContext, config: Config): Promise<PreparedStore> {
  if (await isSchemaBehind(context.db)) await migrateToLatest(context.db);
  context.ids.setProcessTag(await claimProcessTag(context.db));
  const before = await context.db.selectFrom('portals').select('id').limit(1).executeTakeFirst();
  const portal = await ensureDefaultPortal(context, config.demo);
  if (portal === undefined) return { portalId: null, newAdminToken: null };
  let newAdminToken: string | null = null;
  if (before === undefined) {
    newAdminToken = (await issueToken(context, { portalId: portal.id, scopes: ['ZOHOPEOPLE.training.ALL'] })).token;
  }
  if (config.bootstrapToken !== null) {
    const known = await context.db
      .selectFrom('tokens')
      .select('hash')
      .where('hash', '=', hashToken(config.bootstrapToken))
      .executeTakeFirst();
    if (known === undefined) {
      await issueToken(context, {
        portalId: portal.id,
        scopes: ['ZOHOPEOPLE.training.ALL'],
        isOperator: true,
        value: config.bootstrapToken,
      });
    }
  }
  return { portalId: portal.id, newAdminToken };
}
