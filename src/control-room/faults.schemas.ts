/** The fault rules' request and response schemas. */
import { Type } from '@sinclair/typebox';
import { listEnvelope, successEnvelope } from '../http/envelope.ts';
import { maxLatencyMs } from './faults.service.ts';

/** The methods a rule may name; `*` is any. */
const methods = ['*', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The path of every control-room route. */
export const PortalParams = Type.Object({ portalId: Type.String() });

/** The path of one rule. */
export const FaultParams = Type.Object({ portalId: Type.String(), faultId: Type.String() });

const FaultErrorBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64 }),
    message: Type.String({ minLength: 1, maxLength: 400 }),
    parameter: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false, description: "Zoho's error body to answer; the status's own when left out" },
);

/** The body of createFault. */
export const createFaultBody = Type.Object(
  {
    method: Type.Optional(Type.Union(methods.map((method) => Type.Literal(method)))),
    path: Type.String({
      minLength: 1,
      maxLength: 500,
      description:
        'an /api/ path: `*` is one segment, `**` any number; without a wildcard, a prefix ending at a segment boundary',
    }),
    erecno: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,19}$', description: "only the caller's own erecno" })),
    action: Type.Union([Type.Literal('status'), Type.Literal('latency'), Type.Literal('drop')], {
      description: 'answer an error (status, body), delay the request (latencyMs), or drop the connection unanswered',
    }),
    status: Type.Optional(Type.Integer({ minimum: 400, maximum: 599 })),
    body: Type.Optional(FaultErrorBody),
    latencyMs: Type.Optional(Type.Integer({ minimum: 1, maximum: maxLatencyMs })),
    retryAfterSeconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 3600,
        description: 'Retry-After sent with the status (default 60 for 429 and 503, none for others)',
      }),
    ),
    times: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10_000, description: 'the next N matches; then the rule goes' }),
    ),
    probability: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: 'chance each match fires (default 1)' }),
    ),
  },
  { additionalProperties: false },
);

/** A rule as listed. */
export const FaultSchema = Type.Object({
  faultId: Type.String(),
  method: Type.String(),
  path: Type.String(),
  erecno: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  status: Type.Union([Type.Integer(), Type.Null()]),
  body: Type.Union([
    Type.Object({ code: Type.String(), message: Type.String(), parameter: Type.Optional(Type.String()) }),
    Type.Null(),
  ]),
  latencyMs: Type.Union([Type.Integer(), Type.Null()]),
  retryAfterSeconds: Type.Union([Type.Integer(), Type.Null()]),
  remaining: Type.Union([Type.Integer(), Type.Null()], { description: 'matches left; null: until removed' }),
  probability: Type.Number(),
  hits: Type.Integer(),
  createdAt: Type.Number(),
});

/** The 200 answer of createFault. */
export const createFaultResponse200 = successEnvelope('fault', FaultSchema);

/** The 200 answer of listFaults. */
export const listFaultsResponse200 = listEnvelope('faults', FaultSchema);

/** The 200 answer of a removal: how many rules went. */
export const removeFaultsResponse200 = Type.Object({
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  removed: Type.Integer(),
});
