/** Request-body parsing that keeps 18-digit ids exact and accepts every body form Zoho's samples send. */
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

/** Registers parsers for JSON (lossless), plain text holding JSON, and empty bodies. */
export function registerBodyParsers(app: FastifyInstance): void {
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
