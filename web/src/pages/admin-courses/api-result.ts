/** The API's answers for the course pages: the data, or an error that keeps Zoho's code and parameter. */

/** A refused API call: HTTP status, Zoho's code (e.g. NO_MANDATORY_FILES_OR_LINK_FOUND_TO_PUBLISH) and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

/** The data of a successful call; throws ApiError otherwise (the pages show its message). */
export function resultOf<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  const body = (result.error ?? {}) as { code?: unknown; message?: unknown; parameter?: unknown };
  throw new ApiError(
    result.response.status,
    String(body.code ?? result.response.status),
    typeof body.message === 'string' ? body.message : `HTTP ${result.response.status}`,
    typeof body.parameter === 'string' ? body.parameter : undefined,
  );
}

/** What to tell the admin when publishing was refused: the rule in plain words and what to do. */
export function publishAdvice(error: unknown, where: 'course' | 'batch'): { title: string; advice: string } {
  const code = error instanceof ApiError ? error.code : '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'NO_MANDATORY_FILES_OR_LINK_FOUND_TO_PUBLISH') {
    return {
      title: `This ${where} has nothing mandatory to learn yet`,
      advice:
        `A ${where} can only be published once one of its modules holds at least one mandatory file, link or ` +
        `e-material. Add at least one file or link (marked mandatory) to a module of this ${where}, then publish again.`,
    };
  }
  if (code === 'NO_SESSION_FOUND_TO_PUBLISH') {
    return {
      title: 'This batch has no session yet',
      advice: 'A batch can only be published once it has a session. Schedule at least one session, then publish again.',
    };
  }
  if (code.startsWith('UNSUPPORTED_OPERATION_BL_COURSE')) {
    return {
      title: 'Blended courses are published batch by batch',
      advice: 'Open a batch of this course and publish it there.',
    };
  }
  return { title: `The ${where} could not be published`, advice: message };
}
