/**
 * `lectern oauth ...`: OAuth clients, self-client codes and sign-in links from the command line, as the server's
 * operator, on the first portal unless --portal-id names another. They call the same services the control plane does.
 */

import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import {
  createClient,
  type Issuer,
  issueSelfClientCode,
  issueSignInTicket,
  listClients,
} from '../features/oauth/index.ts';
import { isNumericId } from '../ids.ts';
import { CliError, usageExitCode } from './cli-error.ts';
import { inStorePortal } from './store-options.ts';

/** Clients a `client list` prints at most (a portal has at most 100). */
const listLimit = 100;

/** The operator on a portal: the first one, or the one named. */
function operatorOn(portalId: string): Issuer {
  return { portalId, isOperator: true, scopes: new Set(), everyPortal: true };
}

function checkErecno(erecno: string | undefined): string {
  if (erecno === undefined || !isNumericId(erecno)) {
    throw new CliError(`--erecno must be an erecno (digits only), got "${erecno ?? ''}"`, usageExitCode);
  }
  return erecno;
}

/** Runs the action as the operator in the portal --portal-id names (default: the first), on the store directly. */
function withStore<T>(
  config: Config,
  portalId: string | undefined,
  action: (context: AppContext, issuer: Issuer) => Promise<T>,
): Promise<T> {
  return inStorePortal(config, portalId, (context, chosen) => action(context, operatorOn(chosen)));
}

/** `oauth client create`: registers a client and answers its id and secret as one line of JSON (the secret only here). */
export async function createOAuthClient(
  config: Config,
  options: { name: string; redirectUri: string[]; portalId?: string },
): Promise<string> {
  const created = await withStore(config, options.portalId, (context, issuer) =>
    createClient(context, issuer, { name: options.name, redirectUris: options.redirectUri }),
  );
  return JSON.stringify(created);
}

/** `oauth client list`: one line per client: id, name, redirect URIs. */
export async function listOAuthClients(config: Config, options: { portalId?: string }): Promise<string> {
  const clients = await withStore(config, options.portalId, (context, issuer) =>
    listClients(context, issuer, 0, listLimit),
  );
  return clients.map((client) => `${client.clientId}\t${client.name}\t${client.redirectUris.join(' ')}\n`).join('');
}

/** `oauth code`: a self-client grant code, printed alone. */
export async function createOAuthCode(
  config: Config,
  options: { clientId: string; erecno: string; scope: string; expiresIn?: string },
): Promise<string> {
  const erecno = checkErecno(options.erecno);
  const issued = await withStore(config, undefined, (context, issuer) =>
    // The client names its portal; the operator may issue codes in any.
    issueSelfClientCode(context, issuer, {
      clientId: options.clientId,
      erecno,
      scope: options.scope,
      ...(options.expiresIn === undefined ? {} : { expiresIn: options.expiresIn }),
    }),
  );
  return issued.code;
}

/** `oauth sign-in-link`: a one-time link that signs a person of an organisation portal in to the consent page. */
export async function createSignInLink(
  config: Config,
  options: { erecno: string; portalId?: string },
): Promise<string> {
  const erecno = checkErecno(options.erecno);
  const ticket = await withStore(config, options.portalId, (context, issuer) =>
    issueSignInTicket(context, issuer.portalId, erecno),
  );
  const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
  return `${base.replace(/\/+$/, '')}/oauth/v2/sign-in?ticket=${encodeURIComponent(ticket)}`;
}
