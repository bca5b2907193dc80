/** Request and response schemas of the control room's portal routes. */
import { Type } from '@sinclair/typebox';
import { IdText, startIndexParameter } from '../http/parameters.ts';

/** A portal as the control room lists it. */
export const ControlPortalSchema = Type.Object({
  portalId: Type.String(),
  name: Type.String(),
  urlName: Type.String(),
  timeZone: Type.String(),
  createdAt: Type.Number({ description: 'epoch milliseconds' }),
});

/** The querystring of listPortals. */
export const listPortalsQuery = Type.Object({ startIndex: startIndexParameter });

/** The path of the routes about one portal. */
export const portalParams = Type.Object({ portalId: IdText });

/** The body of resetPortal. */
export const resetPortalBody = Type.Object(
  {
    to: Type.Optional(
      Type.Union([Type.Literal('initial'), Type.Literal('empty')], {
        description:
          'initial (default): the state the portal was made or last loaded with; empty: no courses or anything ' +
          'else the LMS makes, keeping the people, locations, rooms and categories',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The 200 answer of resetPortal. */
export const resetPortalResponse200 = Type.Object({
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  portalId: Type.String(),
  to: Type.String(),
  rowCount: Type.Integer({ description: 'rows put back from the snapshot (0 for an empty reset)' }),
});
