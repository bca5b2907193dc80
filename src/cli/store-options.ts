/** The options every command shares for choosing the store, and turning a command's flags into a Config. */

import type { Command } from 'commander';
import { PortalAwareClock, systemClock } from '../clock.ts';
import { type Config, type ConfigOverrides, loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { type DatabaseHandle, openDatabase } from '../db/create-db.ts';
import { LmsError } from '../errors.ts';
import { portalExists } from '../features/people/index.ts';
import { IdGenerator, isNumericId } from '../ids.ts';
import { prepareStore } from '../store.ts';
import { CliError, usageExitCode } from './cli-error.ts';
import { checkDatabaseReachable, checkDataFolder, dataFolderError } from './start-up-problems.ts';

const overridable = ['port', 'host', 'data', 'memory', 'databaseUrl', 'demo', 'rateLimit'] as const;

/**
 * Loads the settings with the flags the user actually typed on top of the environment. Commander's implicit
 * defaults (such as `rateLimit: true` implied by `--no-rate-limit`) must not hide the environment's values.
 */
export function loadCommandConfig(command: Command, env: Record<string, string | undefined> = process.env): Config {
  const options = command.opts();
  const overrides: Record<string, unknown> = {};
  for (const name of overridable) {
    if (command.getOptionValueSource(name) === 'cli') overrides[name] = options[name];
  }
  // A ConfigError goes up to main.ts, which prints one line per problem and exits with 2.
  return loadConfig(env, overrides as ConfigOverrides);
}

/**
 * Opens the store the settings name, having checked that it can be used: the data folder is writable, or
 * PostgreSQL answers. Either failure is a ConfigError naming the setting.
 */
export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.databaseUrl !== null) await checkDatabaseReachable(config.databaseUrl);
  else if (config.dataDir !== null) checkDataFolder(config.dataDir);
  try {
    return openDatabase({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      sqliteSynchronous: config.sqliteSynchronous,
    });
  } catch (error) {
    // Only SQLite opens eagerly (a file that is not a database, a read-only file system): PostgreSQL's pool connects later.
    if (config.dataDir !== null && config.databaseUrl === null) throw dataFolderError(config.dataDir, error);
    throw error;
  }
}

/** A one-line, password-free description of the store, for start-up output. */
export function describeStore(config: Config): string {
  if (config.databaseUrl !== null) return 'PostgreSQL';
  if (config.dataDir === null) return 'in-memory SQLite (nothing is kept after exit)';
  return `SQLite in ${config.dataDir} (synchronous=${config.sqliteSynchronous})`;
}

/** The store flags that point another command at the same store, for hints such as `lectern token create ...`. */
export function storeFlags(config: Config): string {
  if (config.databaseUrl !== null) return '--database-url "$DATABASE_URL"';
  if (config.dataDir === null) return '--memory';
  return `--data ${/^[\w./-]+$/.test(config.dataDir) ? config.dataDir : JSON.stringify(config.dataDir)}`;
}

/** What a command that works on the store without an HTTP server hands the services. */
export function commandContext(database: DatabaseHandle, config: Config): AppContext {
  return {
    db: database.db,
    dialect: database.dialect,
    clock: new PortalAwareClock(systemClock),
    ids: new IdGenerator(),
    config,
  };
}

/**
 * Opens the store (migrating it, making its first portal if empty), runs `action` in the portal --portal-id names
 * (default: the first), and closes it; a bad --portal-id, a missing portal and a refusal (4xx) are one-line usage
 * errors. Every command that works on one portal's rows directly goes through here.
 */
export async function inStorePortal<T>(
  config: Config,
  portalId: string | undefined,
  action: (context: AppContext, portalId: string) => Promise<T>,
): Promise<T> {
  if (portalId !== undefined && !isNumericId(portalId)) {
    throw new CliError(`--portal-id must be a portal id (digits only), got "${portalId}"`, usageExitCode);
  }
  const database = await openConfiguredDatabase(config);
  try {
    const context = commandContext(database, config);
    const prepared = await prepareStore(context, config, { adminToken: false });
    const chosen = portalId ?? prepared.portalId;
    if (!(await portalExists(context.db, chosen))) throw new CliError(`no portal ${chosen}`, usageExitCode);
    return await action(context, chosen);
  } catch (error) {
    if (error instanceof LmsError && error.status < 500) throw new CliError(error.message, usageExitCode);
    throw error;
  } finally {
    await database.close();
  }
}
