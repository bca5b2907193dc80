/**
 * The admin console's reading of API answers: a refusal becomes an ApiError that keeps the status and the parameter
 * the API named, so a form can show the message at its field (the shared dataOf keeps the message only).
 */

/** A refused call: the HTTP status, the API's message and the parameter it named, if any. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameter: string | undefined,
    readonly body: unknown,
  ) {
    super(message);
  }
}

/** The answer's data, or an ApiError carrying what the API said. */
export function resultOf<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  const body = result.error as { message?: unknown; parameter?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : `HTTP ${result.response.status}`;
  const parameter = typeof body?.parameter === 'string' ? body.parameter : undefined;
  throw new ApiError(result.response.status, message, parameter, result.error);
}

/** The messages of a form's fields: field name to message. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * Where a refusal belongs: at the field it names (`prefix` is cut first, as in `employees.0.emailId`; a nested name
 * such as `mailSender.address` is kept whole), else the form's own message.
 */
export function placeError(
  error: unknown,
  fields: readonly string[],
  prefix = '',
): { fields: FieldErrors; form?: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.parameter !== undefined) {
    const name = error.parameter.startsWith(prefix) ? error.parameter.slice(prefix.length) : error.parameter;
    const field = fields.find((candidate) => name === candidate || name.startsWith(`${candidate}.`));
    if (field !== undefined) return { fields: { [field]: message } };
  }
  return { fields: {}, form: message };
}
