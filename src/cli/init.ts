/**
 * `lectern init --org <name> --admin-name <name> --admin-email <email> [--time-zone <IANA>]`: an organisation's
 * portal on an empty store, with no demo data and one person, its first admin, whose token it prints as JSON.
 */
import type { Config } from '../config.ts';
import { initialSnapshotStep } from '../control-room/portals.service.ts';
import { LmsError } from '../errors.ts';
import { issuePasswordLink } from '../features/accounts/index.ts';
import {
  checkEmailAddress,
  checkName,
  checkTimeZone,
  createOrganisationPortal,
  installOperatorToken,
  type Organisation,
  storeInUseCode,
} from '../features/people/index.ts';
import { prepareSchema } from '../store.ts';
import { CliError, usageExitCode } from './cli-error.ts';
import { commandContext, openConfiguredDatabase } from './store-options.ts';

/** What `init` was given. */
export interface InitRequest {
  org: string;
  adminName: string;
  adminEmail: string;
  timeZone?: string;
}

/** The flags checked, each refusal naming its flag; nothing is opened before they pass. */
function organisationOf(request: InitRequest): Organisation {
  const flags: Record<string, string> = {
    org: '--org',
    adminName: '--admin-name',
    adminEmail: '--admin-email',
    timeZone: '--time-zone',
  };
  try {
    return {
      name: checkName(request.org, flags.org!),
      adminName: checkName(request.adminName, flags.adminName!),
      adminEmail: checkEmailAddress(request.adminEmail, flags.adminEmail!),
      timeZone: request.timeZone === undefined ? 'UTC' : checkTimeZone(request.timeZone, flags.timeZone!),
    };
  } catch (error) {
    if (error instanceof LmsError) throw new CliError(error.message, usageExitCode);
    throw error;
  }
}

/**
 * Migrates the store if needed and makes the organisation's portal; answers one line of JSON: the portal, its admin,
 * the admin's full-scope token (shown only here) and the password-set link (null until the web app has passwords).
 * A store that already holds a portal is refused in one line, exit code 2, and left as it was.
 */
export async function initOrganisation(config: Config, request: InitRequest): Promise<string> {
  const organisation = organisationOf(request);
  const database = await openConfiguredDatabase(config);
  try {
    const context = commandContext(database, config);
    await prepareSchema(context);
    let created: Awaited<ReturnType<typeof createOrganisationPortal>>;
    try {
      // The portal keeps its starting state as the `initial` snapshot, which `lectern portal reset` goes back to.
      created = await createOrganisationPortal(context, organisation, await initialSnapshotStep(context));
    } catch (error) {
      if (error instanceof LmsError && error.code === storeInUseCode) {
        throw new CliError(`${error.message}; point --data or --database-url at an empty store`, usageExitCode);
      }
      throw error;
    }
    if (config.bootstrapToken !== null) await installOperatorToken(context, created.portal.id, config.bootstrapToken);
    return JSON.stringify({
      portalId: created.portal.id,
      name: created.portal.name,
      urlName: created.portal.url_name,
      timeZone: created.portal.time_zone,
      admin: created.admin,
      token: created.token,
      // The first admin's way in: a single-use link (7 days) to set a password; nothing is e-mailed.
      passwordSetLink: await issuePasswordLink(context, created.portal.id, created.admin.erecno, {
        kind: 'invite',
        base: config.publicUrl ?? `http://${config.host}:${config.port}`,
        send: false,
      }),
    });
  } finally {
    await database.close();
  }
}
