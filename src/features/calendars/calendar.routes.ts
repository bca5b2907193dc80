import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/envelope.ts';
import { pathId } from '../../http/input.ts';
import { calendarText, getRoomCalendarParams, getTrainerCalendarParams } from './calendar.schemas.ts';
import { roomCalendar, trainerCalendar } from './calendar.service.ts';

const contentType = 'text/calendar; charset=utf-8';

/** Registers the iCalendar feeds. */
export function registerCalendarRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/lectern/v1/calendars/trainers/:erecno.ics',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getTrainerCalendar',
        description: "A trainer's sessions (LMS admins, or the trainer themself).",
        tags: ['calendars'],
        params: getTrainerCalendarParams,
        response: { 200: calendarText, ...errorResponses },
      },
    },
    async (request, reply) => {
      const text = await trainerCalendar(context, request.caller, pathId(request.params, 'erecno'));
      return reply.type(contentType).send(text);
    },
  );

  app.get(
    '/lectern/v1/calendars/rooms/:roomId.ics',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getRoomCalendar',
        description: "A room's sessions (LMS admins).",
        tags: ['calendars'],
        params: getRoomCalendarParams,
        response: { 200: calendarText, ...errorResponses },
      },
    },
    async (request, reply) => {
      const text = await roomCalendar(context, request.caller, pathId(request.params, 'roomId'));
      return reply.type(contentType).send(text);
    },
  );
}
