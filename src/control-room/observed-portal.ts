/** Which portal's control room a caller may use: an admin their own portal's, the server's operator any portal's. */
import type { Caller } from '../access/index.ts';
import type { AppContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { portalExists } from '../features/people/index.ts';

/**
 * The portal named in the path, once the caller may reach it (the route already asked for an admin or the operator).
 * An admin's own portal costs no query; the operator's portal is looked up, so a typo is a 404 rather than rules
 * set on nothing.
 */
export async function reachPortal(context: AppContext, caller: Caller, portalId: string): Promise<string> {
  if (caller.portalId === portalId) return portalId;
  if (!caller.isOperator) throw forbidden("an admin's token reaches only its own portal's control room");
  if (!(await portalExists(context.db, portalId))) throw notFound('portal', portalId);
  return portalId;
}
