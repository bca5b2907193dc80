/**
 * The DELETE endpoints of courses, batches and modules: each removes the thing with everything it holds (removals.ts).
 * app.ts registers each right after its feature's other routes, where Zoho's lists and the OpenAPI document have it.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { CourseModuleDeletedBody, moduleFamilies, moduleParams } from '../features/modules/index.ts';
import { errorResponses, SuccessBody, success } from '../http/envelope.ts';
import { pathId, pathParentIds } from '../http/input.ts';
import { BatchParams, CourseParams } from './removal.schemas.ts';
import { removeBatch, removeCourse, removeModule } from './removals.ts';

/** Registers DELETE /courses/:courseId. */
export function registerCourseRemovalRoutes(app: FastifyInstance, context: AppContext): void {
  app.delete(
    '/api/v1/courses/:courseId',
    {
      config: { scope: 'DELETE' },
      schema: {
        operationId: 'deleteCourse',
        tags: ['courses'],
        params: CourseParams,
        response: { 200: SuccessBody, ...errorResponses },
      },
    },
    async (request) => {
      await removeCourse(context, request.caller, pathId(request.params, 'courseId'));
      return success;
    },
  );
}

/** Registers DELETE /courses/:courseId/batches/:batchId. */
export function registerBatchRemovalRoutes(app: FastifyInstance, context: AppContext): void {
  app.delete(
    '/api/v1/courses/:courseId/batches/:batchId',
    {
      config: { scope: 'DELETE' },
      schema: {
        operationId: 'deleteBatch',
        tags: ['batches'],
        params: BatchParams,
        response: { 200: SuccessBody, ...errorResponses },
      },
    },
    async (request) => {
      const courseId = pathId(request.params, 'courseId');
      await removeBatch(context, request.caller, courseId, pathId(request.params, 'batchId'));
      return success;
    },
  );
}

/** Registers DELETE of a module in both families. */
export function registerModuleRemovalRoutes(app: FastifyInstance, context: AppContext): void {
  for (const { base, params, noun, family } of moduleFamilies) {
    app.delete(
      `${base}/:moduleId`,
      {
        config: { scope: 'DELETE' },
        schema: {
          operationId: `delete${noun}`,
          summary: `Delete a module of ${family} with its sessions and their attendance`,
          tags: ['modules'],
          params: moduleParams(params),
          response: { 200: CourseModuleDeletedBody, ...errorResponses },
        },
      },
      async (request) => {
        const { courseId, batchId } = pathParentIds(request.params);
        const moduleId = pathId(request.params, 'moduleId');
        await removeModule(context, request.caller, { courseId, batchId, moduleId });
        return { code: 200 as const, message: 'success' as const };
      },
    );
  }
}
