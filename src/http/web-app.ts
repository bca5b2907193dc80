/**
 * The web app (web/, built into web/dist) served at `/`: its assets, and its index.html for each of the app's routes,
 * so they load on a refresh. The API's paths keep their JSON 404s, and the security headers and
 * Content-Security-Policy go on the app's pages only (the API's headers stay as they were).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as Send from '@fastify/send';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { lazyRequire } from '../lazy-require.ts';

// Loaded on the first asset asked for: @fastify/static's plugin cost ~25 ms of every start, for one route.
const loadSend = lazyRequire<typeof Send.default>('@fastify/send');

/**
 * The app's routes (web/src/router.tsx), each answered with index.html so a reload works; a face's deeper pages sit
 * under its prefix. Nothing here overlaps the API's prefixes (/api, /lectern, /oauth, /people, /docs, /healthz,
 * /readyz, /metrics), which keep their JSON 404s.
 */
const appPages: readonly [url: string, operationId: string][] = [
  ['/', 'webApp'],
  ['/index.html', 'webAppIndex'],
  ['/sign-in', 'webAppSignIn'],
  ['/signed-in', 'webAppSignedIn'],
  ['/admin', 'webAppAdmin'],
  ['/admin/*', 'webAppAdminPages'],
  ['/trainer', 'webAppTrainer'],
  ['/trainer/*', 'webAppTrainerPages'],
  ['/learn', 'webAppLearn'],
  ['/learn/*', 'webAppLearnPages'],
];

/**
 * The app's policy: scripts and connections only from this origin, nothing framed, no plugins. Styles allow inline
 * ones because the component library sets its theme's CSS variables in a style element; scripts never do.
 */
const helmetOptions = {
  global: false,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' as const },
  // The same answer as frame-ancestors 'none', for browsers that read only the older header.
  frameguard: { action: 'deny' as const },
};

/** web/dist beside the running code: dist/ (the build) or src/http/ (tests on the sources). */
function findBuild(): string | undefined {
  for (const relative of ['../web/dist/', '../../web/dist/']) {
    const folder = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(`${folder}index.html`)) return folder;
  }
  return undefined;
}

const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lectern</title></head>
<body><h1>The web app is not built</h1><p>Run <code>npm run build</code>, then restart Lectern.</p></body></html>
`;

/** Registers the app's routes in a scope of their own, so helmet's hooks run for them only. */
export function registerWebApp(app: FastifyInstance): void {
  app.register(async (scope) => {
    // Loaded here, not at the top: the command line's other commands never pay for them.
    const { default: helmet } = await import('@fastify/helmet');
    const root = findBuild();
    // Read once: every app route answers the same small page.
    const index = root === undefined ? notBuilt : readFileSync(`${root}index.html`, 'utf8');
    await scope.register(helmet, helmetOptions);

    const sendIndex = async (reply: FastifyReply) => {
      await reply.helmet();
      return reply
        .code(root === undefined ? 503 : 200)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(index);
    };

    // The app's own paths, named one by one rather than caught all: a catch-all GET would also catch what the router
    // refuses before routing (an overlong path parameter's 414) and the API's unknown paths.
    for (const [url, operationId] of appPages) {
      scope.get(url, { schema: { hide: true, operationId } }, (_request, reply) => sendIndex(reply));
    }

    scope.get('/assets/*', { schema: { hide: true, operationId: 'webAppAsset' } }, async (request, reply) => {
      const name = (request.params as { '*': string })['*'];
      if (root === undefined || !/^[\w.-]+$/.test(name)) return reply.callNotFound();
      reply.header('x-content-type-options', 'nosniff');
      // Vite names assets by their content hash: a name never changes its bytes.
      const sent = await loadSend()(request.raw, `/assets/${name}`, { root, immutable: true, maxAge: '365d' });
      if (sent.type === 'error' && sent.statusCode === 404) return reply.callNotFound();
      return reply.code(sent.statusCode).headers(sent.headers).send(sent.stream);
    });
  });
}
