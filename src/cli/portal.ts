/** `lectern portal ...`: the control room's portal commands, working on the store directly as `token create` does. */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { loadFixtures } from '../control-room/fixtures.service.ts';
import { storeOperator } from '../control-room/portals.access.ts';
import { createControlledPortal, deletePortal, listPortals, resetPortal } from '../control-room/portals.service.ts';
import { restoreSnapshot, takeSnapshot } from '../control-room/snapshots.service.ts';
import { LmsError } from '../errors.ts';
import { isNumericId } from '../ids.ts';
import { prepareStore } from '../store.ts';
import { CliError, usageExitCode } from './cli-error.ts';
import { commandContext, openConfiguredDatabase } from './store-options.ts';

/** Opens the store, runs the work on a context like the server's, and closes it; a refusal becomes one line, exit 2. */
async function onStore<T>(config: Config, work: (context: AppContext) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(config);
  try {
    const context = commandContext(database, config);
    await prepareStore(context, config, { adminToken: false });
    return await work(context);
  } catch (error) {
    if (error instanceof LmsError && error.status < 500) throw new CliError(error.message, usageExitCode);
    throw error;
  } finally {
    await database.close();
  }
}

/** The portal id argument, checked before the store is opened. */
export function portalIdArgument(value: string, name = 'portal id'): string {
  if (!isNumericId(value)) throw new CliError(`the ${name} must be digits only, got "${value}"`, usageExitCode);
  return value;
}

/** `portal list`: one line per portal: id, URL name, name. */
export async function listPortalsCommand(config: Config): Promise<string> {
  return onStore(config, async (context) => {
    const lines: string[] = [];
    for (let startIndex = 0; ; startIndex += 1000) {
      const rows = await listPortals(context, storeOperator, { startIndex, limit: 1000 });
      lines.push(...rows.map((row) => `${row.id}\t${row.url_name}\t${row.name}\n`));
      if (rows.length < 1000) return lines.join('');
    }
  });
}

/** `portal delete <id>`. */
export async function deletePortalCommand(config: Config, portalId: string): Promise<string> {
  const id = portalIdArgument(portalId);
  return onStore(config, async (context) => {
    await deletePortal(context, storeOperator, id);
    return `deleted portal ${id}\n`;
  });
}

/** `portal reset <id> [--empty]`, with the time it took. */
export async function resetPortalCommand(config: Config, portalId: string, empty: boolean): Promise<string> {
  const id = portalIdArgument(portalId);
  return onStore(config, async (context) => {
    const started = performance.now();
    const { rowCount } = await resetPortal(context, storeOperator, id, empty ? 'empty' : 'initial');
    const ms = (performance.now() - started).toFixed(1);
    return empty
      ? `emptied portal ${id} in ${ms} ms\n`
      : `reset portal ${id} to initial (${rowCount} rows) in ${ms} ms\n`;
  });
}

/** `portal snapshot <id> <name>`. */
export async function snapshotCommand(config: Config, portalId: string, name: string): Promise<string> {
  const id = portalIdArgument(portalId);
  return onStore(config, async (context) => {
    const snapshot = await takeSnapshot(context, storeOperator, id, name);
    return `snapshot ${snapshot.name} of portal ${id}: ${snapshot.rowCount} rows, ${snapshot.sizeBytes} bytes\n`;
  });
}

/** `portal restore <id> <name>`. */
export async function restoreCommand(config: Config, portalId: string, name: string): Promise<string> {
  const id = portalIdArgument(portalId);
  return onStore(config, async (context) => {
    const rowCount = await restoreSnapshot(context, storeOperator, id, name);
    return `restored snapshot ${name} into portal ${id} (${rowCount} rows)\n`;
  });
}

function readFixtureFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, usageExitCode);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not JSON: ${(error as Error).message}`, usageExitCode);
  }
}

function seedArgument(seed: string | undefined): number | undefined {
  if (seed === undefined) return undefined;
  const value = /^\d{1,10}$/.test(seed) ? Number(seed) : Number.NaN;
  if (!(value <= 2_147_483_647))
    throw new CliError(`--seed must be a whole number from 0 to 2147483647, got "${seed}"`, usageExitCode);
  return value;
}

/**
 * `portal load <file> [--portal <id>] [--seed N]`: into the portal given, or into a new demo portal (deleted again
 * when the file is refused). Prints JSON: the portal, the seed, the id of every key, and a new portal's admin token.
 */
export async function loadCommand(
  config: Config,
  file: string,
  options: { portal?: string; seed?: string },
): Promise<string> {
  const portalId = options.portal === undefined ? undefined : portalIdArgument(options.portal, '--portal');
  const seed = seedArgument(options.seed);
  const fixtures = readFixtureFile(file);
  return onStore(config, async (context) => {
    if (portalId !== undefined) {
      return `${JSON.stringify(await loadFixtures(context, storeOperator, portalId, fixtures, seed))}\n`;
    }
    const created = await createControlledPortal(context);
    try {
      const loaded = await loadFixtures(context, storeOperator, created.portal.id, fixtures, seed);
      return `${JSON.stringify({ ...loaded, token: created.token })}\n`;
    } catch (error) {
      await deletePortal(context, storeOperator, created.portal.id);
      throw error;
    }
  });
}
