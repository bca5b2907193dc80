/** Domain errors: services throw these; only the HTTP error handler turns them into responses. */

/** Zoho's per-status descriptions, printed on every LMS page. */
export const zohoStatusMessages: Record<number, string> = {
  400: 'Invalid parameter value/input parameter missing',
  401: 'Invalid OAuth token',
  403: 'Sorry! You are not authorized to do this operation',
  404: 'Not found',
  409: 'Conflict',
  422: 'Maximum limit exceeded',
  429: 'API access blocked since threshold limit exceeded. Please try after some time',
  500: 'Sorry! Server error occured',
};

/** An error with Zoho's named code (or the HTTP status as text where Zoho names none). */
export class LmsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

/** 400 INVALID_INPUT naming the parameter and what was wrong with it. */
export function invalidInput(parameter: string, problem: string): LmsError {
  return new LmsError(400, 'INVALID_INPUT', `Invalid value for ${parameter}: ${problem}`, parameter);
}

/** 400 INPUT_PARAMETER_MISSING for a mandatory parameter that was not sent. */
export function missingInput(parameter: string): LmsError {
  return new LmsError(400, 'INPUT_PARAMETER_MISSING', `Input parameter missing: ${parameter} is mandatory`, parameter);
}

/** 415 for a body Lectern cannot read (its content type, charset or encoding), naming the header. */
export function unsupportedMediaType(header: string, problem: string): LmsError {
  return new LmsError(415, 'INVALID_INPUT', `Invalid value for ${header}: ${problem}`, header);
}

/** 404 for an id that does not exist in the caller's portal. */
export function notFound(what: string, id: string): LmsError {
  return new LmsError(404, '404', `Not found: no ${what} with id ${id}`);
}

/** 403 with Zoho's wording, and the reason after it. */
export function forbidden(reason?: string): LmsError {
  const base = zohoStatusMessages[403]!;
  return new LmsError(403, '403', reason ? `${base}: ${reason}` : base);
}

/** 400 with one of Zoho's named state errors (UNABLE_TO_..., UNSUPPORTED_OPERATION_...). */
export function stateError(code: string, message: string): LmsError {
  return new LmsError(400, code, message);
}

/** Most characters of a rejected value an error message quotes: a 900 KB value is not echoed back. */
export const quotedValueLimit = 64;

/** The first `length` characters of a text, one fewer rather than half of a surrogate pair. */
export function prefixOf(text: string, length: number): string {
  if (text.length <= length) return text;
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/** A rejected value as an error message quotes it: JSON text of at most a short prefix, then `...`. */
export function quote(value: unknown): string {
  if (typeof value === 'string') {
    if (value.length <= quotedValueLimit) return JSON.stringify(value);
    return `${JSON.stringify(prefixOf(value, quotedValueLimit)).slice(0, -1)}..."`;
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= quotedValueLimit ? text : `${prefixOf(text, quotedValueLimit)}...`;
}

/** Longest message and parameter an error body carries. */
const messageLimit = 400;
const parameterLimit = 200;

/** A JSON string literal inside a message (as `quote` or JSON.stringify writes one). */
const quotedLiteral = /"(?:[^"\\]|\\.)*"/g;

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${prefixOf(text, limit)}...`;
}

/**
 * The body of every error answer, bounded: values quoted in a message are cut to `quote`'s length, and the whole
 * message and parameter to a few hundred characters, whoever built them.
 */
export function errorBody(code: string, message: string, parameter?: string) {
  // The cap before the scan keeps a message built around a megabyte-long value cheap to shorten.
  const shortened = prefixOf(message, 100_000).replace(quotedLiteral, (literal) =>
    literal.length <= quotedValueLimit + 2 ? literal : `${prefixOf(literal, quotedValueLimit + 1)}..."`,
  );
  const body = { code, message: cut(shortened, messageLimit) };
  return parameter === undefined ? body : { ...body, parameter: cut(parameter, parameterLimit) };
}
