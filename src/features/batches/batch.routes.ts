/** Zoho's Batch API: create, update, delete, fetch one and fetch a course's batches. */

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { readDataObjectInput } from '../../http/data-object.ts';
import { errorResponses, listEnvelope, page, pageSize } from '../../http/envelope.ts';
import { pathId, readStartIndex } from '../../http/input.ts';
import { type BatchView, presentBatch, presentBatchListItem } from './batch.presenter.ts';
import {
  BatchDataInput,
  BatchEnvelope,
  BatchListItemSchema,
  BatchParams,
  BatchUpdateInput,
  batchDataBody,
  CourseParams,
  createBatchQuery,
  listBatchesQuery,
  updateBatchQuery,
} from './batch.schemas.ts';
import * as service from './batch.service.ts';

function envelope(view: BatchView) {
  return { code: '200' as const, batch: presentBatch(view), message: 'success' as const };
}

/** Registers the batch endpoints. */
export function registerBatchRoutes(app: FastifyInstance, context: AppContext): void {
  app.post(
    '/api/v1/courses/:courseId/batches',
    {
      config: { scope: 'CREATE' },
      schema: {
        operationId: 'createBatch',
        tags: ['batches'],
        params: CourseParams,
        querystring: createBatchQuery,
        body: batchDataBody,
        response: { 200: BatchEnvelope, ...errorResponses },
      },
    },
    async (request, reply) => {
      const courseId = pathId(request.params, 'courseId');
      const input = readDataObjectInput<typeof BatchDataInput.static>(request, reply, 'batchData', BatchDataInput);
      return envelope(await service.createBatch(context, request.caller, courseId, input));
    },
  );

  app.get(
    '/api/v1/courses/:courseId/batches',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listBatches',
        tags: ['batches'],
        params: CourseParams,
        querystring: listBatchesQuery,
        response: { 200: listEnvelope('batches', BatchListItemSchema), ...errorResponses },
      },
    },
    async (request) => {
      const courseId = pathId(request.params, 'courseId');
      const startIndex = readStartIndex(request);
      const views = await service.listBatches(context, request.caller, courseId, startIndex, pageSize + 1);
      const { items, hasMoreRecords } = page(views);
      return { batches: items.map(presentBatchListItem), code: '200', message: 'success', hasMoreRecords };
    },
  );

  app.get(
    '/api/v1/courses/:courseId/batches/:batchId',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getBatch',
        tags: ['batches'],
        params: BatchParams,
        response: { 200: BatchEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const courseId = pathId(request.params, 'courseId');
      const batchId = pathId(request.params, 'batchId');
      return envelope(await service.getBatch(context, request.caller, courseId, batchId));
    },
  );

  app.patch(
    '/api/v1/courses/:courseId/batches/:batchId',
    {
      config: { scope: 'UPDATE' },
      schema: {
        operationId: 'updateBatch',
        tags: ['batches'],
        params: BatchParams,
        querystring: updateBatchQuery,
        body: batchDataBody,
        response: { 200: BatchEnvelope, ...errorResponses },
      },
    },
    async (request, reply) => {
      const courseId = pathId(request.params, 'courseId');
      const batchId = pathId(request.params, 'batchId');
      const input = readDataObjectInput<typeof BatchUpdateInput.static>(request, reply, 'batchData', BatchUpdateInput);
      return envelope(await service.updateBatch(context, request.caller, courseId, batchId, input));
    },
  );
}
