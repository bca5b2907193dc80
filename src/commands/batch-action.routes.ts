/** Zoho's Batch Action API: publish, unpublish, mark as complete, mark as incomplete (all POST, scope CREATE). */
import { type TProperties, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller } from '../access/index.ts';
import type { AppContext } from '../context.ts';
import { BatchStatusEnvelope } from '../features/batches/index.ts';
import { errorResponses } from '../http/envelope.ts';
import { parseBoolean, pathId, readParameter } from '../http/input.ts';
import { notifyParameter } from '../http/parameters.ts';
import { BatchParams } from './batch-action.schemas.ts';
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
  const register = (path: string, operationId: string, action: Action, query: TProperties = {}) => {
    app.post(
      `/api/v1/courses/:courseId/batches/:batchId/${path}`,
      {
        config: { scope: 'CREATE' },
        schema: {
          operationId,
          tags: ['batch actions'],
          params: BatchParams,
          querystring: Type.Object(query),
          // Zoho's samples send an empty payload; a body may carry the query's parameters instead.
          body: Type.Optional(Type.Unknown()),
          response: { 200: BatchStatusEnvelope, ...errorResponses },
        },
      },
      async (request: FastifyRequest) => {
        const courseId = pathId(request.params, 'courseId');
        const batchId = pathId(request.params, 'batchId');
        // Default true, as the Publish Batch page says; only publish reads it.
        const asked = path === 'publish' ? readParameter(request, 'notifyApplicableUsers') : undefined;
        const notify = parseBoolean(asked, 'notifyApplicableUsers') ?? true;
        const status = await action(context, request.caller, courseId, batchId, { notify });
        return { code: '200' as const, batch: { batchId, status }, message: 'success' as const };
      },
    );
  };

  register('publish', 'publishBatch', publishBatch, {
    notifyApplicableUsers: notifyParameter('True or False, any case; default true'),
  });
  register('unpublish', 'unpublishBatch', actions.unpublishBatch);
  register('markAsComplete', 'markBatchAsComplete', actions.completeBatch);
  register('markAsIncomplete', 'markBatchAsIncomplete', actions.reopenBatch);
}
