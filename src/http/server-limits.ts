/**
 * How long the HTTP server waits on clients, and how it lets go of them on close. Node bounds the headers
 * (headersTimeout), a whole request (requestTimeout), a silent connection (Fastify's connectionTimeout) and an idle
 * keep-alive connection (keepAliveTimeout). Node's request bound is one number per server, so it is set to the
 * upload bound, and every other request carrying a body gets the shorter LECTERN_REQUEST_TIMEOUT_MS from a deadline
 * here; the File API releases that deadline for its multipart uploads.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { errorBody } from '../errors.ts';
import { handleClientError, refuseConnection } from './client-error.ts';

/** Fastify's server options for the configured time limits, clean close and client errors. */
export function serverOptions(config: Config) {
  const { headersMs, uploadMs, idleMs, keepAliveMs } = config.timeouts;
  return {
    connectionTimeout: idleMs,
    keepAliveTimeout: keepAliveMs,
    requestTimeout: uploadMs,
    http: {
      headersTimeout: headersMs,
      requestTimeout: uploadMs,
      // Node checks the headers and request bounds only this often (30 s by default), so a 10 s bound needs more.
      connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(headersMs / 4))),
    },
    // Idle keep-alive connections close at once; requests in flight finish (see registerServerLimits).
    forceCloseConnections: 'idle' as const,
    // Our own 503 (in registerServerLimits) answers requests that arrive while closing, in Zoho's body.
    return503OnClosing: false,
    clientErrorHandler: handleClientError,
  };
}

const deadlines = new WeakMap<IncomingMessage, NodeJS.Timeout>();

/** Lets a request take as long as Node's own bound (LECTERN_UPLOAD_TIMEOUT_MS): for uploads. */
export function releaseRequestDeadline(request: IncomingMessage): void {
  clearTimeout(deadlines.get(request));
  deadlines.delete(request);
}

function carriesBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The response a socket is writing now, if any (Node keeps it as `_httpMessage` until it finishes). */
function currentResponse(socket: Socket): ServerResponse | undefined {
  return (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage ?? undefined;
}

/**
 * Installs the request deadline, and the close that lets go of connections cleanly: responses under way when the
 * app closes carry `Connection: close` (so the client does not send another request into a closing server), and a
 * connection whose response had already begun is closed once that response is complete.
 */
export function registerServerLimits(app: FastifyInstance, config: Config): void {
  const { requestMs } = config.timeouts;
  const timeout = {
    status: 408,
    body: errorBody(
      '408',
      `Request timeout: the request did not arrive whole within ${requestMs} ms (LECTERN_REQUEST_TIMEOUT_MS)`,
    ),
  };
  // Before Fastify's own listener, so that a route's hook always finds the deadline to release.
  app.server.prependListener('request', (request: IncomingMessage) => {
    if (!carriesBody(request)) return;
    const timer = setTimeout(() => {
      if (!request.complete) refuseConnection(request.socket, timeout);
    }, requestMs);
    deadlines.set(request, timer);
    // 'close' comes once the body has arrived, or the connection is gone.
    request.once('close', () => clearTimeout(timer));
  });

  const sockets = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  let closing = false;
  app.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done();
    reply
      .code(503)
      .header('connection', 'close')
      .send(errorBody('503', 'Service Unavailable: the server is shutting down; retry on another instance or later'));
  });
  app.addHook('preClose', (done) => {
    closing = true;
    for (const socket of sockets) {
      const response = currentResponse(socket);
      if (response === undefined || response.writableFinished) continue;
      if (!response.headersSent) response.setHeader('connection', 'close');
      else response.once('finish', () => setImmediate(() => app.server.closeIdleConnections()));
    }
    done();
  });
}
