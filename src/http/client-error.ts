/**
 * Answers for requests that never reach a route: Node's `clientError` (malformed request, headers too large, the
 * headers or an upload too slow) and the request deadline. Each is one Zoho-shaped error written straight to the
 * socket with `Connection: close`, after which the socket is ended, so that no client reuses a connection whose
 * parser state is lost.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** What a refused connection is told: status, Zoho's code (or the status as text) and a message. */
export interface ClientErrorAnswer {
  status: number;
  code: string;
  message: string;
}

/** A socket gets this long to flush its answer before it is destroyed anyway. */
const flushGraceMs = 1000;

/** A client error as Node reports it: llhttp's code (HPE_*) and reason, or ERR_HTTP_REQUEST_TIMEOUT. */
export type ClientError = Error & { code?: string; reason?: string };

/** The answer for one of Node's client errors. */
export function clientErrorAnswer(error: ClientError): ClientErrorAnswer {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        code: '408',
        message:
          'Request timeout: the headers did not arrive within LECTERN_HEADERS_TIMEOUT_MS, or the upload within ' +
          'LECTERN_UPLOAD_TIMEOUT_MS',
      };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, code: '431', message: 'Request header fields too large' };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, code: '413', message: 'Chunk extensions too large' };
    default:
      return {
        status: 400,
        code: 'INVALID_INPUT',
        message: `Malformed HTTP request: ${error.reason ?? error.message} (${error.code ?? 'unreadable'})`,
      };
  }
}

/** The raw HTTP/1.1 response for an answer: Zoho's error body, `Connection: close`. */
export function clientErrorResponse(answer: ClientErrorAnswer): string {
  const body = JSON.stringify({ code: answer.code, message: answer.message });
  return (
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'Error'}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
}

/** Whether a response has already begun on the socket (Node keeps the current one as `_httpMessage`). */
function responseBegun(socket: Socket): boolean {
  const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return current?.headersSent === true;
}

/**
 * Ends a connection with an answer: written only when no response has begun on it (a second status line would
 * corrupt the one under way), then the socket is ended and destroyed once the answer is flushed.
 */
export function refuseConnection(socket: Socket, answer: ClientErrorAnswer): void {
  if (socket.destroyed) return;
  if (socket.writableEnded) {
    // Already refused (Node reports every later byte of a broken request again): the end is under way.
    return;
  }
  const timer = setTimeout(() => socket.destroy(), flushGraceMs);
  timer.unref();
  const done = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  if (responseBegun(socket)) socket.end(done);
  else socket.end(clientErrorResponse(answer), done);
}

/** Fastify's `clientErrorHandler`: every client error gets its Zoho-shaped answer and a closed connection. */
export function handleClientError(this: FastifyInstance, error: ClientError, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET') return;
  this.log.debug({ err: error }, 'client error');
  refuseConnection(socket, clientErrorAnswer(error));
}
