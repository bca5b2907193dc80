/**
 * The OpenAPI document and the /docs page, made on first use. @fastify/swagger and its UI were a quarter of
 * start-up; now the app only notes each route as it is added, and the first request for the document builds a
 * private Fastify instance holding the same route declarations, with the swagger plugins, and asks it.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import { lazyCompilersFactory } from './lazy-compilers.ts';
import { openApiOptions } from './openapi.ts';

// Hop-by-hop headers, and the length, which Fastify sets again.
const unforwarded = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length']);

/** Makes the docs instance from the routes the app declared and its shared schemas; it never listens. */
async function buildDocsInstance(app: FastifyInstance, routes: readonly RouteOptions[]): Promise<FastifyInstance> {
  const [{ default: swagger }, { default: swaggerUi }] = await Promise.all([
    import('@fastify/swagger'),
    import('@fastify/swagger-ui'),
  ]);
  const docs = Fastify({ pluginTimeout: 0, schemaController: { compilersFactory: lazyCompilersFactory } });
  for (const schema of Object.values(app.getSchemas())) docs.addSchema(schema);
  await docs.register(swagger, openApiOptions);
  await docs.register(swaggerUi, { routePrefix: '/docs' });
  // The handlers never run: the instance only answers the document and the UI's own files.
  const handler = async () => null;
  for (const route of routes) {
    docs.route({ method: route.method, url: route.url, schema: route.schema, config: route.config, handler });
  }
  await docs.ready();
  return docs;
}

/** The generated document and the UI, for the routes and the CLI that need them. */
export interface Docs {
  /** The OpenAPI document (the one `lectern openapi` prints). */
  document(): Promise<object>;
}

/**
 * Notes every route the app adds (register this before any route), and serves /openapi.json, /docs and its files
 * through the docs instance, built on the first such request.
 */
export function registerDocs(app: FastifyInstance): Docs {
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    // HEAD twins are made again by the docs instance, as by the app; hidden routes (these below) stay out.
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true;
    if (route.method !== 'HEAD' && !hidden) routes.push(route);
  });
  let instance: Promise<FastifyInstance> | undefined;
  const docsInstance = () => {
    instance ??= buildDocsInstance(app, routes);
    return instance;
  };
  app.addHook('onClose', async () => {
    if (instance !== undefined) await (await instance).close();
  });

  const document = async () => (await docsInstance()).swagger();
  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    const answer = await (await docsInstance()).inject({
      method: request.method as 'GET' | 'HEAD',
      url: request.url,
      headers: { accept: request.headers.accept ?? '*/*' },
    });
    for (const [name, value] of Object.entries(answer.headers)) {
      if (!unforwarded.has(name) && value !== undefined) reply.header(name, value);
    }
    return reply.status(answer.statusCode).send(answer.rawPayload);
  };

  const hidden = { schema: { hide: true } };
  app.get('/openapi.json', hidden, document);
  app.get('/docs', hidden, forward);
  app.get('/docs/*', hidden, forward);
  return { document };
}
