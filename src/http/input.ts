/** Reads Zoho-style inputs from wherever a client put them: query, form body or JSON body. */
import type { FastifyRequest } from 'fastify';
import { invalidInput, missingInput, quote } from '../errors.ts';
import { isNumericId } from '../ids.ts';
import { parseJsonLossless } from './json-body.ts';

type Bag = Record<string, unknown>;

function isPlainObject(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body when it is an object (JSON, or a form: see json-body.ts). */
function bodyOf(request: FastifyRequest): Bag | undefined {
  return isPlainObject(request.body) ? request.body : undefined;
}

/** A named parameter from the query string, else from the body (form or JSON). */
export function readParameter(request: FastifyRequest, name: string): unknown {
  const query = request.query as Bag | undefined;
  const fromQuery = query?.[name];
  if (fromQuery !== undefined) return fromQuery;
  return bodyOf(request)?.[name];
}

/**
 * A data object such as `courseData`: JSON in the query parameter, a form field of that name,
 * a JSON body wrapping it (`{"courseData":{...}}`) or a bare JSON body. Undefined when none was sent.
 */
export function readDataObject(request: FastifyRequest, name: string): Bag | undefined {
  const query = request.query as Bag | undefined;
  const candidates = [query?.[name]];
  const body = bodyOf(request);
  if (body !== undefined) {
    candidates.push(body[name]);
  }
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const value = typeof candidate === 'string' ? parseJsonLossless(candidate, name) : candidate;
    if (!isPlainObject(value)) throw invalidInput(name, 'must be a JSON object');
    return value;
  }
  // A bare body: the data object's keys at the top level, as the newer samples send.
  return body;
}

/** Like readDataObject, but the object is mandatory. */
export function requireDataObject(request: FastifyRequest, name: string): Bag {
  const data = readDataObject(request, name);
  if (data === undefined) throw missingInput(name);
  return data;
}

/**
 * Most ids one list may name. Each id becomes a bound SQL parameter (and a row insert several), so an unbounded list
 * overruns SQLite's 32766 variables and answers 500; 1000 keeps every statement well inside both engines' limits.
 */
export const maxIdsPerList = 1000;

/** A list of ids (`erecnosList`): a JSON array text or an array, of numbers or strings. */
export function readIdList(request: FastifyRequest, name: string, required = true): string[] {
  const raw = readParameter(request, name);
  if (raw === undefined || raw === '') {
    if (required) throw missingInput(name);
    return [];
  }
  let value: unknown = raw;
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    value = trimmed.startsWith('[') ? parseJsonLossless(trimmed, name) : trimmed.split(',');
  }
  if (!Array.isArray(value)) value = [value];
  const ids = (value as unknown[]).map((item) => (typeof item === 'number' ? String(item) : item));
  for (const id of ids) {
    if (typeof id !== 'string' || !isNumericId(id.trim())) {
      throw invalidInput(name, `every item must be a numeric id, got ${quote(id)}`);
    }
  }
  const unique = [...new Set((ids as string[]).map((id) => id.trim()))];
  if (required && unique.length === 0) throw invalidInput(name, 'must name at least one id');
  if (unique.length > maxIdsPerList) throw invalidInput(name, `names ${unique.length} ids; at most ${maxIdsPerList}`);
  return unique;
}

/** A boolean parameter written true/false in any case (Zoho's pages write `True`). */
export { parseBoolean } from '../booleans.ts';

/** `startIndex`: a non-negative integer offset, 0 by default. */
export function readStartIndex(request: FastifyRequest): number {
  const raw = readParameter(request, 'startIndex');
  if (raw === undefined || raw === '') return 0;
  const value = /^\s*\d+\s*$/.test(String(raw)) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw invalidInput('startIndex', `must be a non-negative integer, got ${quote(raw)}`);
  }
  return value;
}

/** A path id: digits only, or 400 naming the parameter. */
export function pathId(params: unknown, name: string): string {
  const value = (params as Bag)[name];
  if (typeof value !== 'string' || !isNumericId(value)) {
    throw invalidInput(name, `must be a numeric id, got ${quote(value)}`);
  }
  return value;
}

/** The course, and the batch of a blended course's paths (null in the course family), from the path. */
export function pathParentIds(params: unknown): { courseId: string; batchId: string | null } {
  const courseId = pathId(params, 'courseId');
  const hasBatch = (params as { batchId?: string }).batchId !== undefined;
  return { courseId, batchId: hasBatch ? pathId(params, 'batchId') : null };
}
