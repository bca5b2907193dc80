/** The results of a run: rows, the ratio to bare node:http, the markdown table, the JSON file, and comparing two. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { LoadResult } from './load.ts';
import type { StartupMeasurement } from './startup.ts';

/** ok; flagged (some request failed); not available (the endpoint does not exist yet); failed (set-up broke). */
export type RowStatus = 'ok' | 'flagged' | 'not available' | 'failed';

/** One scenario on one engine at one connection count. */
export interface Row extends Partial<LoadResult> {
  scenario: string;
  title: string;
  /** `none` for the bare node:http baseline. */
  engine: 'sqlite' | 'postgres' | 'none';
  connections: number;
  status: RowStatus;
  note: string | null;
  /** req/s over bare node:http's at the same connection count in the same run (the mean of its runs). */
  ratioToBare: number | null;
}

/** What a results file holds. */
export interface RunFile {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; totalMemoryMb: number; load: number[] };
  settings: Record<string, unknown>;
  rows: Row[];
  startup: StartupMeasurement[];
  /** Each engine's server at rest: resident memory once started, before its first request. */
  idleMemory: IdleMemory[];
}

/** A server's resident memory at rest. */
export interface IdleMemory {
  engine: 'sqlite' | 'postgres';
  rssMb: number | null;
}

/** The machine, as far as it bears on the figures (the load average says how shared it was when the run began). */
export function machine(): RunFile['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    load: loadavg().map((value) => Number(value.toFixed(2))),
  };
}

/** Sets each row's ratio to the bare baseline's mean req/s at its connection count. */
export function addRatios(rows: Row[]): void {
  for (const row of rows) {
    const bare = rows.filter(
      (other) => other.engine === 'none' && other.connections === row.connections && other.requestsPerSecond,
    );
    if (bare.length === 0 || row.requestsPerSecond === undefined) continue;
    const baseline = bare.reduce((sum, other) => sum + other.requestsPerSecond!, 0) / bare.length;
    row.ratioToBare = row.requestsPerSecond / baseline;
  }
}

const fixed = (value: number | null | undefined, digits: number) =>
  value === null || value === undefined ? '' : value.toFixed(digits);
/** A latency of a row; blank when nothing was answered (autocannon times answered requests only). */
const milliseconds = (row: Row, value: number | undefined) =>
  value === undefined || !row.requests ? '' : value < 1 ? '<1' : value.toFixed(0);
const engineName = { sqlite: 'SQLite', postgres: 'PostgreSQL', none: '' } as const;

/** The rows as a markdown table, with a line per flagged or failed row saying why. */
export function loadTable(rows: Row[]): string {
  const lines = [
    '| scenario | engine | conns | req/s | p50 ms | p99 ms | non-2xx | vs node:http | server CPU µs/req | ' +
      'server RSS MiB | driver CPU | status |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    const measured = row.requestsPerSecond !== undefined;
    lines.push(
      `| ${row.title} | ${engineName[row.engine]} | ${row.connections} | ${fixed(row.requestsPerSecond, 0)} | ` +
        `${milliseconds(row, row.p50Ms)} | ${milliseconds(row, row.p99Ms)} | ` +
        `${measured ? row.non2xx : ''} | ` +
        `${row.ratioToBare === null ? '' : `${row.ratioToBare.toFixed(2)}x`} | ${fixed(row.serverCpuUsPerRequest, 0)} | ` +
        `${fixed(row.serverPeakRssMb, 0)} | ` +
        `${measured ? `${fixed(row.driverCpuPercent, 0)}%` : ''} | ${row.status} |`,
    );
  }
  const notes = rows.filter((row) => row.status === 'flagged' || row.status === 'failed');
  if (notes.length > 0) lines.push('');
  for (const row of notes) {
    lines.push(`- ${row.status.toUpperCase()}: ${row.title} (${row.engine}, ${row.connections}): ${row.note}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The idle memory lines, one per engine. */
export function idleMemoryTable(idle: IdleMemory[]): string {
  const lines = ['| server at rest | RSS MiB |', '|---|---:|'];
  for (const entry of idle)
    lines.push(`| ${engineName[entry.engine]}, started, no request yet | ${fixed(entry.rssMb, 0)} |`);
  return `${lines.join('\n')}\n`;
}

/** Writes the run to `<folder>/<ISO time>.json` (colons as dashes, so the name is valid everywhere). */
export function saveRun(folder: string, run: RunFile): string {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${run.startedAt.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}.json`);
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  return file;
}

const ratio = (after: number | null | undefined, before: number | null | undefined) =>
  after && before ? `${(after / before).toFixed(2)}x` : '';

/** Compares two results files row by row: B's figures over A's, and each run's ratio to its own bare baseline. */
export function compareRuns(fileA: string, fileB: string): string {
  const [a, b] = [fileA, fileB].map((file) => JSON.parse(readFileSync(file, 'utf8')) as RunFile);
  const key = (row: Row) => `${row.scenario}|${row.engine}|${row.connections}`;
  const inB = new Map(b!.rows.map((row) => [key(row), row]));
  const lines = [
    `A: ${fileA} (${a!.machine.node}, ${a!.machine.cpus} CPUs, load ${a!.machine.load.join(' ')})`,
    `B: ${fileB} (${b!.machine.node}, ${b!.machine.cpus} CPUs, load ${b!.machine.load.join(' ')})`,
    '',
    '| scenario | engine | conns | req/s A | req/s B | B/A | p99 A | p99 B | vs node:http A | vs node:http B | ' +
      'vs node:http B/A | CPU µs/req B/A |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const rowA of a!.rows) {
    const rowB = inB.get(key(rowA));
    if (rowB === undefined) continue;
    lines.push(
      `| ${rowA.title} | ${engineName[rowA.engine]} | ${rowA.connections} | ${fixed(rowA.requestsPerSecond, 0)} | ` +
        `${fixed(rowB.requestsPerSecond, 0)} | ${ratio(rowB.requestsPerSecond, rowA.requestsPerSecond)} | ` +
        `${milliseconds(rowA, rowA.p99Ms)} | ${milliseconds(rowB, rowB.p99Ms)} | ${fixed(rowA.ratioToBare, 2)} | ` +
        `${fixed(rowB.ratioToBare, 2)} | ${ratio(rowB.ratioToBare, rowA.ratioToBare)} | ` +
        `${ratio(rowB.serverCpuUsPerRequest, rowA.serverCpuUsPerRequest)} |`,
    );
  }
  const startupB = new Map(b!.startup.map((row) => [row.name, row]));
  const startup = a!.startup.filter((row) => startupB.has(row.name));
  if (startup.length > 0) {
    lines.push(
      '',
      '| startup | ms A | ms B | B/A | vs node -e 0 A | vs node -e 0 B |',
      '|---|---:|---:|---:|---:|---:|',
    );
    for (const rowA of startup) {
      const rowB = startupB.get(rowA.name)!;
      lines.push(
        `| ${rowA.name} | ${rowA.medianMs.toFixed(0)} | ${rowB.medianMs.toFixed(0)} | ` +
          `${ratio(rowB.medianMs, rowA.medianMs)} | ${rowA.ratio.toFixed(2)}x | ${rowB.ratio.toFixed(2)}x |`,
      );
    }
  }
  const inA = new Set(a!.rows.map(key));
  const unmatched =
    a!.rows.filter((row) => !inB.has(key(row))).length + b!.rows.filter((row) => !inA.has(key(row))).length;
  if (unmatched > 0) lines.push('', `${unmatched} rows are in only one of the two runs and are left out.`);
  return `${lines.join('\n')}\n`;
}
