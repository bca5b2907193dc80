/**
 * The accounts pages of organisation portals, under /oauth/v2/accounts: sign in with e-mail and password, forgot
 * password, set a password from a link, sign out. Registered in a scope of their own with @fastify/cookie and
 * @fastify/csrf-protection (every form post needs the token its page carried); they answer HTML, stay out of the
 * OpenAPI document, and their errors are pages too.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { LmsError } from '../../errors.ts';
import { answerFor } from '../../http/error-handler.ts';
import { publicBase } from '../../http/public-base.ts';
import {
  forgotFormBody,
  passwordFormBody,
  passwordPageQuery,
  signInFormBody,
  signInPageQuery,
} from './account.schemas.ts';
import { endSession, isPasswordPortal, type StartedSession, signInWithPassword } from './account.service.ts';
import {
  renderForgotPage,
  renderMessagePage,
  renderPasswordPage,
  renderSignInPage,
  type SignInTarget,
} from './account-pages.ts';
import { checkPasswordLink, requestPasswordReset, setPasswordWithLink } from './password-link.service.ts';

/** The accounts session's cookie: sent back to the /oauth/v2 pages only. */
export const sessionCookie = 'lectern_oauth_session';
const sessionPath = '/oauth/v2';
const accountsPath = '/oauth/v2/accounts';
const consentPath = '/oauth/v2/auth';
/** One message for every refused sign-in, so that the page tells nobody which addresses have accounts. */
export const signInRefusal =
  'The e-mail address or password is not right, or the account is locked for a while after too many tries.';

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    )
    .send(html);
}

function isHttps(request: FastifyRequest, context: AppContext): boolean {
  return publicBase(request, context.config).startsWith('https:');
}

/** Sets the session cookie: httpOnly, SameSite=Lax (the consent page is reached by a top-level redirect), Secure on https. */
export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  context: AppContext,
  started: Pick<StartedSession, 'session' | 'maxAgeSeconds'>,
): void {
  reply.setCookie(sessionCookie, started.session, {
    path: sessionPath,
    maxAge: started.maxAgeSeconds,
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request, context),
  });
}

/** A return address is only ever one of this server's consent pages; anything else is dropped. */
function safeReturn(value: string | undefined): string {
  return value?.startsWith(`${consentPath}?`) && !/[\\\r\n]/.test(value) ? value : '';
}

function targetOf(source: { portalId: string; return?: string }): SignInTarget {
  return { portalId: source.portalId, returnTo: safeReturn(source.return) };
}

const notHere = renderMessagePage(
  'No password sign-in',
  'This portal does not sign in with passwords (a demo portal picks a person on the consent page).',
);

/** Registers the accounts pages in a scope of their own. */
export function registerAccountRoutes(app: FastifyInstance, context: AppContext): void {
  app.register(async (scope) => {
    await scope.register(fastifyCookie);
    await scope.register(fastifyCsrf, {
      cookieKey: 'lectern_csrf',
      cookieOpts: { path: accountsPath, httpOnly: true, sameSite: 'strict', secure: 'auto' },
    });
    // Errors (a bad field, a missing CSRF token) are pages here, with the same status and words as the API's.
    scope.setErrorHandler((error, request, reply) => {
      const { status, body } = answerFor(error, request);
      if (status >= 500) request.log.error({ err: error }, 'unhandled error');
      const title = status === 403 ? 'Form expired' : 'Something is not right';
      const message =
        status === 403
          ? 'This form has expired or was not sent from its page. Go back, reload and try again.'
          : body.message;
      return sendHtml(reply, status, renderMessagePage(title, message));
    });
    const csrfChecked = { preHandler: scope.csrfProtection };
    registerSignIn(scope, context, csrfChecked);
    registerPasswordPages(scope, context, csrfChecked);
  });
}

type CsrfChecked = { preHandler: FastifyInstance['csrfProtection'] };

function registerSignIn(app: FastifyInstance, context: AppContext, csrfChecked: CsrfChecked): void {
  app.get(
    `${accountsPath}/sign-in`,
    { schema: { hide: true, operationId: 'accountsSignInPage', querystring: signInPageQuery } },
    async (request, reply) => {
      const target = targetOf(request.query as { portalId: string; return?: string });
      if (!(await isPasswordPortal(context, target.portalId))) return sendHtml(reply, 404, notHere);
      return sendHtml(reply, 200, renderSignInPage(target, reply.generateCsrf()));
    },
  );

  app.post(
    `${accountsPath}/sign-in`,
    { ...csrfChecked, schema: { hide: true, operationId: 'accountsSignIn', body: signInFormBody } },
    async (request, reply) => {
      const form = request.body as { portalId: string; return?: string; email: string; password: string };
      const target = targetOf(form);
      const started = await signInWithPassword(context, target.portalId, form.email, form.password);
      if (started === undefined) {
        return sendHtml(reply, 401, renderSignInPage(target, reply.generateCsrf(), signInRefusal, form.email));
      }
      setSessionCookie(reply, request, context, started);
      if (target.returnTo !== '') return reply.header('cache-control', 'no-store').redirect(target.returnTo, 303);
      return sendHtml(reply, 200, renderMessagePage('Signed in', 'Go back to the application and continue there.'));
    },
  );

  // The web app's sign-out: no token needed (the SameSite cookie is not sent from another site, and the worst a
  // forged one could do is sign someone out).
  app.post(
    `${accountsPath}/sign-out`,
    { schema: { hide: true, operationId: 'accountsSignOut' } },
    async (request, reply) => {
      await endSession(context, request.cookies[sessionCookie]);
      reply.clearCookie(sessionCookie, {
        path: sessionPath,
        httpOnly: true,
        sameSite: 'lax',
        secure: isHttps(request, context),
      });
      return reply.code(204).header('cache-control', 'no-store').send();
    },
  );

  app.get(
    `${accountsPath}/forgot`,
    { schema: { hide: true, operationId: 'accountsForgotPage', querystring: signInPageQuery } },
    async (request, reply) => {
      const target = targetOf(request.query as { portalId: string; return?: string });
      if (!(await isPasswordPortal(context, target.portalId))) return sendHtml(reply, 404, notHere);
      return sendHtml(reply, 200, renderForgotPage(target, reply.generateCsrf(), false));
    },
  );

  app.post(
    `${accountsPath}/forgot`,
    { ...csrfChecked, schema: { hide: true, operationId: 'accountsForgot', body: forgotFormBody } },
    async (request, reply) => {
      const form = request.body as { portalId: string; return?: string; email: string };
      await requestPasswordReset(context, form.portalId, form.email, publicBase(request, context.config));
      return sendHtml(reply, 200, renderForgotPage(targetOf(form), '', true));
    },
  );
}

const spentLink = renderMessagePage(
  'Link no longer works',
  'This link was already used or has expired. Ask for a new one ("Forgot password?" on the sign-in page).',
);

function registerPasswordPages(app: FastifyInstance, context: AppContext, csrfChecked: CsrfChecked): void {
  app.get(
    `${accountsPath}/password`,
    { schema: { hide: true, operationId: 'accountsPasswordPage', querystring: passwordPageQuery } },
    async (request, reply) => {
      const { token } = request.query as { token: string };
      const link = await checkPasswordLink(context, token);
      if (link === undefined) return sendHtml(reply, 400, spentLink);
      return sendHtml(reply, 200, renderPasswordPage({ token, ...link }, reply.generateCsrf()));
    },
  );

  app.post(
    `${accountsPath}/password`,
    { ...csrfChecked, schema: { hide: true, operationId: 'accountsSetPassword', body: passwordFormBody } },
    async (request, reply) => {
      const form = request.body as { token: string; password: string; confirm: string };
      const again = async (message: string) => {
        const link = await checkPasswordLink(context, form.token);
        if (link === undefined) return sendHtml(reply, 400, spentLink);
        return sendHtml(reply, 400, renderPasswordPage({ token: form.token, ...link }, reply.generateCsrf(), message));
      };
      if (form.password !== form.confirm) return again('Invalid value for confirm: the two passwords differ');
      let set: { name: string } | undefined;
      try {
        set = await setPasswordWithLink(context, form.token, form.password, request.cookies[sessionCookie]);
      } catch (error) {
        if (error instanceof LmsError && error.status === 400) return again(error.message);
        throw error;
      }
      if (set === undefined) return sendHtml(reply, 400, spentLink);
      return sendHtml(
        reply,
        200,
        renderMessagePage('Password set', `The password of ${set.name} is set. Sign in with it.`, {
          href: '/',
          text: 'Go to Lectern',
        }),
      );
    },
  );
}
