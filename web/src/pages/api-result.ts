/**
 * The admin console's reading of API answers: a refusal becomes an ApiError that keeps the status, Zoho's code and the
 * parameter the API named, so a form can show the message at its field (the shared dataOf keeps the message only).
 */

/** A refused call: the HTTP status, Zoho's code, the API's message, the parameter it named (if any) and the body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
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
  const body = result.error as { code?: unknown; message?: unknown; parameter?: unknown } | undefined;
  throw new ApiError(
    result.response.status,
    String(body?.code ?? result.response.status),
    typeof body?.message === 'string' ? body.message : `HTTP ${result.response.status}`,
    typeof body?.parameter === 'string' ? body.parameter : undefined,
    result.error,
  );
}

/** The messages of a form's fields: field name to message. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * Where a refusal belongs: at the field it names (`prefix` is cut first, as in `employees.0.emailId` or
 * `batchData.endDate`; a nested name such as `mailSender.address` is kept whole), else the form's own message.
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
