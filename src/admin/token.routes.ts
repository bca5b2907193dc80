import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import {
  listPortalTokens,
  MintedTokenSchema,
  mintToken,
  presentToken,
  revokeTokenById,
  revokeTokenByValue,
  TokenSchema,
} from '../features/people/index.ts';
import { errorResponses, listEnvelope, page, pageSize, SuccessBody, success } from '../http/envelope.ts';
import { pathId, readParameter, readStartIndex } from '../http/input.ts';
import {
  listTokensQuery,
  MintBody,
  revokeTokenByValueBody,
  revokeTokenByValueQuery,
  revokeTokenParams,
} from './token.schemas.ts';

/** Registers POST and GET /lectern/v1/tokens, DELETE /lectern/v1/tokens/{tokenId} and POST /lectern/v1/tokens/revoke. */
export function registerTokenRoutes(app: FastifyInstance, context: AppContext): void {
  app.post(
    '/lectern/v1/tokens',
    {
      config: { scope: 'CREATE', access: 'admin' },
      schema: {
        operationId: 'createToken',
        tags: ['lectern'],
        description: 'Mints a token within what the calling token may do itself: its scopes, portal and expiry.',
        body: MintBody,
        response: { 200: MintedTokenSchema, ...errorResponses },
      },
    },
    async (request) => mintToken(context, request.caller, request.body as Record<string, unknown>),
  );

  app.get(
    '/lectern/v1/tokens',
    {
      config: { scope: 'READ', access: 'admin' },
      schema: {
        operationId: 'listTokens',
        tags: ['lectern'],
        querystring: listTokensQuery,
        response: { 200: listEnvelope('tokens', TokenSchema), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listPortalTokens(context, request.caller, readStartIndex(request), pageSize + 1);
      const { items, hasMoreRecords } = page(rows);
      const now = context.clock.now();
      return { tokens: items.map((row) => presentToken(row, now)), code: '200', message: 'success', hasMoreRecords };
    },
  );

  app.delete(
    '/lectern/v1/tokens/:tokenId',
    {
      config: { scope: 'DELETE', access: 'admin' },
      schema: {
        operationId: 'revokeToken',
        tags: ['lectern'],
        description: 'Revokes a token of the portal and every token minted from it.',
        params: revokeTokenParams,
        response: { 200: SuccessBody, ...errorResponses },
      },
    },
    async (request) => {
      await revokeTokenById(context, request.caller, pathId(request.params, 'tokenId'));
      return success;
    },
  );

  app.post(
    '/lectern/v1/tokens/revoke',
    {
      // Holding the token is the proof, as for Zoho's /oauth/v2/token/revoke: no Authorization header is asked for.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        operationId: 'revokeTokenByValue',
        tags: ['lectern'],
        security: [],
        description: 'Revokes the token given (in the body, or the query as Zoho does) and every token minted from it.',
        querystring: revokeTokenByValueQuery,
        body: revokeTokenByValueBody,
        response: { 200: SuccessBody, ...errorResponses },
      },
    },
    async (request) => {
      await revokeTokenByValue(context, readParameter(request, 'token'));
      return success;
    },
  );
}
