/**
 * The subscribable calendar feeds under /lectern/v1/feeds: making, listing, rotating and deleting a feed (with a
 * token), and the feed itself at its secret URL, which a calendar program fetches without any header.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { LmsError } from '../../errors.ts';
import { errorResponses, SuccessBody, success } from '../../http/envelope.ts';
import { pathId } from '../../http/input.ts';
import { publicBase } from '../../http/public-base.ts';
import {
  createFeedBody,
  FeedSchema,
  feedParams,
  feedText,
  feedTokenParams,
  listFeedsResponse200,
} from './feed.schemas.ts';
import { createFeed, deleteFeed, listFeeds, readFeedSubject, renderFeed, rotateFeed } from './feed.service.ts';

const contentType = 'text/calendar; charset=utf-8';

/** Registers /lectern/v1/feeds. */
export function registerFeedRoutes(app: FastifyInstance, context: AppContext): void {
  app.post(
    '/lectern/v1/feeds',
    {
      config: { scope: 'CREATE' },
      schema: {
        operationId: 'createCalendarFeed',
        tags: ['calendars'],
        description:
          "Makes the caller's subscribable feed of a trainer, learner, room or batch and answers its secret URL (201). " +
          'A feed the caller already has is answered without its URL (200): rotate it for a new one.',
        body: createFeedBody,
        response: { 200: FeedSchema, 201: FeedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const subject = readFeedSubject(request.body as Record<string, unknown>);
      const { feed, created } = await createFeed(context, request.caller, subject, publicBase(request, context.config));
      return reply.code(created ? 201 : 200).send(feed);
    },
  );

  app.get(
    '/lectern/v1/feeds',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listCalendarFeeds',
        tags: ['calendars'],
        description: "The caller's feeds (without their URLs, which are shown only when made).",
        response: { 200: listFeedsResponse200, ...errorResponses },
      },
    },
    async (request) => ({ feeds: await listFeeds(context, request.caller) }),
  );

  app.post(
    '/lectern/v1/feeds/:feedId/rotate',
    {
      config: { scope: 'UPDATE' },
      schema: {
        operationId: 'rotateCalendarFeed',
        tags: ['calendars'],
        description: "Replaces the feed's secret URL; the old one answers 404 at once. Its owner, or an LMS admin.",
        params: feedParams,
        response: { 200: FeedSchema, ...errorResponses },
      },
    },
    async (request) =>
      rotateFeed(context, request.caller, pathId(request.params, 'feedId'), publicBase(request, context.config)),
  );

  app.delete(
    '/lectern/v1/feeds/:feedId',
    {
      config: { scope: 'DELETE' },
      schema: {
        operationId: 'deleteCalendarFeed',
        tags: ['calendars'],
        description: 'Deletes the feed; its URL answers 404 at once. Its owner, or an LMS admin.',
        params: feedParams,
        response: { 200: SuccessBody, ...errorResponses },
      },
    },
    async (request) => {
      await deleteFeed(context, request.caller, pathId(request.params, 'feedId'));
      return success;
    },
  );

  app.get(
    '/lectern/v1/feeds/:token.ics',
    {
      schema: {
        operationId: 'getCalendarFeed',
        tags: ['calendars'],
        description:
          'The feed at its secret URL, for calendar programs: no header needed. Sessions from 90 days back to 365 ' +
          'days ahead; deleted sessions shown cancelled for 30 days. An unknown, rotated or deleted token is a 404.',
        params: feedTokenParams,
        response: { 200: feedText, ...errorResponses },
      },
    },
    async (request, reply) => {
      const text = await renderFeed(context, (request.params as { token: string }).token);
      // The same answer whether the token never was, was rotated away or its feed deleted.
      if (text === undefined) throw new LmsError(404, '404', 'Not found: no such calendar feed');
      return reply.type(contentType).header('cache-control', 'private, max-age=300').send(text);
    },
  );
}
