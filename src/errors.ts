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
