/**
 * Which of the store's tables hold a portal's data, found from the schema itself: every table with a `portal_id`
 * column is the portal's data unless the control tables below name it, so a table a later migration adds is reset,
 * snapshotted and deleted with the portal without anyone remembering to list it here.
 */
import type { TableColumn } from '../db/dialect.ts';

/**
 * Kept by every reset and restore (deleted only with the portal): the portal row, what lets its callers in (tokens,
 * OAuth clients) and the snapshots themselves. Stored idempotent answers are cleared instead: they describe rows a
 * reset removed, so a retry after a reset must write again rather than replay.
 */
export const controlTables: readonly string[] = [
  'portals',
  'tokens',
  'oauth_clients',
  // Consent-form nonces and sign-in sessions: a reset does not sign people out.
  'oauth_nonces',
  'portal_snapshots',
  // Feed tokens are credentials too: a restore must never bring a rotated URL back to life.
  'calendar_feeds',
  // Passwords, accounts sessions and set-password links likewise: a restore never brings back an old password or a
  // spent link, and a reset signs nobody out.
  'account_passwords',
  'account_sessions',
  'account_links',
];

/** Tables a reset clears but no snapshot holds. */
// Grant codes too: a restore must never bring a used code back to life.
export const clearedTables: readonly string[] = ['idempotency_keys', 'oauth_codes'];

/**
 * The organisation Zoho People keeps outside the LMS (no LMS call creates these): an empty reset keeps them, so the
 * portal's admin, and with them the caller's token, survive it.
 */
export const organisationTables: readonly string[] = ['employees', 'locations', 'rooms', 'categories'];

/** A table without `portal_id`, reached through its parent's id. */
export interface ChildTable {
  name: string;
  parent: string;
  /** The child's column holding the parent's `id`. */
  column: string;
}

const childTables: readonly Omit<ChildTable, 'columns'>[] = [
  { name: 'stored_file_chunks', parent: 'stored_files', column: 'file_id' },
];

/** A table and its columns in the store's order. */
export interface TableShape {
  name: string;
  columns: string[];
}

/** The store's tables as the control room sees them. */
export interface PortalLayout {
  /** Tables of the portal's data, each with its columns: what a snapshot holds. */
  data: TableShape[];
  /** Data tables without `portal_id`, reached through a parent data table. */
  children: (TableShape & ChildTable)[];
  /** Control and cleared tables present in this store that carry `portal_id` (deleted with the portal). */
  control: string[];
}

/** Sorts the store's columns into the portal's data, child and control tables. */
export function classifyTables(columns: readonly TableColumn[]): PortalLayout {
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) {
    const list = byTable.get(table) ?? [];
    list.push(column);
    byTable.set(table, list);
  }
  const data: TableShape[] = [];
  const control: string[] = [];
  for (const [name, tableColumns] of byTable) {
    if (!tableColumns.includes('portal_id')) continue;
    if (controlTables.includes(name) || clearedTables.includes(name)) control.push(name);
    else data.push({ name, columns: tableColumns });
  }
  const children = childTables
    .filter((child) => byTable.has(child.name) && data.some((table) => table.name === child.parent))
    .map((child) => ({ ...child, columns: byTable.get(child.name)! }));
  return { data, children, control };
}
