/** The request and answer schemas of the subscribable calendar feeds (/lectern/v1/feeds). */
import { Type } from '@sinclair/typebox';

const kind = Type.Union(
  [Type.Literal('trainer'), Type.Literal('learner'), Type.Literal('room'), Type.Literal('batch')],
  {
    description: "whose sessions: a trainer's or learner's (erecno), a room's or a batch's (id)",
  },
);

/** A feed as the API answers it. */
export const FeedSchema = Type.Object(
  {
    feedId: Type.String(),
    kind,
    id: Type.String({ description: 'the erecno, room id or batch id' }),
    createdTime: Type.Integer({ description: 'epoch milliseconds' }),
    rotatedTime: Type.Integer({ description: 'epoch milliseconds: when the URL was last replaced' }),
    url: Type.Optional(
      Type.String({
        description: 'the secret subscription URL: answered only when it is made (create, rotate); never stored',
      }),
    ),
  },
  { title: 'CalendarFeed' },
);

/** The body of createCalendarFeed. */
export const createFeedBody = Type.Object({
  kind: Type.String({ maxLength: 10, description: 'trainer, learner, room or batch' }),
  id: Type.Union([Type.String({ maxLength: 20 }), Type.Integer()], { description: 'the erecno, room id or batch id' }),
});

/** The path parameters of the routes on one feed. */
export const feedParams = Type.Object({ feedId: Type.String({ maxLength: 20 }) });

/** The path parameter of getCalendarFeed. */
export const feedTokenParams = Type.Object({
  token: Type.String({ maxLength: 64, description: 'the secret token of the subscription URL' }),
});

/** The 200 answer of listCalendarFeeds. */
export const listFeedsResponse200 = Type.Object({ feeds: Type.Array(FeedSchema) });

/** The 200 answer of getCalendarFeed: an iCalendar document. */
export const feedText = Type.String({ description: 'An iCalendar (RFC 5545) document, text/calendar' });
