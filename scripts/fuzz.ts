/**
 * The long fuzz run: the properties of test/openapi-fuzz.test.ts outside vitest, on SQLite in memory and/or a private
 * PostgreSQL schema (dropped at the end). `npm run fuzz -- --runs 100000 --engine both [--seed N]`.
 */
import { parseArgs } from 'node:util';
import { fuzzOrder, readOperations } from '../test/helpers/fuzz/operations.ts';
import { FuzzFailure, FuzzSession, type FuzzTally } from '../test/helpers/fuzz/session.ts';
import { defaultSeed, operationSeed, runsPerOperation, wholeNumber } from '../test/helpers/fuzz/settings.ts';
import { createTestLectern } from '../test/helpers/test-app.ts';

type Engine = 'sqlite' | 'postgres';

const help = `Usage: npm run fuzz -- [--runs N] [--engine sqlite|postgres|both] [--seed N] [--only TEXT]

Sends generated requests to every operation of openapi.json: valid, invalid and hostile path ids, query parameters
and data objects, in every delivery and content type. Fails (exit 1) on any 5xx, any 4xx that is not Zoho's error
body, or any refused write that changed a portal's rows, printing fast-check's report of the case.

  --runs N      cases per engine, spread evenly over the operations (default 5000)
  --engine E    sqlite, postgres or both (default both); PostgreSQL from LECTERN_TEST_DATABASE_URL
                (default postgres://postgres@127.0.0.1:5432/test), in a schema of its own that is dropped at the end
  --seed N      fast-check's seed (default ${defaultSeed}); each operation runs with a seed derived from it
  --only TEXT   only the operations whose operationId or path contains TEXT (to replay one)
  --help        this text
`;

/** A wrong flag or value: said in one line with a pointer to --help, exit 2. */
class UsageError extends Error {}

interface EngineResult {
  engine: Engine;
  tally: FuzzTally;
  failures: string[];
  seconds: number;
}

function parseOptions() {
  const { values } = parseFlags();
  if (values.help) {
    process.stdout.write(help);
    process.exit(0);
  }
  const engine = values.engine ?? 'both';
  if (!['sqlite', 'postgres', 'both'].includes(engine))
    throw new UsageError('--engine must be sqlite, postgres or both');
  try {
    return {
      runs: wholeNumber(values.runs, 5000, '--runs'),
      seed: wholeNumber(values.seed, defaultSeed, '--seed'),
      engines: (engine === 'both' ? ['sqlite', 'postgres'] : [engine]) as Engine[],
      only: values.only,
    };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parseFlags() {
  try {
    return parseArgs({
      options: {
        runs: { type: 'string' },
        engine: { type: 'string' },
        seed: { type: 'string' },
        only: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    // parseArgs's own errors: an unknown flag, a flag without its value.
    throw new UsageError((error as Error).message);
  }
}

async function fuzzEngine(engine: Engine, options: ReturnType<typeof parseOptions>): Promise<EngineResult> {
  const all = readOperations();
  const operations = fuzzOrder(all).filter(
    (operation) =>
      options.only === undefined || operation.name.includes(options.only) || operation.path.includes(options.only),
  );
  if (operations.length === 0) throw new UsageError(`no operation's operationId or path contains ${options.only}`);
  const runs = runsPerOperation(options.runs, operations);
  console.log(`${engine}: ${operations.length} operations, ${runs} cases each, seed ${options.seed}`);
  const started = performance.now();
  let reported = 0;
  const lectern = await createTestLectern({ dialect: engine });
  const session = new FuzzSession(lectern, (tally) => {
    if (tally.requests - reported < 10_000) return;
    reported = tally.requests;
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`${engine}: ${tally.requests} requests, ${tally.serverErrors} 5xx, ${seconds} s`);
  });
  const failures: string[] = [];
  try {
    await session.start();
    for (const operation of operations) {
      // The seed follows the operation's place in the whole document, so that --only replays the same cases.
      const seed = operationSeed(options.seed, all.indexOf(operation));
      try {
        await session.fuzz(operation, runs, seed);
      } catch (error) {
        if (!(error instanceof FuzzFailure)) throw error;
        failures.push(error.message);
        console.log(`\n${engine}: FAILED ${error.message}\n`);
        // A failure may leave the world half-deleted: the next operation starts from a new one.
        await session.start();
      }
    }
  } finally {
    await lectern.close();
  }
  return { engine, tally: session.tally, failures, seconds: (performance.now() - started) / 1000 };
}

function printTable(results: EngineResult[]): void {
  const statuses = [...new Set(results.flatMap((result) => Object.keys(result.tally.byStatus).map(Number)))].sort(
    (a, b) => a - b,
  );
  const rows: Array<[string, ...string[]]> = [
    ['', ...results.map((result) => result.engine)],
    ['requests', ...results.map((result) => String(result.tally.requests))],
    ['2xx', ...results.map((result) => String(countIn(result.tally, 200, 299)))],
    ...statuses
      .filter((status) => status >= 300)
      .map((status): [string, ...string[]] => [
        String(status),
        ...results.map((result) => String(result.tally.byStatus[status] ?? 0)),
      ]),
    ['5xx (must be 0)', ...results.map((result) => String(result.tally.serverErrors))],
    ['refused writes that changed something (must be 0)', ...results.map((r) => String(r.tally.changedOnRefusal))],
    ['failed operations', ...results.map((result) => String(result.failures.length))],
    ['seconds', ...results.map((result) => result.seconds.toFixed(1))],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log();
  for (const row of rows) {
    console.log(
      row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('  '),
    );
  }
}

function countIn(tally: FuzzTally, low: number, high: number): number {
  return Object.entries(tally.byStatus)
    .filter(([status]) => Number(status) >= low && Number(status) <= high)
    .reduce((sum, [, count]) => sum + count, 0);
}

async function main(): Promise<void> {
  const options = parseOptions();
  const results: EngineResult[] = [];
  for (const engine of options.engines) results.push(await fuzzEngine(engine, options));
  printTable(results);
  const failures = results.flatMap((result) => result.failures.map((failure) => `${result.engine}: ${failure}`));
  if (failures.length > 0) {
    console.log(`\n${failures.length} failing operation(s); the reproducing cases:\n\n${failures.join('\n\n')}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message} (npm run fuzz -- --help)`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
