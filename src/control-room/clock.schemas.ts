/** Request and response schemas of a portal's clock in the control room. */
import { Type } from '@sinclair/typebox';

/** The path of the clock routes. */
export const portalClockParams = Type.Object({
  portalId: Type.String({ pattern: '^[0-9]{1,20}$', description: 'The portal whose clock this is' }),
});

/** A portal's clock as the control room shows it. */
export const PortalClockSchema = Type.Object({
  portalId: Type.String(),
  now: Type.String({ description: 'The portal time now, ISO 8601 in UTC' }),
  nowMs: Type.Number({ description: 'The same instant in epoch milliseconds' }),
  frozen: Type.Boolean({ description: 'True when the clock stands still until set or advanced' }),
  offsetMs: Type.Number({ description: "How far the portal's time is ahead of the server's (0 when frozen)" }),
  serverTime: Type.Boolean({ description: "True when the portal keeps the server's time" }),
});

/** The body of setPortalClock. */
export const setPortalClockBody = Type.Object(
  {
    now: Type.Optional(
      Type.Union([Type.String({ maxLength: 40 }), Type.Integer()], {
        description:
          'The time to set: ISO 8601 with a zone (2026-05-01T09:00:00Z) or epoch ms; default the portal time now',
      }),
    ),
    frozen: Type.Optional(
      Type.Boolean({ description: 'Stand still at that time (true), or run on from it (false, the default)' }),
    ),
  },
  { additionalProperties: false },
);

/** The body of advancePortalClock. */
export const advancePortalClockBody = Type.Object(
  {
    by: Type.Union([Type.String({ maxLength: 40 }), Type.Integer()], {
      description: 'How far: milliseconds, or a duration such as 90s, 15m, 1h30m, 2d, -1d',
    }),
  },
  { additionalProperties: false },
);
