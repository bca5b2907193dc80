/** Request-body parsing that keeps 18-digit ids exact and accepts every body form Zoho's samples send. */

import { parse as parseQueryString } from 'node:querystring';
import type { FastifyInstance } from 'fastify';
import { parse } from 'lossless-json';
import { invalidInput } from '../errors.ts';

/** Integers beyond Number's exact range stay strings (they are ids); every other number is a Number. */
function parseNumber(text: string): number | string {
  const value = Number(text);
  if (Number.isSafeInteger(value) || !/^-?\d+$/.test(text)) return value;
  return text;
}

/** Parses JSON without losing digits of large ids. */
export function parseJsonLossless(text: string, parameter = 'body'): unknown {
  try {
    return parse(text, undefined, parseNumber);
  } catch (error) {
    throw invalidInput(parameter, `not valid JSON (${(error as Error).message})`);
  }
}

/**
 * A form body, or JSON sent with a form content type (`curl -d '{...}'` without -H): that JSON is read before the
 * form decoder could turn its `+` into spaces or split it at `&`.
 */
function parseFormBody(text: string): unknown {
  if (/^\s*[{[]/.test(text)) return parseJsonLossless(text);
  return { ...parseQueryString(text) };
}

/** Registers parsers for JSON (lossless), plain text holding JSON, form bodies, and empty bodies. */
export function registerBodyParsers(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    try {
      const text = body as string;
      done(null, text.trim() === '' ? undefined : parseFormBody(text));
    } catch (error) {
      done(error as Error);
    }
  });
  app.removeContentTypeParser(['application/json', 'text/plain']);
  const parser = (_request: unknown, body: string, done: (error: Error | null, value?: unknown) => void) => {
    if (body.trim() === '') return done(null, undefined);
    try {
      done(null, parseJsonLossless(body));
    } catch (error) {
      done(error as Error);
    }
  };
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, parser);
}
