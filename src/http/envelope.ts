/** Zoho's response envelopes: success bodies, list bodies and error bodies, with their schemas. */
import { type TSchema, Type } from '@sinclair/typebox';

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
