/**
 * What the web app needs to sign in with Lectern's OAuth: its portal's built-in public client
 * (GET /oauth/v2/web-client) and who a token stands for (GET /oauth/user/info, Zoho Accounts' user info with the
 * person's erecno, roles and portal added). Both answer in Accounts' JSON and stay out of the OpenAPI document.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { isNumericId } from '../../ids.ts';
import { authenticateToken, findEmployee, findPortalSummary } from '../people/index.ts';
import { accountsErrorResponse, userInfoResponse, webClientQuery, webClientResponse } from './oauth.schemas.ts';
import { webClientId, webClientRedirectPath, webClientScope } from './web-client.ts';

const accountsJson = 'application/json;charset=UTF-8';

/** The token of `Authorization: Bearer <token>` or `Zoho-oauthtoken <token>`, when sent. */
function bearerToken(request: FastifyRequest): string | undefined {
  const match = /^(?:bearer|zoho-oauthtoken)\s+(\S{1,200})\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/** Registers GET /oauth/v2/web-client and GET /oauth/user/info. */
export function registerWebSignInRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/oauth/v2/web-client',
    {
      schema: {
        hide: true,
        operationId: 'oauthWebClient',
        querystring: webClientQuery,
        response: { 200: webClientResponse, 400: accountsErrorResponse, 404: accountsErrorResponse },
      },
    },
    async (request, reply) => {
      reply.type(accountsJson).header('cache-control', 'no-store');
      const requested = (request.query as { portalId?: unknown }).portalId;
      if (requested !== undefined && (typeof requested !== 'string' || !isNumericId(requested))) {
        return reply.code(400).send({ error: 'invalid_portal', error_description: 'portalId must be a numeric id' });
      }
      const portal = await findPortalSummary(context.db, requested);
      if (portal === undefined) {
        return reply.code(404).send({ error: 'invalid_portal', error_description: 'no portal has this id' });
      }
      return {
        clientId: webClientId(portal.id),
        portalId: portal.id,
        portalName: portal.name,
        demo: portal.demo,
        scope: webClientScope,
        redirectPath: webClientRedirectPath,
      };
    },
  );

  app.get(
    '/oauth/user/info',
    {
      schema: {
        hide: true,
        operationId: 'oauthUserInfo',
        response: { 200: userInfoResponse, 401: accountsErrorResponse },
      },
    },
    async (request, reply) => {
      reply.type(accountsJson).header('cache-control', 'no-store');
      const token = bearerToken(request);
      const found =
        token === undefined ? undefined : await authenticateToken(context.db, token, context.clock.server.now());
      if (found === undefined || 'refusal' in found) {
        const reason =
          found === undefined ? 'send Authorization: Bearer <access token>' : `the token is ${found.refusal}`;
        return reply.code(401).send({ error: 'invalid_token', error_description: reason });
      }
      const { caller } = found;
      const [person, portal] = await Promise.all([
        findEmployee(context.db, caller.portalId, caller.erecno),
        findPortalSummary(context.db, caller.portalId),
      ]);
      const roles = [
        ...(caller.isAdmin ? ['admin'] : []),
        ...(caller.isSettingsAdmin ? ['settingsAdmin'] : []),
        ...(caller.isDataAdmin ? ['dataAdmin'] : []),
        ...(caller.isTrainer ? ['trainer'] : []),
      ];
      return {
        First_Name: person?.first_name ?? person?.display_name ?? '',
        Email: person?.email_id ?? '',
        Last_Name: person?.last_name ?? '',
        Display_Name: person?.display_name ?? '',
        ZUID: caller.erecno,
        erecno: caller.erecno,
        roles,
        portalId: caller.portalId,
        portalName: portal?.name ?? '',
        demo: portal?.demo ?? false,
      };
    },
  );
}
