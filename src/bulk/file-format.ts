/**
 * Reading and writing a kind's rows as CSV (csv-parse, csv-stringify) or JSON (an array of objects with the same
 * fields). A CSV cell is text: it becomes the column's type before the row is checked (empty: absent, `;` separates a
 * list's items); JSON values are taken as they are (null: absent; an id given as a number becomes its digits).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { isSafeNumber, parse as parseJson } from 'lossless-json';
import { type BulkKind, columnType, type FileRow } from './kind.schemas.ts';

/** The two file formats. */
export const fileFormats = ['csv', 'json'] as const;

/** A file format. */
export type FileFormat = (typeof fileFormats)[number];

/** A row read from a file: where it was (CSV: the line, counting the header as 1; JSON: the array index) and its fields. */
export interface ReadRow {
  readonly line: number;
  readonly fields: FileRow;
  /** What is wrong with the row before its fields are looked at (a CSV row with too many cells, a JSON non-object). */
  readonly problem?: string;
}

/** A problem with the file as a whole (not CSV, not a JSON array, a header naming no column). */
export class FileProblem extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly field: string,
  ) {
    super(message);
  }
}

function cellValue(type: ReturnType<typeof columnType>, cell: string): unknown {
  if (cell === '') return type === 'array' ? [] : undefined;
  if (type === 'integer') return /^-?\d{1,15}$/.test(cell.trim()) ? Number(cell.trim()) : cell;
  if (type === 'boolean') {
    const word = cell.trim().toLowerCase();
    return word === 'true' ? true : word === 'false' ? false : cell;
  }
  if (type === 'array') {
    return cell
      .split(';')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
  return cell;
}

function readCsv(kind: BulkKind, text: string, maxRows: number): ReadRow[] {
  let records: { record: string[]; lines: number }[];
  try {
    // on_record carries the line number (cheaper than `info`, which builds an object of counters per record).
    records = parseCsv(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      to: maxRows + 1,
      on_record: ((record: string[], context: { lines: number }) => ({ record, lines: context.lines })) as never,
    }) as unknown as typeof records;
  } catch (error) {
    const lines = (error as { lines?: number }).lines ?? 1;
    throw new FileProblem(`not valid CSV: ${(error as Error).message.replace(/^Invalid [^:]*: /, '')}`, lines, 'file');
  }
  if (records.length === 0) return [];
  const header = records[0]!.record.map((name) => name.trim());
  const columns = kind.row.properties;
  const unknown = header.find((name) => !(name in columns));
  if (unknown !== undefined) {
    throw new FileProblem(`not a column of ${kind.name} (columns: ${Object.keys(columns).join(', ')})`, 1, unknown);
  }
  const repeated = header.find((name, index) => header.indexOf(name) !== index);
  if (repeated !== undefined) throw new FileProblem('the column appears twice in the header', 1, repeated);
  const types = header.map((name) => columnType(columns[name]!));
  return records.slice(1).map(({ record, lines }) => {
    const fields: FileRow = {};
    if (record.length !== header.length) {
      return { line: lines, fields, problem: `has ${record.length} cells where the header has ${header.length}` };
    }
    record.forEach((cell, index) => {
      const value = cellValue(types[index]!, cell);
      if (value !== undefined) fields[header[index]!] = value;
    });
    return { line: lines, fields };
  });
}

function readJson(kind: BulkKind, text: string): ReadRow[] {
  let parsed: unknown;
  try {
    parsed = parseJson(text.replace(/^\uFEFF/, ''), undefined, (digits) =>
      isSafeNumber(digits) ? Number(digits) : digits,
    );
  } catch (error) {
    throw new FileProblem(`not valid JSON: ${(error as Error).message}`, 0, 'file');
  }
  if (!Array.isArray(parsed)) throw new FileProblem('must be a JSON array of objects', 0, 'file');
  const columns = kind.row.properties;
  return parsed.map((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      return { line: index, fields: {}, problem: 'must be a JSON object' };
    const fields: FileRow = {};
    for (const [name, value] of Object.entries(item as Record<string, unknown>)) {
      if (value === null) continue;
      const schema = columns[name];
      fields[name] =
        schema !== undefined && columnType(schema) === 'string' && typeof value === 'number' ? String(value) : value;
    }
    return { line: index, fields };
  });
}

/** Reads a file's rows; at most `maxRows` (one more is read, so the caller can tell the file is too long). */
export function readRows(kind: BulkKind, format: FileFormat, text: string, maxRows: number): ReadRow[] {
  return format === 'csv' ? readCsv(kind, text, maxRows) : readJson(kind, text);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}

/**
 * Writes a page of rows as text: the header (CSV) or `[` (JSON) with the first page, `]` after the last; `written`
 * counts the rows of the pages before.
 */
export function writeRows(
  kind: BulkKind,
  format: FileFormat,
  rows: readonly FileRow[],
  page: { first: boolean; last: boolean; written: number },
): string {
  const columns = Object.keys(kind.row.properties);
  if (format === 'csv') {
    const records = rows.map((row) => columns.map((column) => cellText(row[column])));
    return stringifyCsv(records, { header: page.first, columns, eof: true });
  }
  const body = rows
    .map((row) => JSON.stringify(Object.fromEntries(columns.map((column) => [column, row[column] ?? null]))))
    .join(',\n');
  const start = (page.first ? '[\n' : '') + (page.written > 0 && body !== '' ? ',\n' : '');
  return `${start}${body}${page.last ? '\n]\n' : ''}`;
}
