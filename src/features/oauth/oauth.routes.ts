/**
 * Zoho Accounts' OAuth endpoints on Lectern's own host: /oauth/v2/auth (the consent page and its form),
 * /oauth/v2/token, /oauth/v2/token/revoke, and /oauth/v2/sign-in (the one-time sign-in links of organisation portals).
 * They ask for no token, answer in Accounts' words, and stay out of the OpenAPI document (Zoho's are not in People's).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { publicBase } from '../../http/public-base.ts';
import { registerAccountRoutes, sessionCookie } from '../accounts/index.ts';
import { renderConsentPage, renderErrorPage, renderSignInPage } from './consent-page.ts';
import {
  authorizeQuery,
  consentFormBody,
  revokeBody,
  revokeQuery,
  revokeResponse200,
  revokeResponse400,
  signInQuery,
  tokenBody,
  tokenQuery,
  tokenResponse200,
  tokenResponse400,
} from './oauth.schemas.ts';
import { answerConsent, prepareConsent, signIn } from './oauth-consent.service.ts';
import { acceptMultipartFields } from './oauth-form.request.ts';
import {
  accessDeniedBody,
  exchangeToken,
  OAuthError,
  revokeOAuthToken,
  type TokenParameters,
} from './oauth-token.service.ts';
import { registerWebSignInRoutes } from './web-sign-in.routes.ts';

const consentPath = '/oauth/v2/auth';

/** Zoho Accounts answers JSON with this exact content type. */
const accountsJson = 'application/json;charset=UTF-8';

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
    .send(html);
}

/** The sign-in session cookie's value, if the browser sent one. */
function sessionOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const equals = part.indexOf('=');
    if (equals !== -1 && part.slice(0, equals).trim() === sessionCookie) return part.slice(equals + 1).trim();
  }
  return undefined;
}

function stringsOf(source: unknown): TokenParameters {
  const result: TokenParameters = {};
  if (source === null || typeof source !== 'object') return result;
  for (const [name, value] of Object.entries(source)) if (typeof value === 'string') result[name] = value;
  return result;
}

/** Client id and secret from `Authorization: Basic base64(id:secret)`, when sent. */
function basicCredentials(request: FastifyRequest): { client_id: string; client_secret: string } | undefined {
  const header = request.headers.authorization;
  if (header === undefined || !/^basic\s+/i.test(header)) return undefined;
  const decoded = Buffer.from(header.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  return { client_id: decoded.slice(0, colon), client_secret: decoded.slice(colon + 1) };
}

/** The token request's parameters: the form body over the query, and a Basic header's credentials. */
function tokenParameters(request: FastifyRequest): TokenParameters {
  const merged = { ...stringsOf(request.query), ...stringsOf(request.body) };
  const basic = basicCredentials(request);
  if (basic === undefined) return merged;
  // Credentials named twice must agree; a client named otherwise in the parameters is not the one authenticated.
  if (merged.client_id !== undefined && merged.client_id !== basic.client_id) return { ...merged, client_id: '' };
  return { ...merged, ...basic };
}

const emptyBody = async (request: FastifyRequest) => {
  request.body ??= {};
};

/** Registers the /oauth/v2 routes. */
export function registerOAuthRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    consentPath,
    { schema: { hide: true, operationId: 'oauthAuthorize', querystring: authorizeQuery } },
    async (request, reply) => {
      const base = publicBase(request, context.config);
      const form = await prepareConsent(context, request.query as Record<string, unknown>, sessionOf(request), base);
      if ('title' in form) return sendHtml(reply, 400, renderErrorPage(form));
      if ('signInPortalId' in form) {
        // An organisation portal signs in with e-mail and password first, then comes back here.
        const signIn = new URLSearchParams({ portalId: form.signInPortalId, return: request.url });
        return reply.header('cache-control', 'no-store').redirect(`/oauth/v2/accounts/sign-in?${signIn}`, 302);
      }
      return sendHtml(reply, 200, renderConsentPage(form, consentPath));
    },
  );

  app.post(
    consentPath,
    { preValidation: emptyBody, schema: { hide: true, operationId: 'oauthConsent', body: consentFormBody } },
    async (request, reply) => {
      const base = publicBase(request, context.config);
      const answer = await answerConsent(context, request.body as Record<string, unknown>, sessionOf(request), base);
      if ('title' in answer) return sendHtml(reply, 400, renderErrorPage(answer));
      return reply.header('cache-control', 'no-store').redirect(answer.redirect, 302);
    },
  );

  app.get(
    '/oauth/v2/sign-in',
    { schema: { hide: true, operationId: 'oauthSignIn', querystring: signInQuery } },
    async (request, reply) => {
      const signedIn = await signIn(context, (request.query as { ticket?: unknown }).ticket);
      if (signedIn === undefined) return sendHtml(reply, 400, renderSignInPage(undefined));
      const secure = publicBase(request, context.config).startsWith('https:') ? '; Secure' : '';
      reply.header(
        'set-cookie',
        `${sessionCookie}=${signedIn.session}; Path=/oauth/v2; Max-Age=${signedIn.maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`,
      );
      return sendHtml(reply, 200, renderSignInPage(signedIn.name));
    },
  );

  registerWebSignInRoutes(app, context);
  registerAccountRoutes(app, context);

  // Zoho takes the token and revoke parameters as a multipart form too: parsed in their scope only.
  app.register(async (scope) => {
    acceptMultipartFields(scope);
    registerTokenRoutes(scope, context);
  });
}

/** POST /oauth/v2/token and /oauth/v2/token/revoke. */
function registerTokenRoutes(app: FastifyInstance, context: AppContext): void {
  app.post(
    '/oauth/v2/token',
    {
      preValidation: emptyBody,
      schema: {
        hide: true,
        operationId: 'oauthToken',
        querystring: tokenQuery,
        body: tokenBody,
        response: { 200: tokenResponse200, 400: tokenResponse400 },
      },
    },
    async (request, reply) => {
      reply.type(accountsJson).header('cache-control', 'no-store');
      try {
        return await exchangeToken(context, tokenParameters(request), publicBase(request, context.config));
      } catch (error) {
        if (!(error instanceof OAuthError)) throw error;
        if (error.status === 400) return reply.code(400).send(accessDeniedBody);
        return { error: error.error };
      }
    },
  );

  app.post(
    '/oauth/v2/token/revoke',
    {
      preValidation: emptyBody,
      schema: {
        hide: true,
        operationId: 'oauthRevoke',
        querystring: revokeQuery,
        body: revokeBody,
        response: { 200: revokeResponse200, 400: revokeResponse400 },
      },
    },
    async (request, reply) => {
      reply.type(accountsJson);
      const token = stringsOf(request.body).token ?? stringsOf(request.query).token;
      if (await revokeOAuthToken(context, token)) return { status: 'success' as const };
      return reply.code(400).send({ status: 'failure' as const, error: 'invalid_token' });
    },
  );
}
