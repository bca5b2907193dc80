/**
 * The one decoder of Zoho's data objects (`courseData`, `batchData`, `sessionData`, ...): found in the query, a form
 * field, a wrapped or a bare JSON body (input.ts), checked against the route's schema (validate.ts), with the keys
 * it ignored named for X-Lectern-Warning.
 */
import type { TObject } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireDataObject } from './input.ts';
import { validateData } from './validate.ts';

/** How one route reads its data object. */
export interface DataObjectOptions {
  /** Keys the route itself reads from the object (the id of PATCH /courses), so not reported as ignored. */
  usedKeys?: readonly string[];
  /** The parameter to read, when a route accepts another spelling of it; messages keep the documented name. */
  readAs?: string;
  /** Rewrites the raw object before it is checked (key aliases, ids sent as JSON numbers). */
  prepare?: (data: Record<string, unknown>) => Record<string, unknown>;
}

/** A checked data object and the warning naming the keys it ignored (null when none were). */
export interface DecodedDataObject<T> {
  value: T;
  warning: string | null;
}

/** Reads and checks the data object `name`; 400 when it is missing or invalid, naming the first bad parameter. */
export function decodeDataObject<T>(
  request: FastifyRequest,
  name: string,
  schema: TObject,
  options: DataObjectOptions = {},
): DecodedDataObject<T> {
  const raw = requireDataObject(request, options.readAs ?? name);
  const data = options.prepare === undefined ? raw : options.prepare(raw);
  const { value, unknownKeys } = validateData<T>(schema, data, name);
  const ignored = unknownKeys.filter((key) => !(options.usedKeys ?? []).includes(key));
  return { value, warning: ignored.length > 0 ? `unknown keys ignored in ${name}: ${ignored.join(', ')}` : null };
}

/** decodeDataObject, with the ignored keys named in the X-Lectern-Warning header. */
export function readDataObjectInput<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  schema: TObject,
  options: DataObjectOptions = {},
): T {
  const { value, warning } = decodeDataObject<T>(request, name, schema, options);
  if (warning !== null) reply.header('X-Lectern-Warning', warning);
  return value;
}
