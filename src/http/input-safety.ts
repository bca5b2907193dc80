/**
 * Input that no engine stores alike is refused in one place, for every route: NUL characters (PostgreSQL refuses
 * them in text and answered 500, SQLite kept them) and lone surrogates (both engines would store U+FFFD instead of
 * what was sent), in path parameters, the query, form and JSON bodies, and JSON read from a parameter. Bodies in an
 * encoding Lectern does not decode are refused too, rather than read as garbage.
 */
import type { FastifyInstance } from 'fastify';
import { invalidInput, prefixOf, quote, unsupportedMediaType } from '../errors.ts';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a text, if anything. */
function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (loneSurrogate.test(text)) return 'must be well-formed Unicode (it holds a lone surrogate)';
  return undefined;
}

/** A bag of input values: a plain object, or a query object (whose prototype is itself a bare object). */
function isInputBag(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** A key as a path segment: long keys are cut, so that the parameter an error names stays short. */
function segment(key: string): string {
  return key.length > 64 ? `${prefixOf(key, 64)}...` : key;
}

function join(path: string, key: string): string {
  return path === '' ? segment(key) : `${path}.${segment(key)}`;
}

/** Deepest level inspected: JSON is refused beyond 64 levels before it is parsed, and the query is flat. */
const maxInspectedDepth = 70;

/**
 * Throws 400 INVALID_INPUT naming the first key or string value (under `path`) that holds a NUL or a lone surrogate.
 * Walks arrays and plain objects only, without recursion.
 */
export function refuseUnsafeText(value: unknown, path: string): void {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value, path, depth: 0 }];
  while (pending.length > 0) {
    const item = pending.pop()!;
    if (typeof item.value === 'string') {
      const problem = textProblem(item.value);
      if (problem !== undefined) throw invalidInput(item.path || 'body', problem);
    } else if (item.depth < maxInspectedDepth && (Array.isArray(item.value) || isInputBag(item.value))) {
      for (const [key, child] of Object.entries(item.value)) {
        const childPath = join(item.path, key);
        const problem = Array.isArray(item.value) ? undefined : textProblem(key);
        if (problem !== undefined) throw invalidInput(childPath, `the key ${problem}`);
        pending.push({ value: child, path: childPath, depth: item.depth + 1 });
      }
    }
  }
}

/** Whether a request carries a body (a length above 0, or chunks). */
function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}

/** Registers the checks: the body's encoding before it is read, the text of every input before validation. */
export function registerInputSafety(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && hasBody(request.headers) && !/^\s*(identity)?\s*$/i.test(encoding)) {
      throw unsupportedMediaType('Content-Encoding', `${quote(encoding)} is not supported; send the body uncompressed`);
    }
    return payload;
  });
  app.addHook('preValidation', async (request) => {
    refuseUnsafeText(request.params, '');
    refuseUnsafeText(request.query, '');
    refuseUnsafeText(request.body, '');
  });
}
