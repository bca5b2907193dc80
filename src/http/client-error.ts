/**
 * Requests Node refuses before Fastify sees them (headers or URL beyond Node's header size, malformed HTTP, a
 * request that took too long) are answered on the socket itself, in Zoho's error body, and the connection closed.
 */
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../errors.ts';

/** A request line longer than this, in a request whose head overflowed, makes the answer 414 rather than 431. */
const longRequestLine = 8 * 1024;

type ClientError = Error & { code?: string; rawPacket?: unknown };

/** Whether the bytes Node kept start a request whose first line alone is too long (the URL, not the headers). */
function requestLineTooLong(error: ClientError): boolean {
  const packet = error.rawPacket;
  if (!Buffer.isBuffer(packet) || !/^[A-Z]+ \S/.test(packet.subarray(0, 32).toString('latin1'))) return false;
  const lineEnd = packet.indexOf('\r\n');
  return lineEnd === -1 || lineEnd > longRequestLine;
}

/** The status and Zoho body for a client error Node raised. */
export function clientErrorAnswer(error: ClientError): { status: number; body: ReturnType<typeof errorBody> } {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, body: errorBody('408', 'Request Timeout: the request was not received in time') };
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    if (requestLineTooLong(error)) {
      const message = `URI Too Long: the URL overflows the ${maxHeaderSize} bytes a request's head may have; send long inputs in the body`;
      return { status: 414, body: errorBody('414', message, 'url') };
    }
    const message = `Request Header Fields Too Large: the URL and headers exceed ${maxHeaderSize} bytes`;
    return { status: 431, body: errorBody('431', message, 'headers') };
  }
  return {
    status: 400,
    body: errorBody('INVALID_INPUT', 'Invalid value for request: it is not a valid HTTP/1.1 request', 'request'),
  };
}

/** Fastify's `clientErrorHandler` option: answers on the socket, then closes it. */
export function answerClientError(this: FastifyInstance, error: ClientError, socket: Socket): void {
  // A reset or closed connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, body } = clientErrorAnswer(error);
  this.log.debug({ err: error, status }, 'client error answered on the socket');
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const text = JSON.stringify(body);
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(text)}`,
    'Connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${text}`, () => socket.destroy());
}
