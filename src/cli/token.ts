/** `lectern token create`: a token for an employee of the first portal, printed alone so scripts can capture it. */
import type { Command } from 'commander';
import { systemClock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { LmsError } from '../errors.ts';
import { scopeNames } from '../features/people/caller.ts';
import { findFirstPortal } from '../features/people/people.repository.ts';
import { issueToken, validateScopes } from '../features/people/portal.service.ts';
import { IdGenerator, isNumericId } from '../ids.ts';
import { prepareStore } from '../store.ts';
import { CliError, usageExitCode } from './cli-error.ts';
import { addStoreOptions, loadCommandConfig, openConfiguredDatabase } from './store-options.ts';

/** What `token create` was asked for. */
export interface TokenRequest {
  /** Comma-separated scopes; short names (READ) stand for ZOHOPEOPLE.training.READ. */
  scopes: string;
  /** The employee's erecno; the portal's admin when absent. */
  as?: string;
  operator?: boolean;
}

/** Registers `lectern token create`. */
export function registerTokenCommand(program: Command): void {
  const token = program.command('token').description('manage API tokens');
  const create = token
    .command('create')
    .description('issue a token on the first portal and print it (and nothing else) on stdout')
    .requiredOption('--scopes <list>', `comma-separated: ${scopeNames.join(', ')}`)
    .option('--as <erecno>', "the employee the token acts as (default: the portal's admin)")
    .option('--operator', 'may also create portals through /lectern/v1/portals');
  addStoreOptions(create).action(async (options: TokenRequest, self: Command) => {
    process.stdout.write(`${await createToken(loadCommandConfig(self), options)}\n`);
  });
}

function parseScopes(list: string): string[] {
  const names = list
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '')
    .map((scope) => (scope.includes('.') ? scope : `ZOHOPEOPLE.training.${scope.toUpperCase()}`));
  try {
    return validateScopes(names, '--scopes');
  } catch (error) {
    if (error instanceof LmsError) throw new CliError(error.message, usageExitCode);
    throw error;
  }
}

/** Migrates if needed (and loads the demo into an empty store), then issues the token. */
export async function createToken(config: Config, request: TokenRequest): Promise<string> {
  const scopes = parseScopes(request.scopes);
  if (request.as !== undefined && !isNumericId(request.as)) {
    throw new CliError(`--as must be an erecno (digits only), got "${request.as}"`, usageExitCode);
  }
  const database = openConfiguredDatabase(config);
  try {
    // No HTTP server is needed, so the context is assembled here rather than through buildApp.
    const context: AppContext = {
      db: database.db,
      dialect: database.dialect,
      clock: systemClock,
      ids: new IdGenerator(),
      config,
    };
    await prepareStore(context, config);
    const portal = await findFirstPortal(context.db);
    if (portal === undefined) {
      throw new CliError(
        'the store has no portal (it is empty and LECTERN_DEMO is off); run `lectern serve --demo` once to make one',
        usageExitCode,
      );
    }
    try {
      const issued = await issueToken(context, {
        portalId: portal.id,
        erecno: request.as,
        scopes,
        isOperator: request.operator === true,
      });
      return issued.token;
    } catch (error) {
      if (error instanceof LmsError && error.status === 404) {
        throw new CliError(
          `portal "${portal.name}" (${portal.id}) has no employee with erecno ${request.as}; ` +
            'list them with GET /lectern/v1/employees',
          usageExitCode,
        );
      }
      throw error;
    }
  } finally {
    await database.close();
  }
}
