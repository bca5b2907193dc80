/** The control plane of OAuth under /lectern/v1/oauth: clients, and self-client grant codes (portal admins, the operator). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses, page, pageSize, SuccessBody, success } from '../../http/envelope.ts';
import { readStartIndex } from '../../http/input.ts';
import {
  clientParams,
  createClientBody,
  createClientResponse201,
  createGrantCodeBody,
  createGrantCodeResponse201,
  listClientsQuery,
  listClientsResponse200,
  OAuthClientSchema,
} from './oauth.schemas.ts';
import { createClient, deleteClient, getClient, issueSelfClientCode, listClients } from './oauth-client.service.ts';

/** Registers the /lectern/v1/oauth routes. */
export function registerOAuthAdminRoutes(app: FastifyInstance, context: AppContext): void {
  app.post(
    '/lectern/v1/oauth/clients',
    {
      config: { scope: 'CREATE', access: 'admin' },
      schema: {
        operationId: 'createOAuthClient',
        tags: ['lectern'],
        description: 'Registers an OAuth client of a portal; its secret is answered this once and stored only hashed.',
        body: createClientBody,
        response: { 201: createClientResponse201, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await createClient(context, request.caller, request.body as Record<string, unknown>);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/lectern/v1/oauth/clients',
    {
      config: { scope: 'READ', access: 'admin' },
      schema: {
        operationId: 'listOAuthClients',
        tags: ['lectern'],
        querystring: listClientsQuery,
        response: { 200: listClientsResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listClients(context, request.caller, readStartIndex(request), pageSize + 1);
      const { items, hasMoreRecords } = page(rows);
      return { clients: items, hasMoreRecords };
    },
  );

  app.get(
    '/lectern/v1/oauth/clients/:clientId',
    {
      config: { scope: 'READ', access: 'admin' },
      schema: {
        operationId: 'getOAuthClient',
        tags: ['lectern'],
        params: clientParams,
        response: { 200: OAuthClientSchema, ...errorResponses },
      },
    },
    async (request) => getClient(context, request.caller, (request.params as { clientId: string }).clientId),
  );

  app.delete(
    '/lectern/v1/oauth/clients/:clientId',
    {
      config: { scope: 'DELETE', access: 'admin' },
      schema: {
        operationId: 'deleteOAuthClient',
        tags: ['lectern'],
        description: 'Deletes the client and revokes every token issued to it.',
        params: clientParams,
        response: { 200: SuccessBody, ...errorResponses },
      },
    },
    async (request) => {
      await deleteClient(context, request.caller, (request.params as { clientId: string }).clientId);
      return success;
    },
  );

  app.post(
    '/lectern/v1/oauth/grant-codes',
    {
      config: { scope: 'CREATE', access: 'admin' },
      schema: {
        operationId: 'createOAuthGrantCode',
        tags: ['lectern'],
        description:
          'Zoho\'s self client "Generate Code": a code for a person of the client\'s portal, with scopes the calling ' +
          'token holds; traded at /oauth/v2/token for an access and a refresh token.',
        body: createGrantCodeBody,
        response: { 201: createGrantCodeResponse201, ...errorResponses },
      },
    },
    async (request, reply) => {
      const issued = await issueSelfClientCode(context, request.caller, request.body as Record<string, unknown>);
      return reply.code(201).send(issued);
    },
  );
}
