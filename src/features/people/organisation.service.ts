/** Making an organisation's portal on an empty store: `lectern init`, and the portal `--no-demo` starts with. */
import type { AppContext } from '../../context.ts';
import type { Db, PortalTable } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { stateError } from '../../errors.ts';
import { buildOrganisationPortal, type Organisation, type PortalCreationStep } from './organisation-portal.ts';
import { findFirstPortal, insertEmployees, insertPortal, urlNameTaken } from './people.repository.ts';
import { generateToken, insertToken } from './token.repository.ts';

export type { Organisation } from './organisation-portal.ts';

/** An organisation portal just made, with its first admin and a full-scope token of theirs (shown once). */
export interface CreatedOrganisation {
  portal: PortalTable;
  admin: { erecno: string; name: string; email: string };
  token: string;
}

/** The error code of a store that already holds a portal. */
export const storeInUseCode = 'STORE_ALREADY_HAS_A_PORTAL';

/** Inserts the organisation portal and its admin (no token), in the caller's transaction. */
export async function insertOrganisationPortal(
  context: AppContext,
  db: Db,
  organisation: Organisation,
  beside = false,
) {
  const rows = buildOrganisationPortal(context.ids, context.clock.now(), organisation);
  if (beside && (await urlNameTaken(db, rows.portal.url_name))) rows.portal.url_name += `-${rows.portal.id}`;
  await insertPortal(db, rows.portal);
  await insertEmployees(db, [rows.administrator]);
  return rows;
}

/**
 * Makes the organisation's portal on an empty store, with its admin and a full-scope token, in one transaction;
 * refuses (400 STORE_ALREADY_HAS_A_PORTAL) a store that holds any portal, demo or not.
 */
export async function createOrganisationPortal(
  context: AppContext,
  organisation: Organisation,
  lastStep?: PortalCreationStep,
): Promise<CreatedOrganisation> {
  return context.db.transaction().execute(async (trx) => {
    const existing = await findFirstPortal(trx);
    if (existing !== undefined) {
      throw stateError(
        storeInUseCode,
        `the store already has a portal (${existing.id}, ${existing.name}); init only sets up an empty store`,
      );
    }
    return insertWithToken(context, trx, organisation, lastStep);
  });
}

/**
 * Adds an organisation portal beside the store's others (the control plane's createPortal); its URL name gets the
 * portal's id when another portal holds the name's own.
 */
export async function addOrganisationPortal(
  context: AppContext,
  organisation: Organisation,
  lastStep?: PortalCreationStep,
): Promise<CreatedOrganisation> {
  const attempt = () =>
    context.db.transaction().execute((trx) => insertWithToken(context, trx, organisation, lastStep, true));
  try {
    return await attempt();
  } catch (error) {
    // Two portals of one name made at once both found the name free; the second look finds it taken.
    if (!isUniqueViolation(error)) throw error;
    return attempt();
  }
}

async function insertWithToken(
  context: AppContext,
  trx: Db,
  organisation: Organisation,
  lastStep: PortalCreationStep | undefined,
  beside = false,
): Promise<CreatedOrganisation> {
  const { portal, administrator } = await insertOrganisationPortal(context, trx, organisation, beside);
  const token = generateToken();
  await insertToken(trx, {
    id: context.ids.next(),
    value: token,
    portalId: portal.id,
    erecno: administrator.erecno,
    scopes: ['ZOHOPEOPLE.training.ALL'],
    isOperator: false,
    now: context.clock.now(),
  });
  await lastStep?.(trx, portal.id);
  return {
    portal,
    admin: { erecno: administrator.erecno, name: administrator.display_name, email: administrator.email_id },
    token,
  };
}

/** The id of the store's first portal (the one init or start-up made), or undefined on an empty store. */
export async function firstPortalId(db: Db): Promise<string | undefined> {
  return (await findFirstPortal(db))?.id;
}
