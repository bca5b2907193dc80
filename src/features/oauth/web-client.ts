/**
 * The web app's built-in OAuth client: one per portal, `lectern-web-<portalId>`, never stored (so there is nothing to
 * register and nothing to delete). It is public: it has no secret and must use PKCE; its only redirect URI is the
 * app's own `/signed-in` on the URL Lectern is reached at. Every other client is a row of `oauth_clients`.
 */
import type { Db } from '../../db/database.ts';
import type { OAuthClientTable } from '../../db/tables/oauth.ts';
import { findPortalSummary } from '../people/index.ts';
import * as repository from './oauth.repository.ts';

/** Where the consent page sends the app's browser back. */
export const webClientRedirectPath = '/signed-in';
/** What the app asks for: the training API; the person's roles and the portal decide the rest. */
export const webClientScope = 'ZOHOPEOPLE.training.ALL';
/** The name the consent page shows. */
export const webClientName = 'Lectern web app';

const webClientPattern = /^lectern-web-([1-9][0-9]{0,19})$/;

/** The built-in client id of a portal. */
export function webClientId(portalId: string): string {
  return `lectern-web-${portalId}`;
}

/** True for a built-in (public) client id. */
export function isWebClientId(clientId: string): boolean {
  return webClientPattern.test(clientId);
}

/**
 * A client by its id: a registered one, or a portal's built-in web client (its redirect URI on `base`, when given).
 * Undefined when there is no such client or portal.
 */
export async function findAnyClient(db: Db, clientId: string, base?: string): Promise<OAuthClientTable | undefined> {
  if (clientId.length > 64) return undefined;
  const match = webClientPattern.exec(clientId);
  if (match === null) return repository.findClient(db, clientId);
  const portal = await findPortalSummary(db, match[1]!);
  if (portal === undefined) return undefined;
  return {
    id: clientId,
    portal_id: portal.id,
    name: webClientName,
    secret_hash: '',
    redirect_uris: JSON.stringify(base === undefined ? [] : [`${base}${webClientRedirectPath}`]),
    created_at: 0,
  };
}
