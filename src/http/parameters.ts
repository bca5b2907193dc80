/**
 * Parameter declarations for the inputs the route handlers read and check themselves (input.ts): Fastify still sees
 * optional text, exactly as before, while the OpenAPI document shows each value's real type. The documentation
 * rides on the schema under a symbol, which neither Fastify's validator nor JSON serialisation sees.
 */
import { type TObject, type TOptional, type TSchema, type TString, type TUnknown, Type } from '@sinclair/typebox';
import { numericIdPattern } from '../ids.ts';
import { maxIdsPerList } from './input.ts';

const documentation = Symbol('lectern.documentation');

/** How the document shows one parameter the route reads from the query (and, unless queryOnly, the body). */
export interface ParameterDocumentation {
  /** The value's type. */
  schema: TSchema;
  /** Sent as JSON text: `content: application/json` in the query, a JSON-encoded form field. */
  json: boolean;
  /** A data object such as courseData: the JSON body may also be the object itself (bare). */
  dataObject: boolean;
  /** Read from the query only (the body holds something else). */
  queryOnly: boolean;
  /** The route refuses the call without it: it must come in the query or in the body. */
  required: boolean;
}

/** How the document shows a body the route parses itself: the multipart parts it takes besides the parameters. */
export interface BodyDocumentation {
  /** Binary parts by name, each required or not. */
  files: Record<string, boolean>;
  /** The body is required (an upload that must carry its file). */
  required: boolean;
}

interface ParameterOptions {
  description?: string;
  queryOnly?: boolean;
  required?: boolean;
}

function declare(
  shown: Omit<ParameterDocumentation, 'queryOnly' | 'required'>,
  options: ParameterOptions,
): TOptional<TString> {
  const text = Type.String(options.description === undefined ? {} : { description: options.description });
  const parameter = Type.Optional(text) as TOptional<TString> & { [documentation]?: ParameterDocumentation };
  parameter[documentation] = { ...shown, queryOnly: options.queryOnly ?? false, required: options.required ?? false };
  return parameter;
}

/** A parameter sent as text in the query or a form, or as a JSON value in a JSON body; shown as `schema`. */
export function textParameter(schema: TSchema, options: ParameterOptions = {}): TOptional<TString> {
  return declare({ schema, json: false, dataObject: false }, options);
}

/** A parameter holding JSON (a list such as erecnosList): JSON text in the query or a form, a JSON value in JSON. */
export function jsonParameter(schema: TSchema, options: ParameterOptions = {}): TOptional<TString> {
  return declare({ schema, json: true, dataObject: false }, options);
}

/**
 * A data object such as courseData, checked by the route against `schema` (the same object the route's reader
 * validates with): JSON in the query, a JSON form field, or the JSON body wrapping it or being it. Required unless
 * said otherwise.
 */
export function dataObjectParameter(schema: TObject, options: ParameterOptions = {}): TOptional<TString> {
  return declare({ schema, json: true, dataObject: true }, { required: true, ...options });
}

/**
 * A schema that its reader checks loosely (a date as any text, minutes as a number or `"100 Mins"`), shown in the
 * document as `shown`: what a client should send. Validation still uses the schema itself.
 */
export function documentedAs<T extends TSchema>(schema: T, shown: TSchema): T {
  return { ...schema, [documentation]: { shown } };
}

/** The schema a documentedAs declaration shows in its place. */
export function shownSchema(schema: unknown): TSchema | undefined {
  return (schema as { [documentation]?: { shown?: TSchema } } | undefined)?.[documentation]?.shown;
}

/** The documentation a parameter declaration carries, if it is one of the above. */
export function parameterDocumentation(schema: unknown): ParameterDocumentation | undefined {
  return (schema as { [documentation]?: ParameterDocumentation } | undefined)?.[documentation];
}

/** A body parsed by the route (multipart uploads): accepted unchecked by Fastify, documented with its file parts. */
export function uploadBody(description: string, files: Record<string, boolean>): TOptional<TUnknown> {
  const body = Type.Optional(Type.Unknown({ description })) as TOptional<TUnknown> & {
    [documentation]?: BodyDocumentation;
  };
  body[documentation] = { files, required: Object.values(files).some(Boolean) };
  return body;
}

/** The documentation an upload body carries. */
export function bodyDocumentation(schema: unknown): BodyDocumentation | undefined {
  return (schema as { [documentation]?: BodyDocumentation } | undefined)?.[documentation];
}

/** An id as the document shows it: digits without a leading zero (18 as Lectern makes them). */
export const IdText = Type.String({ pattern: numericIdPattern });

/** `startIndex` of every list: a 0-based offset, 25 records per page. */
export const startIndexParameter = textParameter(Type.Integer({ minimum: 0 }), {
  description: '0-based offset; 25 records per page',
});

/** `notifyApplicableUsers`: true or false (any case: Zoho's pages write True). */
export function notifyParameter(description: string, options: Omit<ParameterOptions, 'description'> = {}) {
  return textParameter(Type.Boolean(), { description, ...options });
}

/** `erecnosList`: a JSON array of erecnos (strings or numbers); a comma list of digits is accepted too. */
export function idListParameter(description: string, options: Omit<ParameterOptions, 'description'> = {}) {
  return jsonParameter(Type.Array(IdText, { minItems: 1, maxItems: maxIdsPerList }), {
    description: `${description} (a JSON array; a comma list of digits is accepted too)`,
    required: true,
    ...options,
  });
}

/** An id sent as a query or body parameter (learnerErecno, trainerId, ...). */
export function idParameter(description: string, options: Omit<ParameterOptions, 'description'> = {}) {
  return textParameter(IdText, { description, ...options });
}
