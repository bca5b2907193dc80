/**
 * Importing a file of one kind into a portal: every row is read and checked (fields, references, ids taken by another
 * portal, the same row twice), all problems are reported together, and only a clean file is written, in one
 * transaction. Rows are matched by id, or by the kind's natural key when the id is empty, so re-importing a file
 * changes nothing.
 */
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { deleteRows, existingIds, insertRows, rowsWhere } from './bulk.repository.ts';
import { type FileFormat, FileProblem, readRows } from './file-format.ts';
import { type BulkKind, type FileRow, rowChecker, type TableRow } from './kind.schemas.ts';
import { bulkKinds } from './kinds/index.kind.ts';

/** Rows a file may hold. */
export const maxImportRows = 500_000;
/** Row errors reported at most (with the total count). */
export const maxReportedErrors = 1_000;

/** A bad row: where (CSV line counting the header as 1, or JSON array index), which field, and why. */
export interface RowError {
  line: number;
  field: string;
  message: string;
}

/** What an import wrote (or, with dryRun, would write). */
export interface ImportSummary {
  kind: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

/** The file had bad rows: nothing was written. */
export class ImportRefused extends Error {
  constructor(
    readonly errors: RowError[],
    readonly errorCount: number,
  ) {
    super(`${errorCount} bad row${errorCount === 1 ? '' : 's'}: nothing was written`);
  }
}

/** Where an import is, for a progress bar: `checked` rows of `total`, then `written` of the rows to write. */
export type ImportProgress = (phase: 'checking' | 'writing', done: number, total: number) => void;

interface CheckedRow {
  line: number;
  fields: FileRow;
  table: TableRow;
  /** The row's id, given or found by its natural key; null until known (a new row without one). */
  id: string | null;
}

class ErrorList {
  readonly items: RowError[] = [];
  count = 0;
  add(line: number, field: string, message: string) {
    this.count += 1;
    this.items.push({ line, field, message });
  }
  report(): ImportRefused {
    const sorted = this.items.sort((a, b) => a.line - b.line);
    return new ImportRefused(sorted.slice(0, maxReportedErrors), this.count);
  }
}

const keyOf = (row: TableRow, columns: readonly string[]) =>
  JSON.stringify(columns.map((column) => row[column] ?? null));

/** Text of a cell for comparing a stored row with a file's (numbers may come back as text from PostgreSQL). */
const same = (a: unknown, b: unknown) => String(a ?? null) === String(b ?? null);

function checkFields(
  kind: BulkKind,
  format: FileFormat,
  text: string,
  errors: ErrorList,
  onProgress?: ImportProgress,
): CheckedRow[] {
  const read = readRows(kind, format, text, maxImportRows);
  if (read.length > maxImportRows) {
    throw new ImportRefused([{ line: 0, field: 'file', message: `more than ${maxImportRows} rows` }], 1);
  }
  const checker = rowChecker(kind);
  const checked: CheckedRow[] = [];
  for (const [index, row] of read.entries()) {
    if (index % 10_000 === 0) onProgress?.('checking', index, read.length);
    if (row.problem !== undefined) {
      errors.add(row.line, 'row', row.problem);
      continue;
    }
    const problem = checker.problem(row.fields);
    if (problem !== null) {
      errors.add(row.line, problem.field, problem.message);
      continue;
    }
    const id = kind.id === undefined ? null : ((row.fields[kind.id.field] as string | undefined) ?? null);
    checked.push({ line: row.line, fields: row.fields, table: kind.toTable(row.fields), id });
  }
  return checked;
}

function checkDuplicates(kind: BulkKind, rows: CheckedRow[], errors: ErrorList): CheckedRow[] {
  const seen = new Map<string, number>();
  return rows.filter((row) => {
    const key = row.id !== null ? `id:${row.id}` : `key:${keyOf(row.table, kind.naturalKey)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.add(row.line, kind.id && row.id !== null ? kind.id.field : 'row', `the same row as line ${first}`);
      return false;
    }
    seen.set(key, row.line);
    return true;
  });
}

async function checkReferences(db: Db, portalId: string, kind: BulkKind, rows: CheckedRow[], errors: ErrorList) {
  const bad = new Set<CheckedRow>();
  for (const reference of kind.references) {
    const target = bulkKinds[reference.kind];
    const idsOf = (row: CheckedRow): string[] => {
      const value = row.fields[reference.field];
      return value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [String(value)];
    };
    const inFile = new Set(reference.kind === kind.name ? rows.map((row) => row.id).filter((id) => id !== null) : []);
    const wanted = [...new Set(rows.flatMap(idsOf))].filter((id) => !inFile.has(id));
    const found = await existingIds(db, target.table, target.id!.column, portalId, wanted);
    for (const row of rows) {
      const missing = idsOf(row).find((id) => !inFile.has(id) && !found.has(id));
      if (missing === undefined) continue;
      errors.add(row.line, reference.field, `no ${reference.kind} row ${missing} in the portal`);
      bad.add(row);
    }
  }
  return rows.filter((row) => !bad.has(row));
}

/** Finds each row's stored version: by id (refusing ids another portal holds), else by the natural key. */
async function matchStored(db: Db, portalId: string, kind: BulkKind, rows: CheckedRow[], errors: ErrorList) {
  const stored = new Map<CheckedRow, TableRow>();
  if (kind.id !== undefined) {
    const column = kind.id.column;
    const byId = new Map<string, TableRow>();
    const ids = rows.flatMap((row) => (row.id === null ? [] : [row.id]));
    for (const found of await rowsWhere(db, kind.table, column, ids, null)) byId.set(String(found[column]), found);
    for (const row of rows) {
      const found = row.id === null ? undefined : byId.get(row.id);
      if (found === undefined) continue;
      if (found.portal_id !== portalId) errors.add(row.line, kind.id.field, 'the id is taken by another portal');
      else stored.set(row, found);
    }
  }
  const unkeyed = rows.filter((row) => row.id === null);
  if (unkeyed.length > 0) {
    const first = kind.naturalKey[0]!;
    const values = [...new Set(unkeyed.map((row) => String(row.table[first])))];
    const byKey = new Map<string, TableRow>();
    for (const found of await rowsWhere(db, kind.table, first, values, portalId)) {
      byKey.set(keyOf(found, kind.naturalKey), found);
    }
    for (const row of unkeyed) {
      const found = byKey.get(keyOf(row.table, kind.naturalKey));
      if (found === undefined) continue;
      stored.set(row, found);
      if (kind.id !== undefined) row.id = String(found[kind.id.column]);
    }
  }
  return stored;
}

/**
 * Imports `text` (CSV or JSON rows of `kind`) into the portal. Throws ImportRefused listing the bad rows (nothing
 * written), or answers the counts; with `dryRun` everything is checked and nothing written.
 */
export async function importRows(
  context: AppContext,
  portalId: string,
  kind: BulkKind,
  format: FileFormat,
  text: string,
  options: { dryRun: boolean; onProgress?: ImportProgress },
): Promise<ImportSummary> {
  const errors = new ErrorList();
  let checked: CheckedRow[];
  try {
    checked = checkDuplicates(kind, checkFields(kind, format, text, errors, options.onProgress), errors);
  } catch (error) {
    if (error instanceof FileProblem)
      throw new ImportRefused([{ line: error.line, field: error.field, message: error.message }], 1);
    throw error;
  }
  const total = checked.length + errors.count;
  return context.db.transaction().execute(async (trx) => {
    const referenced = await checkReferences(trx, portalId, kind, checked, errors);
    const stored = await matchStored(trx, portalId, kind, referenced, errors);
    options.onProgress?.('checking', total, total);
    if (errors.count > 0) throw errors.report();
    const now = context.clock.now();
    const created: TableRow[] = [];
    const updated: TableRow[] = [];
    for (const row of referenced) {
      const before = stored.get(row);
      if (before === undefined) {
        const id = kind.id === undefined ? {} : { [kind.id.column]: row.id ?? context.ids.next() };
        created.push({ ...kind.defaults?.(now), ...row.table, ...id, portal_id: portalId });
      } else if (Object.entries(row.table).some(([column, value]) => !same(before[column], value))) {
        updated.push({ ...before, ...row.table, ...(before.updated_at !== undefined ? { updated_at: now } : {}) });
      }
    }
    const summary = {
      kind: kind.name,
      rows: referenced.length,
      created: created.length,
      updated: updated.length,
      unchanged: referenced.length - created.length - updated.length,
      dryRun: options.dryRun,
    };
    if (options.dryRun) return summary;
    const key = kind.id === undefined ? kind.naturalKey : [kind.id.column];
    await deleteRows(trx, kind.table, portalId, key, updated);
    const toWrite = created.length + updated.length;
    let written = 0;
    const progress = (count: number) => {
      written += count;
      options.onProgress?.('writing', written, toWrite);
    };
    if (toWrite > 0) options.onProgress?.('writing', 0, toWrite);
    await insertRows(trx, context.dialect, kind.table, updated, progress);
    await insertRows(trx, context.dialect, kind.table, created, progress);
    await kind.afterWrite?.(trx, portalId, [...updated, ...created], now);
    return summary;
  });
}
