/**
 * The web app (web/, built into web/dist) served at `/`: its assets, and its index.html for every other GET path
 * outside the API's prefixes, so the app's own routes load on a refresh. The API's prefixes keep their JSON 404s, and
 * the security headers and Content-Security-Policy go on the app's pages only (the API's headers stay as they were).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Paths the app never answers: they belong to the API and keep its JSON 404. */
const apiPrefixes = ['/api', '/lectern', '/oauth', '/people', '/docs', '/healthz', '/readyz', '/metrics'];

/** True when the path belongs to the API (the prefix itself or anything under it). */
export function isApiPath(path: string): boolean {
  return apiPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

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
    const [{ default: fastifyStatic }, { default: helmet }] = await Promise.all([
      import('@fastify/static'),
      import('@fastify/helmet'),
    ]);
    const root = findBuild();
    // Read once: every app route answers the same small page.
    const index = root === undefined ? notBuilt : readFileSync(`${root}index.html`, 'utf8');
    await scope.register(helmet, helmetOptions);
    await scope.register(fastifyStatic, { root: root ?? process.cwd(), serve: false });

    const sendIndex = async (reply: FastifyReply) => {
      await reply.helmet();
      return reply
        .code(root === undefined ? 503 : 200)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(index);
    };

    scope.get('/', { schema: { hide: true, operationId: 'webApp' } }, (_request, reply) => sendIndex(reply));

    scope.get('/*', { schema: { hide: true, operationId: 'webAppPath' } }, async (request, reply) => {
      const path = request.url.split('?')[0]!;
      if (root === undefined || isApiPath(path)) return reply.callNotFound();
      if (path === '/index.html') return sendIndex(reply);
      const asset = /^\/assets\/[\w.-]+$/.test(path);
      // A path naming a file is the file or nothing; any other path is one of the app's routes.
      if (asset || /\.[a-z0-9]+$/i.test(path)) {
        reply.header('x-content-type-options', 'nosniff');
        // Vite names assets by their content hash: a name never changes its bytes.
        return reply.sendFile(path.slice(1), asset ? { immutable: true, maxAge: '365d' } : { maxAge: 0 });
      }
      return sendIndex(reply);
    });
  });
}
