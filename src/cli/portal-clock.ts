/** `lectern portal clock`: reads or moves a portal's clock in the store; a running server sees it on its next request. */
import type { Config } from '../config.ts';
import { advancePortalClock, readPortalClock, resetPortalClock, setPortalClock } from '../control-room/index.ts';
import { migrateToLatest } from '../db/create-db.ts';
import { LmsError } from '../errors.ts';
import { CliError, usageExitCode } from './cli-error.ts';
import { commandContext, openConfiguredDatabase } from './store-options.ts';

/** What `portal clock` was asked to do; no flag reads the clock. */
export interface PortalClockRequest {
  set?: string;
  freeze?: boolean;
  advance?: string;
  reset?: boolean;
}

type ClockAction = 'read' | 'set' | 'advance' | 'reset';

function chosenAction(request: PortalClockRequest): ClockAction {
  const actions: ClockAction[] = [];
  if (request.set !== undefined || request.freeze === true) actions.push('set');
  if (request.advance !== undefined) actions.push('advance');
  if (request.reset === true) actions.push('reset');
  if (actions.length > 1) throw new CliError('give one of --set/--freeze, --advance or --reset', usageExitCode);
  return actions[0] ?? 'read';
}

/** Runs the command and answers the clock as one line of JSON. */
export async function portalClockCommand(config: Config, portalId: string, request: PortalClockRequest) {
  const action = chosenAction(request);
  if (!/^\d{1,20}$/.test(portalId)) throw new CliError(`portal id must be digits, got "${portalId}"`, usageExitCode);
  const database = await openConfiguredDatabase(config);
  try {
    await migrateToLatest(database.db);
    const context = commandContext(database, config);
    const clock =
      action === 'set'
        ? await setPortalClock(context, portalId, { now: request.set, frozen: request.freeze === true })
        : action === 'advance'
          ? await advancePortalClock(context, portalId, request.advance!)
          : action === 'reset'
            ? await resetPortalClock(context, portalId)
            : await readPortalClock(context, portalId);
    return JSON.stringify(clock);
  } catch (error) {
    // A bad time or an unknown portal is the user's to fix: one line, no stack.
    if (error instanceof LmsError) throw new CliError(error.message, usageExitCode);
    throw error;
  } finally {
    await database.close();
  }
}
