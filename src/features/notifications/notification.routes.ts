import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses, listEnvelope, page, pageSize } from '../../http/envelope.ts';
import { pathId, readStartIndex } from '../../http/input.ts';
import { presentAttempt, presentNotification } from './notification.presenter.ts';
import {
  getNotificationParams,
  getNotificationResponse200,
  listNotificationsQuery,
  NotificationSchema,
} from './notification.schemas.ts';
import { getCallerNotification, listCallerNotifications } from './notification.service.ts';

/** Registers GET /lectern/v1/notifications and GET /lectern/v1/notifications/{notificationId}. */
export function registerNotificationRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/lectern/v1/notifications',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listNotifications',
        tags: ['lectern'],
        querystring: listNotificationsQuery,
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
        params: getNotificationParams,
        response: {
          200: getNotificationResponse200,
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
