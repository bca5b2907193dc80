/** Zoho's response envelopes: success bodies, list bodies and error bodies, with their schemas. */
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance } from 'fastify';
import { LmsError, zohoStatusMessages } from '../errors.ts';

/** The error body: Zoho's named code (or the status as text), a message naming the parameter, the parameter. */
export const ErrorBody = Type.Object(
  {
    code: Type.String({ description: 'Zoho LMS error code such as INVALID_INPUT, or the HTTP status as text' }),
    message: Type.String(),
    parameter: Type.Optional(Type.String({ description: 'The input parameter that was wrong' })),
  },
  { $id: 'ErrorBody' },
);

/** Response schemas for the error statuses every authenticated route can answer. */
export const errorResponses = {
  400: Type.Ref(ErrorBody),
  401: Type.Ref(ErrorBody),
  403: Type.Ref(ErrorBody),
  404: Type.Ref(ErrorBody),
  409: Type.Ref(ErrorBody),
  422: Type.Ref(ErrorBody),
  429: Type.Ref(ErrorBody),
  500: Type.Ref(ErrorBody),
};

/** `{"code":"200", <key>: <schema>, "message":"success"}` in that key order. */
export function successEnvelope<K extends string, S extends TSchema>(key: K, schema: S) {
  return Type.Object({ code: Type.Literal('200'), [key]: schema, message: Type.Literal('success') } as {
    code: ReturnType<typeof Type.Literal<'200'>>;
    message: ReturnType<typeof Type.Literal<'success'>>;
  } & Record<K, S>);
}

/** `{<key>: [...], "code":"200", "message":"success", "hasMoreRecords": bool}`, as the list samples order it. */
export function listEnvelope<K extends string, S extends TSchema>(key: K, item: S) {
  return Type.Object({
    [key]: Type.Array(item),
    code: Type.Literal('200'),
    message: Type.Literal('success'),
    hasMoreRecords: Type.Boolean(),
  } as Record<K, ReturnType<typeof Type.Array<S>>> & {
    code: ReturnType<typeof Type.Literal<'200'>>;
    message: ReturnType<typeof Type.Literal<'success'>>;
    hasMoreRecords: ReturnType<typeof Type.Boolean>;
  });
}

/** `{"code":"200","message":"success"}` for actions with nothing to return. */
export const SuccessBody = Type.Object({ code: Type.Literal('200'), message: Type.Literal('success') });

/** The plain success body. */
export const success = Object.freeze({ code: '200' as const, message: 'success' as const });

/** Page size of every `startIndex` list. */
export const pageSize = 25;

/** Cuts a list fetched with one extra row into a page and the `hasMoreRecords` flag. */
export function page<T>(rows: T[]): { items: T[]; hasMoreRecords: boolean } {
  const hasMoreRecords = rows.length > pageSize;
  return { items: hasMoreRecords ? rows.slice(0, pageSize) : rows, hasMoreRecords };
}

function errorBody(code: string, message: string, parameter?: string) {
  return parameter === undefined ? { code, message } : { code, message, parameter };
}

/** Maps every error to Zoho's body; nothing internal reaches the client. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.addSchema(ErrorBody);
  app.setErrorHandler((error: FastifyError | LmsError, request, reply) => {
    if (error instanceof LmsError) {
      return reply.status(error.status).send(errorBody(error.code, error.message, error.parameter));
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation && fastifyError.validation.length > 0) {
      const first = fastifyError.validation[0]!;
      const parameter =
        first.instancePath.replace(/^\//, '').replace(/\//g, '.') ||
        ((first.params as { missingProperty?: string }).missingProperty ?? fastifyError.validationContext ?? 'input');
      const code = first.keyword === 'required' ? 'INPUT_PARAMETER_MISSING' : 'INVALID_INPUT';
      return reply
        .status(400)
        .send(errorBody(code, `Invalid value for ${parameter}: ${first.message ?? 'invalid'}`, parameter));
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = status === 400 || status === 415 ? 'INVALID_INPUT' : String(status);
      return reply.status(status).send(errorBody(code, fastifyError.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('500', zohoStatusMessages[500]!));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody('404', `Not found: no endpoint ${request.method} ${request.url.split('?')[0]}`));
  });
}
