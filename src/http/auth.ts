/** `Authorization: Zoho-oauthtoken <token>` -> the caller; the route's declared scope and access are enforced here. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { forbidden, LmsError, zohoStatusMessages } from '../errors.ts';
import { type Caller, hasScope, type Scope } from '../features/people/caller.ts';
import { findCaller } from '../features/people/token.repository.ts';
import type { RateLimiter } from './rate-limit.ts';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
  }
  interface FastifyContextConfig {
    /** The operation scope the route needs (`ZOHOPEOPLE.training.ALL` always suffices). */
    scope?: Scope;
    /** Lectern's control plane: portal admins, or the server's operator. */
    access?: 'admin' | 'operator';
  }
}

const prefix = 'zoho-oauthtoken ';

function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined || header.length <= prefix.length) return undefined;
  if (header.slice(0, prefix.length).toLowerCase() !== prefix) return undefined;
  return header.slice(prefix.length).trim();
}

/**
 * Asks the limiter about this call. When the limiter's store (Redis) fails, the call goes through and the
 * failure is logged: an outage of the throttle should not become an outage of the API (/readyz reports it).
 */
async function checkRate(limiter: RateLimiter, request: FastifyRequest, caller: Caller, clock: Clock) {
  try {
    return await limiter.hit(caller.tokenHash, `${request.method} ${request.routeOptions.url}`, clock.now());
  } catch (error) {
    request.log.error({ err: error }, 'rate limiter unavailable; call admitted');
    return { allowed: true, retryAfterSeconds: 0 };
  }
}

/** Registers authentication, scope checks and the rate limit for every route that declares a scope. */
export function registerAuth(
  app: FastifyInstance,
  dependencies: { db: Db; clock: Clock; rateLimiter: RateLimiter | null },
): void {
  app.decorateRequest('caller', null as unknown as Caller);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const config = request.routeOptions.config;
    if (config.scope === undefined) return;
    const token = tokenOf(request);
    if (token === undefined) {
      throw new LmsError(
        401,
        '401',
        `${zohoStatusMessages[401]}: send the header Authorization: Zoho-oauthtoken <token>`,
      );
    }
    const caller = await findCaller(dependencies.db, token);
    if (caller === undefined) throw new LmsError(401, '401', `${zohoStatusMessages[401]}: the token is not known`);
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
    if (!hasScope(caller, config.scope)) {
      throw forbidden(`the token needs ZOHOPEOPLE.training.ALL or ZOHOPEOPLE.training.${config.scope}`);
    }
    if (config.access === 'operator' && !caller.isOperator) {
      throw forbidden('only the server operator may do this');
    }
    if (config.access === 'admin' && !caller.isAdmin && !caller.isOperator) {
      throw forbidden('only a portal admin may do this');
    }
  });
}
