/** Zoho's Batch Action API: publish, unpublish, mark as complete, mark as incomplete (all POST, scope CREATE). */
import type { TObject } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller } from '../access/index.ts';
import type { AppContext } from '../context.ts';
import { BatchStatusEnvelope } from '../features/batches/index.ts';
import { errorResponses } from '../http/envelope.ts';
import { parseBoolean, pathId, readParameter } from '../http/input.ts';
import { BatchParams, batchActionBody, batchStatusActionQuery, publishBatchQuery } from './batch-action.schemas.ts';
import * as actions from './batch-actions.ts';
import { type BatchStatus, type PublishOptions, publishBatch } from './publish-batch.ts';

type Action = (
  context: AppContext,
  caller: Caller,
  courseId: string,
  batchId: string,
  options?: PublishOptions,
) => Promise<BatchStatus>;

/** Registers the batch action endpoints. */
export function registerBatchActionRoutes(app: FastifyInstance, context: AppContext): void {
  const register = (path: string, operationId: string, action: Action, query: TObject = batchStatusActionQuery) => {
    app.post(
      `/api/v1/courses/:courseId/batches/:batchId/${path}`,
      {
        config: { scope: 'CREATE' },
        schema: {
          operationId,
          tags: ['batch actions'],
          params: BatchParams,
          querystring: query,
          body: batchActionBody,
          response: { 200: BatchStatusEnvelope, ...errorResponses },
        },
      },
      async (request: FastifyRequest) => {
        const courseId = pathId(request.params, 'courseId');
        const batchId = pathId(request.params, 'batchId');
        // Default true, as the Publish Batch page says; only publish reads it.
        const asked = path === 'publish' ? readParameter(request, 'notifyApplicableUsers') : undefined;
        const notify =
          parseBoolean(asked, 'notifyApplicableUsers') ?? request.caller.notificationDefaults.batchPublished;
        const status = await action(context, request.caller, courseId, batchId, { notify });
        return { code: '200' as const, batch: { batchId, status }, message: 'success' as const };
      },
    );
  };

  register('publish', 'publishBatch', publishBatch, publishBatchQuery);
  register('unpublish', 'unpublishBatch', actions.unpublishBatch);
  register('markAsComplete', 'markBatchAsComplete', actions.completeBatch);
  register('markAsIncomplete', 'markBatchAsIncomplete', actions.reopenBatch);
}
