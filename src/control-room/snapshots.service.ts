/** Named snapshots of a portal's data: take, list, restore, delete; `initial` is the state the portal started from. */

import type { AppContext } from '../context.ts';
import { insertRows } from '../db/bulk-insert.ts';
import type { Dialect } from '../db/create-db.ts';
import type { Db } from '../db/database.ts';
import { invalidInput, LmsError, notFound } from '../errors.ts';
import { type ControlCaller, layoutOf, reachPortal } from './portals.access.ts';
import { deletePortalData, readPortalRows } from './portals.repository.ts';
import type { PortalLayout } from './portals.tables.ts';
import { decodeSnapshot, encodeSnapshot } from './snapshots.codec.ts';
import * as repository from './snapshots.repository.ts';

/** The snapshot Lectern takes when a portal is made or a fixture is loaded: what a reset goes back to. */
export const initialSnapshot = 'initial';

/** Most snapshots a portal keeps besides `initial` (each is a copy of all its data). */
export const maxSnapshots = 20;

/** A snapshot's name: letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 64 characters. */
export const snapshotNamePattern = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';

/** A snapshot as lists and answers show it. */
export interface SnapshotView {
  name: string;
  rowCount: number;
  sizeBytes: number;
  createdAt: number;
}

function view(row: repository.SnapshotSummary): SnapshotView {
  return { name: row.name, rowCount: row.row_count, sizeBytes: row.size, createdAt: row.created_at };
}

function checkName(name: string, parameter: string): void {
  if (!new RegExp(snapshotNamePattern).test(name)) {
    throw invalidInput(parameter, 'must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit');
  }
}

function refuseInitial(name: string, parameter: string): void {
  if (name === initialSnapshot) {
    throw invalidInput(parameter, '"initial" is kept by Lectern: it is the state a reset goes back to');
  }
}

/** Copies the portal's data into the named snapshot (replacing one of that name), inside the caller's transaction. */
export async function writeSnapshot(
  db: Db,
  layout: PortalLayout,
  portalId: string,
  name: string,
  now: number,
): Promise<SnapshotView> {
  const { data, rowCount } = encodeSnapshot(await readPortalRows(db, layout, portalId));
  const row = { portal_id: portalId, name, row_count: rowCount, size: data.length, data, created_at: now };
  await repository.saveSnapshot(db, row);
  return view(row);
}

/** Replaces the portal's data by a snapshot's rows, inside the caller's transaction; organisation tables in `keep` stay. */
export async function applySnapshot(
  db: Db,
  dialect: Dialect,
  layout: PortalLayout,
  portalId: string,
  data: Uint8Array,
): Promise<number> {
  const tables = decodeSnapshot(data);
  await deletePortalData(db, layout, portalId);
  let restored = 0;
  for (const shape of [...layout.data, ...layout.children]) {
    const saved = tables.get(shape.name);
    if (saved === undefined || saved.rows.length === 0) continue;
    // Columns dropped since the snapshot are left out; columns added since take their defaults.
    const kept = saved.columns
      .map((column, index) => ({ column, index }))
      .filter(({ column }) => shape.columns.includes(column));
    const rows = saved.rows.map((row) => kept.map(({ index }) => row[index]));
    await insertRows(
      db,
      dialect,
      shape.name,
      kept.map(({ column }) => column),
      rows,
    );
    restored += rows.length;
  }
  return restored;
}

/** Takes a named snapshot of the portal now; a name already taken is replaced. */
export async function takeSnapshot(
  context: AppContext,
  caller: ControlCaller,
  portalId: string,
  name: string,
): Promise<SnapshotView> {
  checkName(name, 'name');
  refuseInitial(name, 'name');
  await reachPortal(context, caller, portalId);
  const layout = await layoutOf(context);
  return context.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const existing = await repository.listSnapshots(trx, portalId);
      const others = existing.filter((row) => row.name !== initialSnapshot && row.name !== name);
      if (others.length >= maxSnapshots) {
        throw new LmsError(422, '422', `The portal already keeps ${maxSnapshots} snapshots: delete one first`);
      }
      return writeSnapshot(trx, layout, portalId, name, context.clock.now());
    });
}

/** The portal's snapshots, oldest first. */
export async function listSnapshots(
  context: AppContext,
  caller: ControlCaller,
  portalId: string,
): Promise<SnapshotView[]> {
  await reachPortal(context, caller, portalId);
  return (await repository.listSnapshots(context.db, portalId)).map(view);
}

/** Puts the portal's data back as the snapshot holds it, in one transaction; returns the rows restored. */
export async function restoreSnapshot(
  context: AppContext,
  caller: ControlCaller,
  portalId: string,
  name: string,
): Promise<number> {
  checkName(name, 'snapshotName');
  await reachPortal(context, caller, portalId);
  const layout = await layoutOf(context);
  return context.db.transaction().execute(async (trx) => {
    const snapshot = await repository.findSnapshot(trx, portalId, name);
    if (snapshot === undefined) throw notFound('snapshot', name);
    return applySnapshot(trx, context.dialect, layout, portalId, snapshot.data);
  });
}

/** Deletes a snapshot (never `initial`). */
export async function deleteSnapshot(
  context: AppContext,
  caller: ControlCaller,
  portalId: string,
  name: string,
): Promise<void> {
  checkName(name, 'snapshotName');
  await reachPortal(context, caller, portalId);
  refuseInitial(name, 'snapshotName');
  if (!(await repository.deleteSnapshot(context.db, portalId, name))) throw notFound('snapshot', name);
}
