/**
 * Zoho People's forms API envelope, `{"response":{"result":…,"message":…,"uri":…,"status":0}}`, written as JSON text:
 * its `Zoho_ID` is an exact int64 JSON number, which no JavaScript number can hold, so these bodies never pass through
 * a JS number or fast-json-stringify.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The content type People answers with. */
export const peopleContentType = 'application/json;charset=UTF-8';

/** The `uri` People echoes: the request's path in its `/api/...` form, even when called as `/people/api/...`. */
export function peopleUri(request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? '';
  return path.startsWith('/people/') ? path.slice('/people'.length) : path;
}

// Inside a JSON string every quote is escaped, so `"Zoho_ID":"` can only be a real key followed by its string value.
const quotedIds = /"Zoho_ID":"([1-9][0-9]{0,19})"/g;

/** JSON text of a value whose `Zoho_ID` strings (decimal ids) are written as JSON numbers, digit for digit. */
export function jsonWithExactIds(value: unknown): string {
  return JSON.stringify(value).replace(quotedIds, '"Zoho_ID":$1');
}

/** The success envelope's text. */
export function peopleSuccessText(uri: string, result: unknown, message: string): string {
  return jsonWithExactIds({ response: { result, message, uri, status: 0 } });
}

/** The error envelope's text: a numeric code as a JSON number; a message about one field keyed by that field. */
export function peopleErrorText(uri: string, code: string, message: string, parameter?: string): string {
  const errors = {
    code: /^\d+$/.test(code) ? Number(code) : code,
    message: parameter === undefined ? message : { [parameter]: message },
  };
  return JSON.stringify({ response: { message: 'Error occurred', uri, errors, status: 1 } });
}

/** Sends prepared JSON text as it is (a string with a JSON content type skips Fastify's serializer). */
export function sendJsonText(reply: FastifyReply, status: number, text: string): FastifyReply {
  return reply.status(status).type(peopleContentType).send(text);
}
