import type { MigrationResultSet } from 'kysely';
import type { Config } from '../config.ts';
import { createMigrator } from '../db/create-db.ts';
import { CliError } from './cli-error.ts';
import { describeStore, openConfiguredDatabase } from './store-options.ts';

/** Runs the migrations and returns a report of what ran; throws naming the migration that failed. */
export async function migrate(config: Config, down: boolean): Promise<string> {
  const database = await openConfiguredDatabase(config);
  let outcome: MigrationResultSet;
  try {
    const migrator = await createMigrator(database.db);
    // Kysely's migrator rather than migrateToLatest(): its result set says which migrations ran.
    outcome = down ? await migrator.migrateDown() : await migrator.migrateToLatest();
  } finally {
    await database.close();
  }
  const lines = [`Store: ${describeStore(config)}`];
  for (const result of outcome.results ?? []) {
    const verb = result.direction === 'Up' ? 'applied' : 'reverted';
    const state = result.status === 'Success' ? verb : result.status === 'Error' ? `FAILED (not ${verb})` : 'not run';
    lines.push(`  ${result.migrationName}: ${state}`);
  }
  if (outcome.error !== undefined) {
    throw new CliError(`${lines.join('\n')}\nmigration failed: ${String(outcome.error)}`);
  }
  if ((outcome.results ?? []).length === 0) {
    lines.push(down ? '  nothing to revert' : '  the schema is already current');
  }
  return `${lines.join('\n')}\n`;
}
