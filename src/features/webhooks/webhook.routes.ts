/** Routes: webhooks under /lectern/v1, for LMS admins. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput } from '../../errors.ts';
import { errorResponses, listEnvelope, page, pageSize, SuccessBody, success } from '../../http/envelope.ts';
import { pathId, readStartIndex } from '../../http/input.ts';
import { presentDeliveries, presentWebhook } from './webhook.presenter.ts';
import {
  DeliverySchema,
  listWebhookDeliveriesQuery,
  listWebhooksQuery,
  WebhookBody,
  WebhookEnvelope,
  WebhookParams,
  WebhookSchema,
} from './webhook.schemas.ts';
import * as service from './webhook.service.ts';

function bodyOf(request: FastifyRequest): service.WebhookInput {
  const body = request.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw invalidInput('body', 'must be a JSON object');
  return body as service.WebhookInput;
}

function route(operationId: string, scope: 'READ' | 'CREATE' | 'UPDATE' | 'DELETE', schema: object) {
  return {
    config: { scope, access: 'admin' as const },
    schema: { operationId, tags: ['lectern'], ...schema },
  };
}

/** Registers /lectern/v1/webhooks (POST, GET), /{webhookId} (GET, PATCH, DELETE) and /{webhookId}/deliveries. */
export function registerWebhookRoutes(app: FastifyInstance, context: AppContext): void {
  app.post(
    '/lectern/v1/webhooks',
    route('createWebhook', 'CREATE', { body: WebhookBody, response: { 200: WebhookEnvelope, ...errorResponses } }),
    async (request) => {
      const created = await service.createWebhook(context, request.caller, bodyOf(request));
      return { code: '200', webhook: presentWebhook(created.row, created.secret), message: 'success' };
    },
  );

  app.get(
    '/lectern/v1/webhooks',
    route('listWebhooks', 'READ', {
      querystring: listWebhooksQuery,
      response: { 200: listEnvelope('webhooks', WebhookSchema), ...errorResponses },
    }),
    async (request) => {
      const rows = await service.listPortalWebhooks(context, request.caller, readStartIndex(request), pageSize + 1);
      const { items, hasMoreRecords } = page(rows);
      return { webhooks: items.map((row) => presentWebhook(row)), code: '200', message: 'success', hasMoreRecords };
    },
  );

  app.get(
    '/lectern/v1/webhooks/:webhookId',
    route('getWebhook', 'READ', { params: WebhookParams, response: { 200: WebhookEnvelope, ...errorResponses } }),
    async (request) => {
      const row = await service.getWebhook(context, request.caller, pathId(request.params, 'webhookId'));
      return { code: '200', webhook: presentWebhook(row), message: 'success' };
    },
  );

  app.patch(
    '/lectern/v1/webhooks/:webhookId',
    route('updateWebhook', 'UPDATE', {
      params: WebhookParams,
      body: WebhookBody,
      response: { 200: WebhookEnvelope, ...errorResponses },
    }),
    async (request) => {
      const id = pathId(request.params, 'webhookId');
      const updated = await service.updateWebhook(context, request.caller, id, bodyOf(request));
      return { code: '200', webhook: presentWebhook(updated.row, updated.secret), message: 'success' };
    },
  );

  app.delete(
    '/lectern/v1/webhooks/:webhookId',
    route('deleteWebhook', 'DELETE', { params: WebhookParams, response: { 200: SuccessBody, ...errorResponses } }),
    async (request) => {
      await service.deleteWebhook(context, request.caller, pathId(request.params, 'webhookId'));
      return success;
    },
  );

  app.get(
    '/lectern/v1/webhooks/:webhookId/deliveries',
    route('listWebhookDeliveries', 'READ', {
      params: WebhookParams,
      querystring: listWebhookDeliveriesQuery,
      response: { 200: listEnvelope('deliveries', DeliverySchema), ...errorResponses },
    }),
    async (request) => {
      const id = pathId(request.params, 'webhookId');
      const found = await service.listWebhookDeliveries(
        context,
        request.caller,
        id,
        readStartIndex(request),
        pageSize + 1,
      );
      const { items, hasMoreRecords } = page(found.deliveries);
      return {
        deliveries: presentDeliveries(items, found.attempts),
        code: '200',
        message: 'success',
        hasMoreRecords,
      };
    },
  );
}
