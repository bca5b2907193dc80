/** The OpenAPI document's frame; the routes' own schemas fill it. */
import type { SwaggerOptions } from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';

/** Options for @fastify/swagger: OpenAPI 3, Zoho's token scheme. */
export const openApiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'Lectern',
      description:
        "An open learning-management server whose `/api/v1` API is wire-compatible with Zoho People's LMS API. " +
        "`/lectern/v1` is Lectern's own control plane.",
      version: '0.1.0',
    },
    components: {
      securitySchemes: {
        zohoOauthToken: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'Zoho-oauthtoken <token>',
        },
      },
    },
    security: [{ zohoOauthToken: [] }],
  },
  refResolver: {
    buildLocalReference: (json, _baseUri, _fragment, index) => (json.$id as string | undefined) ?? `def-${index}`,
  },
};

/** Serves the generated document at /openapi.json (the same one `lectern openapi` prints). */
export function registerOpenApiRoute(app: FastifyInstance): void {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
