/** Who may act on which portal from the control room: the operator on any, a portal's admin on their own. */
import type { AppContext } from '../context.ts';
import type { PortalTable } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { findPortal, loadLayout } from './portals.repository.ts';
import type { PortalLayout } from './portals.tables.ts';

/** The part of a caller the control room asks about; the CLI acts as `storeOperator`. */
export interface ControlCaller {
  /** The portal the calling token belongs to ('' for the CLI, which belongs to none). */
  readonly portalId: string;
  readonly isOperator: boolean;
}

/** The CLI: it works on the store directly, so it may act on every portal. */
export const storeOperator: ControlCaller = { portalId: '', isOperator: true };

/**
 * The portal, when the caller may act on it. Another portal is answered as not found to an admin, exactly like a
 * portal that does not exist, so that an admin learns nothing about the store's other tenants.
 */
export async function reachPortal(context: AppContext, caller: ControlCaller, portalId: string): Promise<PortalTable> {
  const portal = caller.isOperator || caller.portalId === portalId ? await findPortal(context.db, portalId) : undefined;
  if (portal === undefined) throw notFound('portal', portalId);
  return portal;
}

/** The store's table layout for this context. */
export function layoutOf(context: AppContext): Promise<PortalLayout> {
  return loadLayout(context.db, context.dialect);
}
