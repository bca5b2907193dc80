/** `Authorization: Zoho-oauthtoken <token>` -> the caller; the route's declared scope and access are enforced here. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Caller, hasScope, type RouteScope, scopesAdmitting } from '../access/index.ts';
import { isServerTime, type PortalAwareClock } from '../clock.ts';
import { runInDateFormat } from '../dates.ts';
import type { Db } from '../db/database.ts';
import { forbidden, LmsError, zohoStatusMessages } from '../errors.ts';
import { authenticateToken, type TokenRefusal, tokenHashOf } from '../features/people/index.ts';
import type { CallerCache } from './auth-cache.ts';
import type { RateLimiter } from './rate-limit.ts';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
  }
  interface FastifyContextConfig {
    /** The operation scope the route needs (its family's ALL always suffices; see access/scopes.ts). */
    scope?: RouteScope;
    /** Errors answer in Zoho People's `{"response":{...,"errors":{code,message},"status":1}}` (the forms API). */
    peopleEnvelope?: boolean;
    /** Lectern's control plane: portal admins, or the server's operator. */
    access?: 'admin' | 'operator';
  }
  interface FastifyInstance {
    /** Every route with the scope and access it declares, in registration order (HEAD routes left out). */
    routeTable: RouteDeclaration[];
  }
}

/** A route as declared: where it is and what a caller needs; `scope` undefined means no token is asked for. */
export interface RouteDeclaration {
  readonly method: string;
  readonly url: string;
  readonly operationId: string | undefined;
  readonly scope: RouteScope | undefined;
  readonly access: 'admin' | 'operator' | undefined;
}

/** People's code for a missing, unknown, expired or revoked token (HTTP 401; clients refresh on it). */
export const invalidTokenCode = '7202';
/** People's code for a token without the operation's scope (HTTP 403; clients do not refresh on it). */
export const invalidScopeCode = '7218';

const refusalReasons: Record<TokenRefusal, string> = {
  unknown: 'the token is not known',
  expired: 'the token has expired',
  revoked: 'the token was revoked',
  inactive: "the token's employee is inactive",
};

/** 401 with People's invalid-token code and the reason after Zoho's wording. */
export function invalidToken(reason: string): LmsError {
  return new LmsError(401, invalidTokenCode, `${zohoStatusMessages[401]}: ${reason}`);
}

/** 403 for a token that lacks the route's scope; names the scopes that would do, and says "Invalid OAuth Scope". */
export function invalidScope(scope: RouteScope): LmsError {
  const admitting = scopesAdmitting(scope);
  return new LmsError(
    403,
    invalidScopeCode,
    `${zohoStatusMessages[403]}: Invalid OAuth Scope: the token needs ${admitting.slice(0, -1).join(', ')}${admitting.length > 1 ? ' or ' : ''}${admitting.at(-1)}`,
  );
}

// Zoho's own scheme, and `Bearer`, which Zoho Accounts accepts too (OAuth libraries send it: token_type is Bearer).
const prefixes = ['zoho-oauthtoken ', 'bearer '];

function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const prefix = prefixes.find((candidate) => header.slice(0, candidate.length).toLowerCase() === candidate);
  if (prefix === undefined || header.length <= prefix.length) return undefined;
  return header.slice(prefix.length).trim();
}

/**
 * Asks the limiter about this call. When the limiter's store (Redis) fails, the call goes through and the
 * failure is logged: an outage of the throttle should not become an outage of the API (/readyz reports it).
 */
async function checkRate(limiter: RateLimiter, request: FastifyRequest, caller: Caller, clock: PortalAwareClock) {
  const time = caller.portalTime;
  try {
    return await limiter.hit(
      caller.tokenHash,
      `${request.method} ${request.routeOptions.url}`,
      clock.nowIn(time),
      !isServerTime(time),
    );
  } catch (error) {
    request.log.error({ err: error }, 'rate limiter unavailable; call admitted');
    return { allowed: true, retryAfterSeconds: 0 };
  }
}

/** The token's caller: from the cache while it is fresh, else from the database (then kept); refusals are thrown. */
async function authenticate(
  dependencies: { db: Db; clock: PortalAwareClock; callers: CallerCache | null },
  token: string,
): Promise<Caller> {
  const { callers } = dependencies;
  const now = dependencies.clock.server.now();
  const hash = callers === null ? '' : tokenHashOf(token);
  const cached = callers?.find(hash, now);
  if (cached !== undefined) return cached;
  const epoch = callers?.currentEpoch() ?? 0;
  const found = await authenticateToken(dependencies.db, token, now);
  if ('refusal' in found) throw invalidToken(refusalReasons[found.refusal]);
  callers?.store(found.caller, epoch, now);
  return found.caller;
}

/** Keeps the table of routes registered after this call, with what each declares. */
function recordRouteTable(app: FastifyInstance): void {
  const table: RouteDeclaration[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      table.push({
        method,
        url: route.url,
        operationId: (route.schema as { operationId?: string } | undefined)?.operationId,
        scope: route.config?.scope,
        access: route.config?.access,
      });
    }
  });
}

/**
 * Registers authentication, scope checks and the rate limit for every route that declares a scope, and the route
 * table (register this before the routes).
 */
export function registerAuth(
  app: FastifyInstance,
  dependencies: { db: Db; clock: PortalAwareClock; rateLimiter: RateLimiter | null; callers: CallerCache | null },
): void {
  recordRouteTable(app);
  app.decorateRequest('caller', null as unknown as Caller);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const config = request.routeOptions.config;
    if (config.scope === undefined) return;
    const token = tokenOf(request);
    if (token === undefined) throw invalidToken('send the header Authorization: Zoho-oauthtoken <token>');
    const caller = await authenticate(dependencies, token);
    request.caller = caller;
    if (dependencies.rateLimiter !== null) {
      const decision = await checkRate(dependencies.rateLimiter, request, caller, dependencies.clock);
      if (!decision.allowed) {
        reply.header('Retry-After', String(decision.retryAfterSeconds));
        throw new LmsError(
          429,
          '7209',
          `API access blocked since threshold limit exceeded. Please try after ${decision.retryAfterSeconds} seconds`,
        );
      }
    }
    if (!hasScope(caller, config.scope)) throw invalidScope(config.scope);
    if (config.access === 'operator' && !caller.isOperator) throw forbidden('only the server operator may do this');
    if (config.access === 'admin' && !caller.isAdmin && !caller.isOperator) {
      throw forbidden('only a portal admin may do this');
    }
  });
  enterPortalTime(app, dependencies.clock);
}

/**
 * Runs the rest of an authenticated request (validation, handler, its awaits) on the caller's portal clock and in
 * its portal's date format. In
 * preValidation, after the body is read: the body stream's events would otherwise run outside the scope.
 */
function enterPortalTime(app: FastifyInstance, clock: PortalAwareClock): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const caller = request.caller;
    if (caller === null) return done();
    // Display dates follow the portal's date format too; both scopes are entered only when they differ from the default.
    const next = () => runInDateFormat(caller.portalDateFormat, done);
    if (isServerTime(caller.portalTime)) next();
    else clock.runIn(caller.portalTime, next);
  });
}
