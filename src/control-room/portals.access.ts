/** Who may act on which portal from the control room: the operator on any, a portal's admin on their own. */
import type { AppContext } from '../context.ts';
import type { PortalTable } from '../db/database.ts';
import { forbidden, notFound } from '../errors.ts';
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

/** Why a portal's admin is refused the control room of an organisation portal. */
export const demoPortalsOnly =
  "the control room acts on demo portals only; an organisation portal's is the server operator's";

/**
 * The portal, when the caller may act on it. Another portal is answered as not found to an admin, exactly like a
 * portal that does not exist, so that an admin learns nothing about the store's other tenants. An organisation
 * portal (not a demo) is the operator's alone: its admin must not empty it, move its clock (which expires tokens and
 * opens locks) or read its mailbox (which holds password links).
 */
export async function reachPortal(context: AppContext, caller: ControlCaller, portalId: string): Promise<PortalTable> {
  const portal = caller.isOperator || caller.portalId === portalId ? await findPortal(context.db, portalId) : undefined;
  if (portal === undefined) throw notFound('portal', portalId);
  if (!caller.isOperator && portal.demo !== 1) {
    throw forbidden(demoPortalsOnly);
  }
  return portal;
}

/** The id of the portal named in a path, once the caller may act on it (see reachPortal). */
export async function reachPortalId(context: AppContext, caller: ControlCaller, portalId: string): Promise<string> {
  return (await reachPortal(context, caller, portalId)).id;
}

/** The store's table layout for this context. */
export function layoutOf(context: AppContext): Promise<PortalLayout> {
  return loadLayout(context.db, context.dialect);
}
