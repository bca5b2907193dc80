/**
 * Every error that can reach a client becomes Zoho's error body with a 4xx naming the parameter, or a 500 with
 * nothing internal: LmsError, schema validation, Fastify's own errors (content type, body size, bad URL, unknown
 * route) and failures after a write committed. Errors Node answers before Fastify sees a request are in
 * client-error.ts.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, LmsError, quote, zohoStatusMessages } from '../errors.ts';
import { ErrorBody } from './envelope.ts';
import { failedAfterCommit, registerResponseSafety } from './response-safety.ts';

type Answer = { status: number; body: ReturnType<typeof errorBody> };

function answer(status: number, code: string, message: string, parameter?: string): Answer {
  return { status, body: errorBody(code, message, parameter) };
}

function invalid(status: number, parameter: string, problem: string): Answer {
  return answer(status, 'INVALID_INPUT', `Invalid value for ${parameter}: ${problem}`, parameter);
}

/** Fastify's own request errors, by code: what was wrong, in Zoho's words, with the header or part it concerns. */
const fastifyErrors: Record<string, (request: FastifyRequest) => Answer> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (request) =>
    invalid(
      415,
      'Content-Type',
      `${request.headers['content-type'] === undefined ? 'a body without a content type' : quote(request.headers['content-type'])} is not accepted here; send application/json or application/x-www-form-urlencoded (multipart/form-data to upload a file)`,
    ),
  FST_ERR_CTP_BODY_TOO_LARGE: (request) =>
    answer(
      413,
      '413',
      `Request body too large: this endpoint takes at most ${request.routeOptions.bodyLimit} bytes`,
      'body',
    ),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => invalid(400, 'Content-Length', "does not match the body's length"),
  FST_ERR_BAD_URL: () => invalid(400, 'url', 'the path is not valid percent-encoded UTF-8'),
  FST_ERR_MAX_PARAM_LENGTH: () => answer(414, '414', 'URI Too Long: a path parameter is longer than any id', 'url'),
  FST_ERR_NOT_FOUND: (request) => notFoundAnswer(request),
};

function notFoundAnswer(request: FastifyRequest): Answer {
  return answer(404, '404', `Not found: no endpoint ${request.method} ${request.url.split('?')[0]}`);
}

/** A schema validation error: the first failure, naming the parameter (an unknown field by its own name). */
function validationAnswer(error: FastifyError): Answer {
  const first = error.validation![0]!;
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const unknownField = (first.params as { additionalProperty?: string }).additionalProperty;
  if (first.keyword === 'additionalProperties' && unknownField !== undefined) {
    const parameter = path === '' ? unknownField : `${path}.${unknownField}`;
    return answer(400, 'INVALID_INPUT', `Invalid value for ${parameter}: not a field this operation takes`, parameter);
  }
  const parameter =
    path || ((first.params as { missingProperty?: string }).missingProperty ?? error.validationContext ?? 'input');
  const code = first.keyword === 'required' ? 'INPUT_PARAMETER_MISSING' : 'INVALID_INPUT';
  return answer(400, code, `Invalid value for ${parameter}: ${first.message ?? 'invalid'}`, parameter);
}

/** The answer to any error; 5xx answers say nothing internal. Framework codes (FST_..., ERR_...) never reach the body. */
export function answerFor(error: unknown, request: FastifyRequest): Answer {
  if (error instanceof LmsError) return answer(error.status, error.code, error.message, error.parameter);
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation && fastifyError.validation.length > 0) return validationAnswer(error as FastifyError);
  const known = fastifyError.code === undefined ? undefined : fastifyErrors[fastifyError.code];
  if (known !== undefined) return known(request);
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Another plugin's request error (multipart limits, an aborted upload): its sentence, without its code.
    const sentence = String(fastifyError.message ?? '').replace(/\b(FST|ERR)_[A-Z0-9_]+\b:?\s*/g, '');
    const label = zohoStatusMessages[status] ?? 'Invalid request';
    return answer(
      status,
      status === 400 ? 'INVALID_INPUT' : String(status),
      sentence ? `${label}: ${sentence}` : label,
    );
  }
  return answer(500, '500', zohoStatusMessages[500]!);
}

/**
 * A write whose handler succeeded (its transaction committed) but whose response failed: the client is told that the
 * change was saved, so that it does not send it again, and the failure is logged as the error it is.
 */
function answerCommitted(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  request.log.error({ err: error }, 'the response of a committed write failed; answered success without its body');
  const status = reply.statusCode >= 200 && reply.statusCode < 300 ? reply.statusCode : 200;
  return reply
    .status(status)
    .header(
      'X-Lectern-Warning',
      `the change was saved, but its response could not be written (request ${request.id}): fetch the record instead of sending the request again`,
    )
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ code: '200', message: 'success' }));
}

/** Sends an answer, logging server errors with the request id. */
function send(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body } = answerFor(error, request);
  if (status >= 500) request.log.error({ err: error }, 'unhandled error');
  return reply.status(status).send(body);
}

/** Fastify's `frameworkErrors` option: errors raised while routing (a bad URL, an overlong path parameter). */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  send(error, request, reply);
}

/** Maps every error to Zoho's body; nothing internal reaches the client. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.addSchema(ErrorBody);
  registerResponseSafety(app);
  app.setErrorHandler((error, request, reply) => {
    if (failedAfterCommit(request)) return answerCommitted(error, request, reply);
    return send(error, request, reply);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = notFoundAnswer(request);
    reply.status(status).send(body);
  });
}
