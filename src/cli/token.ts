import type { Config } from '../config.ts';
import { LmsError } from '../errors.ts';
import { issueToken, validateScopes } from '../features/people/index.ts';
import { isNumericId } from '../ids.ts';
import { prepareStore } from '../store.ts';
import { CliError, usageExitCode } from './cli-error.ts';
import { commandContext, openConfiguredDatabase } from './store-options.ts';

/** The scope of an operator token made without --scopes: an operator sets up portals and acts on everything. */
const operatorScopes = ['ZOHOPEOPLE.training.ALL'];

/** What `token create` was asked for. */
export interface TokenRequest {
  /** Comma-separated scopes; short names (READ) stand for ZOHOPEOPLE.training.READ. Optional for --operator. */
  scopes?: string;
  /** The employee's erecno; the portal's admin when absent. */
  as?: string;
  operator?: boolean;
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

function scopesOf(request: TokenRequest): string[] {
  if (request.scopes !== undefined) return parseScopes(request.scopes);
  if (request.operator === true) return operatorScopes;
  throw new CliError(
    '--scopes is required: name what the token may do, e.g. --scopes READ,CREATE or --scopes ALL ' +
      '(only --operator tokens default to ZOHOPEOPLE.training.ALL)',
    usageExitCode,
  );
}

/** Migrates if needed (and makes the first portal in an empty store), then issues the token. */
export async function createToken(config: Config, request: TokenRequest): Promise<string> {
  const scopes = scopesOf(request);
  if (request.as !== undefined && !isNumericId(request.as)) {
    throw new CliError(`--as must be an erecno (digits only), got "${request.as}"`, usageExitCode);
  }
  const database = await openConfiguredDatabase(config);
  try {
    // No HTTP server is needed, so the context is assembled here rather than through buildApp.
    const context = commandContext(database, config);
    // Only the token asked for is made: a new portal's admin token would be shown to nobody.
    const { portalId } = await prepareStore(context, config, { adminToken: false });
    try {
      const issued = await issueToken(context, {
        portalId,
        erecno: request.as,
        scopes,
        isOperator: request.operator === true,
      });
      return issued.token;
    } catch (error) {
      if (error instanceof LmsError && error.status === 404) {
        throw new CliError(
          `the first portal (${portalId}) has no employee with erecno ${request.as}; ` +
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
