/**
 * Multipart form bodies of Zoho Accounts' token and revoke endpoints, which Zoho accepts besides URL-encoded ones:
 * a few short text fields, so a small reader suffices (files are refused, the whole body is bounded).
 */
import type { FastifyInstance } from 'fastify';
import { LmsError } from '../../errors.ts';

/** A token request's body is a handful of short fields. */
const bodyLimit = 16 * 1024;

function refused(problem: string): LmsError {
  return new LmsError(400, 'INVALID_INPUT', `Invalid value for body: ${problem}`, 'body');
}

/** The text fields of a multipart/form-data body; a part with a file name, or a malformed body, is refused. */
export function parseMultipartFields(body: string, contentType: string): Record<string, string> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (boundary === null) throw refused('the multipart body names no boundary');
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const fields: Record<string, string> = {};
  for (const part of body.split(delimiter).slice(1)) {
    if (part.startsWith('--')) break;
    const split = part.indexOf('\r\n\r\n');
    if (split === -1) throw refused('a multipart part has no header');
    const headers = part.slice(0, split);
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) throw refused('a multipart part has no name');
    if (/\bfilename=/i.test(headers)) throw refused('files are not accepted here');
    fields[name] = part.slice(split + 4).replace(/\r\n$/, '');
  }
  return fields;
}

/** Lets the routes registered on `scope` read multipart form bodies of text fields. */
export function acceptMultipartFields(scope: FastifyInstance): void {
  scope.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    try {
      done(null, parseMultipartFields(body as string, String(request.headers['content-type'])));
    } catch (error) {
      done(error as Error);
    }
  });
}
