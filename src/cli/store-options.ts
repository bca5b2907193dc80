/** The options every command shares for choosing the store, and turning a command's flags into a Config. */
import type { Command } from 'commander';
import { PortalAwareClock, systemClock } from '../clock.ts';
import { type Config, type ConfigOverrides, loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { type DatabaseHandle, openDatabase } from '../db/create-db.ts';
import { IdGenerator } from '../ids.ts';
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
