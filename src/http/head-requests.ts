/**
 * HEAD answers as GET without its body. Fastify would register a HEAD twin of every GET route (about 140), whose
 * registration was a seventh of start-up; instead a HEAD request is read as GET before Fastify routes it. Node decided
 * when it made the response that an answer to HEAD has no body, so the headers (Content-Length included) are GET's
 * and nothing more goes out. `app.inject` bypasses the server, so this holds on real sockets only.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** Fastify's option that this replaces: no HEAD twins. */
export const headRouteOptions = { exposeHeadRoutes: false } as const;

/** Makes the app's server answer HEAD as GET with no body. */
export function answerHeadAsGet(app: FastifyInstance): void {
  app.server.prependListener('request', (request: IncomingMessage) => {
    if (request.method === 'HEAD') request.method = 'GET';
  });
}
