/** Which portal's control room a caller may use: an admin their own portal's, the server's operator any portal's. */
import type { Caller } from '../access/index.ts';
import type { AppContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { portalHoldsDemoData } from '../features/people/index.ts';
import { demoPortalsOnly } from './portals.access.ts';

/**
 * The portal named in the path, once the caller may reach it (the route already asked for an admin or the operator):
 * an admin their own demo portal, the operator any portal (looked up, so a typo is a 404 rather than rules set on
 * nothing).
 */
export async function reachPortal(context: AppContext, caller: Caller, portalId: string): Promise<string> {
  if (caller.portalId !== portalId && !caller.isOperator) {
    throw forbidden("an admin's token reaches only its own portal's control room");
  }
  const demo = await portalHoldsDemoData(context.db, portalId);
  if (demo === undefined) throw notFound('portal', portalId);
  if (!demo && !caller.isOperator) throw forbidden(demoPortalsOnly);
  return portalId;
}
