/**
 * What a bulk kind is (one file per kind in ./kinds/: its columns as a TypeBox row schema, its table, its key and
 * references, and the two mappings between a file row and a table row), the column helpers the kinds declare their
 * columns with, and the one checker every row goes through.
 */
import { type TObject, type TSchema, Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { Database, Db } from '../db/database.ts';

/** Every kind `lectern import`/`export` and /lectern/v1/imports|exports know, in the order files depend on each other. */
export const kindNames = [
  'people',
  'locations',
  'rooms',
  'categories',
  'courses',
  'batches',
  'modules',
  'sessions',
  'enrolments',
  'attendance',
] as const;

/** A kind's name. */
export type KindName = (typeof kindNames)[number];

/** A row of a file, as its schema types it (text, integers, booleans, lists). */
export type FileRow = Record<string, unknown>;

/** A table row, as Kysely sees it. */
export type TableRow = Record<string, unknown>;

/** A column naming rows of another kind (or of the same kind: a person's manager). */
export interface Reference {
  /** The file column. */
  readonly field: string;
  readonly kind: KindName;
}

/** One kind's whole mapping: adding a column is a line in the schema and a line in each mapping. */
export interface BulkKind {
  readonly name: KindName;
  /** The row schema; its property order is the CSV header. */
  readonly row: TObject;
  readonly table: keyof Database & string;
  /** The file column holding the row's id and its table column; absent for kinds keyed by what they link. */
  readonly id?: { readonly field: string; readonly column: string };
  /**
   * Table columns that name a row when the id is empty (or always, for kinds without an id): an upsert by this key.
   * The first column is the one looked up by.
   */
  readonly naturalKey: readonly string[];
  readonly references: readonly Reference[];
  /** The order rows are exported in (table columns). */
  readonly orderBy: readonly string[];
  /** A checked file row -> the table row's columns (without portal_id and timestamps). */
  toTable(row: FileRow): TableRow;
  /** A table row -> a file row (every column of the schema; null where empty). */
  fromTable(row: TableRow): FileRow;
  /** Columns a new row gets besides the file's (timestamps, defaults); `now` in epoch ms. */
  defaults?(now: number): TableRow;
  /**
   * What must change with the written rows in another feature's keeping (in the import's transaction): `rows` are
   * the table rows created or updated, at most a few statements per group of them.
   */
  afterWrite?(db: Db, portalId: string, rows: readonly TableRow[], now: number): Promise<void>;
  /** A rule across fields (an end after a start); answers the field at fault and why, or null. */
  check?(row: FileRow): { field: string; message: string } | null;
}

/** Plain text, required and not blank. */
export const text = (maxLength = 500) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
/** Text that may be empty. */
export const optionalText = (maxLength = 10_000) => Type.Optional(Type.String({ maxLength }));
/** An 18-digit-style id (digits). */
export const idColumn = () => Type.String({ pattern: '^[0-9]{1,20}$' });
/** An optional id. */
export const optionalId = () => Type.Optional(idColumn());
/** A whole number within bounds. */
export const integer = (minimum = 0, maximum = 1_000_000_000) => Type.Integer({ minimum, maximum });
/** true or false. */
export const bool = () => Type.Boolean();
/** A calendar date, YYYY-MM-DD. */
export const date = () => Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
/** A time of day, HH:MM (24 hours). */
export const timeOfDay = () => Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
/** One of some words. */
export const oneOf = <T extends string>(...values: T[]) => Type.Union(values.map((value) => Type.Literal(value)));
/** A list of ids; in CSV a `;`-separated cell. */
export const idList = () => Type.Array(idColumn(), { maxItems: 100 });
/** A list of short texts; in CSV a `;`-separated cell. */
export const textList = () => Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100 });

/** Declares a row schema (unknown columns are refused, so a typo in a header is caught). */
export const rowSchema = (properties: Record<string, TSchema>) =>
  Type.Object(properties, { additionalProperties: false });

/** The type a column's schema holds: what a CSV cell is turned into before the check. */
export function columnType(schema: TSchema): 'string' | 'integer' | 'boolean' | 'array' {
  if (schema.type === 'integer' || schema.type === 'number') return 'integer';
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'array') return 'array';
  return 'string';
}

/** A kind's checker, compiled once. */
export interface RowChecker {
  /** The first problem of a row: the field (a column, or the row's own name when a column is missing) and why. */
  problem(row: FileRow): { field: string; message: string } | null;
}

const checkers = new WeakMap<TObject, ReturnType<typeof TypeCompiler.Compile>>();

/** The row schema's compiled check, which names the column at fault. */
export function rowChecker(kind: BulkKind): RowChecker {
  let compiled = checkers.get(kind.row);
  if (compiled === undefined) {
    compiled = TypeCompiler.Compile(kind.row);
    checkers.set(kind.row, compiled);
  }
  const check = compiled;
  return {
    problem(row) {
      if (check.Check(row)) return kind.check?.(row) ?? null;
      const error = check.Errors(row).First();
      if (error === undefined) return { field: 'row', message: 'not a valid row' };
      const field = error.path.split('/')[1] ?? '';
      if (field === '' || !(field in kind.row.properties)) {
        const unknown = Object.keys(row).find((key) => !(key in kind.row.properties));
        if (unknown !== undefined) return { field: unknown, message: 'not a column of this kind' };
        const missing = Object.keys(kind.row.properties).find((key) => row[key] === undefined);
        return { field: missing ?? 'row', message: 'required' };
      }
      return { field, message: describeProblem(kind.row.properties[field]!, row[field], error.message) };
    },
  };
}

function describeProblem(schema: TSchema, value: unknown, fallback: string): string {
  if (value === undefined) return 'required';
  if (typeof schema.errorMessage === 'string') return schema.errorMessage;
  const type = columnType(schema);
  if (type === 'integer') {
    const bounds = `${schema.minimum ?? ''}..${schema.maximum ?? ''}`;
    return typeof value === 'number' ? `must be a whole number in ${bounds}` : 'must be a whole number';
  }
  if (type === 'boolean') return 'must be true or false';
  if (schema.anyOf !== undefined) {
    return `must be one of ${(schema.anyOf as { const: string }[]).map((choice) => choice.const).join(', ')}`;
  }
  if (typeof schema.pattern === 'string' && schema.pattern.startsWith('^[0-9]{4}')) return 'must be a date YYYY-MM-DD';
  if (typeof schema.pattern === 'string' && schema.pattern.startsWith('^([01]')) return 'must be a time HH:MM';
  if (typeof schema.pattern === 'string' && schema.pattern.startsWith('^[0-9]{1,20}')) return 'must be an id (digits)';
  if (typeof value === 'string' && value.trim() === '') return 'must not be blank';
  if (typeof schema.maxLength === 'number' && typeof value === 'string' && value.length > schema.maxLength) {
    return `longer than ${schema.maxLength} characters`;
  }
  return fallback.toLowerCase();
}
