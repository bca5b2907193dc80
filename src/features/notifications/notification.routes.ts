/** Routes: the notification outbox under /lectern/v1 (read only; e-mails are queued by the changes themselves). */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { webhookEventTypes } from '../../events/index.ts';
import { errorResponses, listEnvelope, page, pageSize, successEnvelope } from '../../http/envelope.ts';
import { pathId, readStartIndex } from '../../http/input.ts';
import { idParameter, startIndexParameter, textParameter } from '../../http/parameters.ts';
import { presentAttempt, presentNotification } from './notification.presenter.ts';
import { AttemptSchema, NotificationSchema } from './notification.schemas.ts';
import { deliveryStatuses, getCallerNotification, listCallerNotifications } from './notification.service.ts';

/** Registers GET /lectern/v1/notifications and GET /lectern/v1/notifications/{notificationId}. */
export function registerNotificationRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/lectern/v1/notifications',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listNotifications',
        tags: ['lectern'],
        querystring: Type.Object({
          erecno: idParameter('LMS admins only, unless it is the caller'),
          status: textParameter(Type.Union(deliveryStatuses.map((status) => Type.Literal(status))), {
            description: 'pending, sending, sent, failed or skipped',
          }),
          type: textParameter(Type.Union(webhookEventTypes.map((type) => Type.Literal(type))), {
            description: 'a versioned event name, e.g. learner.enrolled.v1',
          }),
          startIndex: startIndexParameter,
        }),
        response: { 200: listEnvelope('notifications', NotificationSchema), ...errorResponses },
      },
    },
    async (request) => {
      const query = request.query as { erecno?: string; status?: string; type?: string };
      const rows = await listCallerNotifications(context, request.caller, query, {
        offset: readStartIndex(request),
        limit: pageSize + 1,
      });
      const { items, hasMoreRecords } = page(rows);
      return { notifications: items.map(presentNotification), code: '200', message: 'success', hasMoreRecords };
    },
  );

  app.get(
    '/lectern/v1/notifications/:notificationId',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getNotification',
        tags: ['lectern'],
        params: Type.Object({ notificationId: Type.String() }),
        response: {
          200: successEnvelope(
            'notification',
            Type.Composite([NotificationSchema, Type.Object({ attemptLog: Type.Array(AttemptSchema) })]),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const id = pathId(request.params, 'notificationId');
      const { row, attempts } = await getCallerNotification(context, request.caller, id);
      return {
        code: '200',
        notification: { ...presentNotification(row), attemptLog: attempts.map(presentAttempt) },
        message: 'success',
      };
    },
  );
}
