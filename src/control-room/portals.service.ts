/** The control room's portal operations: list, create (with its `initial` snapshot), reset and delete. */
import type { AppContext } from '../context.ts';
import type { PortalTable } from '../db/database.ts';
import { LmsError, missingInput, notFound } from '../errors.ts';
import {
  addOrganisationPortal,
  checkEmailAddress,
  checkName,
  checkTimeZone,
  createPortal,
  type PortalCreationStep,
} from '../features/people/index.ts';
import { type ControlCaller, layoutOf, reachPortal } from './portals.access.ts';
import {
  countPortalRows,
  deletePortalData,
  deleteWholePortal,
  listPortals as findPortals,
} from './portals.repository.ts';
import { organisationTables } from './portals.tables.ts';
import { findSnapshot } from './snapshots.repository.ts';
import { applySnapshot, initialSnapshot, writeSnapshot } from './snapshots.service.ts';

/** What a reset goes back to. */
export type ResetTarget = 'initial' | 'empty';

/** The step that records a new portal's `initial` snapshot in the transaction that makes it. */
export async function initialSnapshotStep(context: AppContext): Promise<PortalCreationStep> {
  // Read before the portal's transaction opens: SQLite has one connection, which the transaction holds.
  const layout = await layoutOf(context);
  return async (db, portalId) => {
    await writeSnapshot(db, layout, portalId, initialSnapshot, context.clock.now());
  };
}

/** Makes a demo portal with its admin's token, and keeps its starting state as the `initial` snapshot. */
export async function createControlledPortal(
  context: AppContext,
  options: { name?: string; organisation?: { adminName: string; adminEmail: string; timeZone?: string } } = {},
) {
  const lastStep = await initialSnapshotStep(context);
  if (options.organisation === undefined) return createPortal(context, { name: options.name, lastStep });
  if (options.name === undefined) throw missingInput('name');
  const organisation = {
    name: checkName(options.name, 'name'),
    adminName: checkName(options.organisation.adminName, 'organisation.adminName'),
    adminEmail: checkEmailAddress(options.organisation.adminEmail, 'organisation.adminEmail'),
    timeZone: checkTimeZone(options.organisation.timeZone ?? 'UTC', 'organisation.timeZone'),
  };
  const created = await addOrganisationPortal(context, organisation, lastStep);
  return { portal: created.portal, adminErecno: created.admin.erecno, token: created.token };
}

/** A page of the portals the caller may see: every portal for the operator, their own for a portal admin. */
export function listPortals(
  context: AppContext,
  caller: ControlCaller,
  page: { startIndex: number; limit: number },
): Promise<PortalTable[]> {
  const only = caller.isOperator ? undefined : caller.portalId;
  return findPortals(context.db, { offset: page.startIndex, limit: page.limit, only });
}

/**
 * Puts the portal back to the state it started from (its `initial` snapshot), or empties it, in one transaction.
 * What stays either way: the portal row, its tokens, OAuth clients and snapshots; an empty reset also keeps the
 * organisation (people, locations, rooms, categories), so the portal's admin and the caller's token survive it.
 */
export async function resetPortal(
  context: AppContext,
  caller: ControlCaller,
  portalId: string,
  target: ResetTarget,
): Promise<{ rowCount: number }> {
  // rowCount: the rows put back from the snapshot (none for an empty reset, which only deletes).
  await reachPortal(context, caller, portalId);
  const layout = await layoutOf(context);
  return context.db.transaction().execute(async (trx) => {
    if (target === 'empty') {
      await deletePortalData(trx, layout, portalId, organisationTables);
      return { rowCount: 0 };
    }
    const snapshot = await findSnapshot(trx, portalId, initialSnapshot);
    if (snapshot === undefined) {
      throw notFound('snapshot', `${initialSnapshot} (the portal was made before Lectern kept one; reset it to empty)`);
    }
    return { rowCount: await applySnapshot(trx, context.dialect, layout, portalId, snapshot.data) };
  });
}

/** Deletes the portal and every row it has in every table, in one transaction. */
export async function deletePortal(context: AppContext, caller: ControlCaller, portalId: string): Promise<void> {
  await reachPortal(context, caller, portalId);
  if (caller.portalId === portalId) {
    throw new LmsError(
      409,
      '409',
      'The calling token belongs to this portal: delete it with a token of another portal',
    );
  }
  const layout = await layoutOf(context);
  await context.db.transaction().execute((trx) => deleteWholePortal(trx, layout, portalId));
}

/** The portal's rows per table (for checks that a delete left nothing). */
export async function portalRowCounts(context: AppContext, portalId: string): Promise<Record<string, number>> {
  return countPortalRows(context.db, await layoutOf(context), portalId);
}
