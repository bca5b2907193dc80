/**
 * Answers for requests that never reach a route: Node's `clientError` (malformed request, URL or headers beyond
 * Node's header size, the headers or an upload too slow) and the request deadline. Each is one Zoho-shaped error
 * written straight to the socket with `Connection: close`, after which the socket is ended, so that no client
 * reuses a connection whose parser state is lost.
 */
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../errors.ts';

/** What a refused connection is told: the status and Zoho's error body. */
export interface ClientErrorAnswer {
  status: number;
  body: ReturnType<typeof errorBody>;
}

/** A client error as Node reports it: llhttp's code (HPE_*) and the bytes it kept, or ERR_HTTP_REQUEST_TIMEOUT. */
export type ClientError = Error & { code?: string; reason?: string; rawPacket?: unknown };

/** A socket gets this long to flush its answer before it is destroyed anyway. */
const flushGraceMs = 1000;
/** A request line longer than this, in a request whose head overflowed, makes the answer 414 rather than 431. */
const longRequestLine = 8 * 1024;

/** Whether the bytes Node kept start a request whose first line alone is too long (the URL, not the headers). */
function requestLineTooLong(error: ClientError): boolean {
  const packet = error.rawPacket;
  if (!Buffer.isBuffer(packet) || !/^[A-Z]+ \S/.test(packet.subarray(0, 32).toString('latin1'))) return false;
  const lineEnd = packet.indexOf('\r\n');
  return lineEnd === -1 || lineEnd > longRequestLine;
}

/** The answer for one of Node's client errors; Node's own codes stay in the log, not in the body. */
export function clientErrorAnswer(error: ClientError): ClientErrorAnswer {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT': {
      const message =
        'Request Timeout: the headers did not arrive within LECTERN_HEADERS_TIMEOUT_MS, or the upload within ' +
        'LECTERN_UPLOAD_TIMEOUT_MS';
      return { status: 408, body: errorBody('408', message) };
    }
    case 'HPE_HEADER_OVERFLOW': {
      if (requestLineTooLong(error)) {
        const message = `URI Too Long: the URL overflows the ${maxHeaderSize} bytes a request's head may have; send long inputs in the body`;
        return { status: 414, body: errorBody('414', message, 'url') };
      }
      const message = `Request Header Fields Too Large: the URL and headers exceed ${maxHeaderSize} bytes`;
      return { status: 431, body: errorBody('431', message, 'headers') };
    }
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, body: errorBody('413', 'Payload Too Large: chunk extensions too large', 'body') };
    default:
      return {
        status: 400,
        body: errorBody('INVALID_INPUT', 'Invalid value for request: it is not a valid HTTP/1.1 request', 'request'),
      };
  }
}

/** The raw HTTP/1.1 response for an answer: Zoho's error body, `Connection: close`. */
export function clientErrorResponse(answer: ClientErrorAnswer): string {
  const body = JSON.stringify(answer.body);
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
  // Already refused (Node reports every later byte of a broken request again), or nobody left to answer.
  if (socket.destroyed || socket.writableEnded) return;
  const timer = setTimeout(() => socket.destroy(), flushGraceMs);
  timer.unref();
  const done = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  if (responseBegun(socket) || !socket.writable) socket.end(done);
  else socket.end(clientErrorResponse(answer), done);
}

/** Fastify's `clientErrorHandler`: every client error gets its Zoho-shaped answer and a closed connection. */
export function handleClientError(this: FastifyInstance, error: ClientError, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET') return;
  const answer = clientErrorAnswer(error);
  this.log.debug({ err: error, status: answer.status }, 'client error answered on the socket');
  refuseConnection(socket, answer);
}
