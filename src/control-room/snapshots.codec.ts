/** A snapshot's stored form: one gzipped JSON document of every data table's columns and rows. */
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import type { TableRows } from './portals.repository.ts';

/** What a snapshot holds once decoded: rows per table, each table with the columns it had when taken. */
export type SnapshotTables = Map<string, TableRows>;

interface SnapshotDocument {
  version: 1;
  tables: Record<string, TableRows>;
}

/** Bytes (a stored file's chunks) travel as base64 inside the JSON. */
interface EncodedBytes {
  $b: string;
}

function encodeCell(cell: unknown): unknown {
  return cell instanceof Uint8Array ? { $b: Buffer.from(cell).toString('base64') } : cell;
}

function decodeCell(cell: unknown): unknown {
  return typeof cell === 'object' && cell !== null ? Buffer.from((cell as EncodedBytes).$b, 'base64') : cell;
}

/** Rows -> compressed bytes, and the number of rows they hold. */
export function encodeSnapshot(tables: SnapshotTables): { data: Buffer; rowCount: number } {
  const document: SnapshotDocument = { version: 1, tables: {} };
  let rowCount = 0;
  for (const [name, table] of tables) {
    if (table.rows.length === 0) continue;
    rowCount += table.rows.length;
    document.tables[name] = { columns: table.columns, rows: table.rows.map((row) => row.map(encodeCell)) };
  }
  // The fastest level: a reset's time is mostly this and the inserts, and snapshots of test portals are small.
  const data = gzipSync(JSON.stringify(document), { level: constants.Z_BEST_SPEED });
  return { data, rowCount };
}

/** Compressed bytes -> rows per table. */
export function decodeSnapshot(data: Uint8Array): SnapshotTables {
  const document = JSON.parse(gunzipSync(data).toString('utf8')) as SnapshotDocument;
  const tables: SnapshotTables = new Map();
  for (const [name, table] of Object.entries(document.tables)) {
    tables.set(name, { columns: table.columns, rows: table.rows.map((row) => row.map(decodeCell)) });
  }
  return tables;
}
