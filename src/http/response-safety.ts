/**
 * The response phase of a request must not fail once its write has committed: a client that gets an error there
 * retries, and the retry writes twice. Headers are made writable before Node checks them, and a failure after a
 * successful handler is told apart from a failed write.
 */
import { validateHeaderValue } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { prefixOf } from '../errors.ts';

/** Longest value of a header Lectern writes from input (X-Lectern-Warning names the keys it ignored). */
export const maxHeaderLength = 1024;

/** Headers whose text comes from the client's input: always written in printable ASCII and bounded. */
const echoingHeaders = new Set(['x-lectern-warning']);

/**
 * A header value in printable ASCII: other characters become `\uXXXX` (and `\` becomes `\\`, so that the escapes
 * read back unambiguously), and the text is cut to maxHeaderLength.
 */
export function asciiHeaderValue(text: string): string {
  let escaped = '';
  for (let index = 0; index < text.length && escaped.length <= maxHeaderLength; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x5c) escaped += '\\\\';
    else if (code >= 0x20 && code <= 0x7e) escaped += text[index];
    else escaped += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return escaped.length <= maxHeaderLength ? escaped : `${prefixOf(escaped, maxHeaderLength - 3)}...`;
}

/** Whether Node would write this header value (it throws ERR_INVALID_CHAR otherwise, after the write committed). */
function isWritable(name: string, value: string): boolean {
  try {
    validateHeaderValue(name, value);
    return true;
  } catch {
    return false;
  }
}

function safeValue(name: string, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => safeValue(name, item));
  if (typeof value !== 'string') return value;
  return echoingHeaders.has(name) || !isWritable(name, value) ? asciiHeaderValue(value) : value;
}

/** Requests whose handler succeeded and whose response is on its way: a failure now follows a committed write. */
const answered = new WeakSet<FastifyRequest>();

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether an error came after a write's handler succeeded (so the change is saved). */
export function failedAfterCommit(request: FastifyRequest): boolean {
  return answered.has(request) && writeMethods.has(request.method);
}

function markAnswered(request: FastifyRequest, reply: FastifyReply): void {
  if (reply.statusCode < 400) answered.add(request);
}

/** Registers the header check (the last thing before Node writes the head) and the success marker. */
export function registerResponseSafety(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, reply, payload) => {
    markAnswered(request, reply);
    return payload;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    markAnswered(request, reply);
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      const safe = safeValue(name, value);
      if (safe !== value) reply.header(name, safe as string | string[]);
    }
    return payload;
  });
}
