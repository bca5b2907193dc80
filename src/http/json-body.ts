/** Request-body parsing that keeps 18-digit ids exact and accepts every body form Zoho's samples send. */

import { parse as parseQueryString } from 'node:querystring';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse } from 'lossless-json';
import { invalidInput, quote, unsupportedMediaType } from '../errors.ts';
import { refuseUnsafeText } from './input-safety.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as it was sent (JSON, text or form), for the control room's journal; null without one. */
    sentBodyText: string | null;
  }
}

/** Deepest nesting of arrays and objects a JSON input may have: deeper texts are refused before they are parsed. */
export const maxJsonDepth = 64;

/** Integers beyond Number's exact range stay strings (they are ids); every other number is a Number. */
function parseNumber(text: string): number | string {
  const value = Number(text);
  if (Number.isSafeInteger(value) || !/^-?\d+$/.test(text)) return value;
  return text;
}

/**
 * Whether a JSON text nests deeper than maxJsonDepth, by counting brackets outside strings in one loop: the parser
 * and every validator after it recurse, and thousands of levels overflow the stack.
 */
function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index++; // a backslash escapes the next character, a quote included
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      if (++depth > maxJsonDepth) return true;
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
    }
  }
  return false;
}

/**
 * Parses JSON without losing digits of large ids, refusing texts nested too deep and strings no engine stores alike
 * (NUL, lone surrogates); errors name `parameter` and the path inside it (the body's paths start at its keys).
 */
export function parseJsonLossless(text: string, parameter = 'body'): unknown {
  if (nestsTooDeep(text)) {
    throw invalidInput(parameter, `arrays and objects nest deeper than ${maxJsonDepth} levels`);
  }
  let value: unknown;
  try {
    value = parse(text, undefined, parseNumber);
  } catch (error) {
    throw invalidInput(parameter, `not valid JSON (${(error as Error).message})`);
  }
  refuseUnsafeText(value, parameter === 'body' ? '' : parameter);
  return value;
}

/**
 * A form body, or JSON sent with a form content type (`curl -d '{...}'` without -H): that JSON is read before the
 * form decoder could turn its `+` into spaces or split it at `&`.
 */
function parseFormBody(text: string): unknown {
  if (/^\s*[{[]/.test(text)) return parseJsonLossless(text);
  return { ...parseQueryString(text) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as text: UTF-8 only, since a body in another charset would be read as the wrong characters, and a body
 * that is not valid UTF-8 would be stored with U+FFFD in place of what was sent.
 */
function bodyText(request: FastifyRequest, body: Buffer): string {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(request.headers['content-type'] ?? '')?.[1];
  if (charset !== undefined && !/^(utf-?8|us-ascii)$/i.test(charset)) {
    throw unsupportedMediaType('Content-Type', `charset ${quote(charset)} is not supported; send UTF-8`);
  }
  try {
    return utf8.decode(body);
  } catch {
    throw invalidInput('body', 'not valid UTF-8');
  }
}

/** Registers parsers for JSON (lossless), plain text holding JSON, form bodies, and empty bodies. */
export function registerBodyParsers(app: FastifyInstance): void {
  app.decorateRequest('sentBodyText', null);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      const text = bodyText(request, body as Buffer);
      request.sentBodyText = text;
      done(null, text.trim() === '' ? undefined : parseFormBody(text));
    } catch (error) {
      done(error as Error);
    }
  });
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'buffer' }, (request, body, done) => {
    try {
      const text = bodyText(request, body as Buffer);
      request.sentBodyText = text;
      done(null, text.trim() === '' ? undefined : parseJsonLossless(text));
    } catch (error) {
      done(error as Error);
    }
  });
}
