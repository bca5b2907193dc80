/**
 * `lectern import <kind> <file>` and `lectern export <kind>`: the bulk module on the store directly, on the first
 * portal unless --portal-id names another. A progress bar on a terminal (stderr), plain progress lines otherwise;
 * bad rows one per line on stderr and exit status 1 (nothing written); a bad flag exit status 2.
 */

import { once } from 'node:events';
import { createWriteStream, openSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import {
  bulkKinds,
  exportRows,
  type FileFormat,
  fileFormats,
  type ImportProgress,
  ImportRefused,
  importRows,
  type KindName,
  kindNames,
} from '../bulk/index.ts';
import type { Config } from '../config.ts';
import { CliError, usageExitCode } from './cli-error.ts';
import { inStorePortal } from './store-options.ts';

/** The options both commands share. */
interface BulkOptions {
  format?: string;
  portalId?: string;
}

function checkKind(kind: string): KindName {
  if (!(kindNames as readonly string[]).includes(kind)) {
    throw new CliError(`unknown kind "${kind}": use one of ${kindNames.join(', ')}`, usageExitCode);
  }
  return kind as KindName;
}

function checkFormat(format: string | undefined, file: string | undefined): FileFormat {
  const chosen = format ?? (file !== undefined && extname(file).toLowerCase() === '.json' ? 'json' : 'csv');
  if (!(fileFormats as readonly string[]).includes(chosen)) {
    throw new CliError(`--format must be csv or json, got "${chosen}"`, usageExitCode);
  }
  return chosen as FileFormat;
}

/** Runs the action in the portal --portal-id names (default: the first), on the store directly. */
const withPortal = inStorePortal;

/** A bar on a terminal; otherwise a line per phase and one per tenth of the rows. */
function progressReporter(kind: string): { report: ImportProgress; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { format: `${kind} {phase} [{bar}] {value}/{total}`, stream: process.stderr, hideCursor: true },
      Presets.shades_classic,
    );
    let phase = '';
    return {
      report: (next, done, total) => {
        if (next !== phase) {
          if (phase !== '') bar.stop();
          phase = next;
          bar.start(total, done, { phase: next });
        } else bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let phase = '';
  let nextLine = 0;
  return {
    report: (next, done, total) => {
      if (next !== phase) {
        phase = next;
        nextLine = 0;
      }
      if (done < nextLine && done !== total) return;
      process.stderr.write(`${kind}: ${next} ${done}/${total}\n`);
      nextLine = done + Math.max(1, Math.ceil(total / 10));
    },
    stop: () => {},
  };
}

/** `lectern import <kind> <file>`: answers the summary line; bad rows go to stderr and end in exit status 1. */
export async function importCommand(
  config: Config,
  kindName: string,
  file: string,
  options: BulkOptions & { dryRun?: boolean },
): Promise<string> {
  const kind = bulkKinds[checkKind(kindName)];
  const format = checkFormat(options.format, file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      usageExitCode,
    );
  }
  const progress = progressReporter(kind.name);
  try {
    const summary = await withPortal(config, options.portalId, (context, portalId) =>
      importRows(context, portalId, kind, format, text, {
        dryRun: options.dryRun === true,
        onProgress: progress.report,
      }),
    );
    progress.stop();
    const verb = summary.dryRun ? 'would be' : 'were';
    return `${summary.rows} ${kind.name} rows: ${summary.created} ${verb} created, ${summary.updated} updated, ${summary.unchanged} unchanged${summary.dryRun ? ' (dry run: nothing written)' : ''}\n`;
  } catch (error) {
    progress.stop();
    if (!(error instanceof ImportRefused)) throw error;
    const where = format === 'csv' ? 'line' : 'item';
    for (const row of error.errors) process.stderr.write(`${where} ${row.line}, ${row.field}: ${row.message}\n`);
    if (error.errorCount > error.errors.length) {
      process.stderr.write(`... and ${error.errorCount - error.errors.length} more\n`);
    }
    throw new CliError(error.message, 1);
  }
}

/** `lectern export <kind>`: writes the file to --out or stdout; answers a line for stderr when writing to a file. */
export async function exportCommand(config: Config, kindName: string, options: BulkOptions & { out?: string }) {
  const kind = bulkKinds[checkKind(kindName)];
  const format = checkFormat(options.format, options.out);
  let fd: number | undefined;
  if (options.out !== undefined) {
    try {
      fd = openSync(options.out, 'w');
    } catch (error) {
      throw new CliError(`cannot write ${options.out}: ${(error as NodeJS.ErrnoException).code}`, usageExitCode);
    }
  }
  await withPortal(config, options.portalId, async (context, portalId) => {
    const target = fd === undefined ? process.stdout : createWriteStream('', { fd });
    for await (const piece of exportRows(context, portalId, kind, format)) {
      if (!target.write(piece)) await once(target, 'drain');
    }
    if (target !== process.stdout) {
      target.end();
      await once(target, 'finish');
      process.stderr.write(`${kind.name} written to ${options.out}\n`);
    }
  });
}
