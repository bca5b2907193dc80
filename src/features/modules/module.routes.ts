/**
 * Zoho's Module API in both families, one handler each: `/courses/:courseId/modules` (self-paced and e-material
 * courses) and `/courses/:courseId/batches/:batchId/modules` (blended courses).
 */

import type { TObject } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { readDataObjectInput } from '../../http/data-object.ts';
import { errorResponses, page, pageSize } from '../../http/envelope.ts';
import { pathId, pathParentIds, readStartIndex } from '../../http/input.ts';
import { presentCourseModule } from './module.presenter.ts';
import {
  CourseModuleEnvelope,
  CourseModuleListEnvelope,
  ModuleDataInput,
  type ModuleInput,
  ModuleUpdateInput,
  moduleDataBody,
  moduleDataQuery,
  moduleFamilies,
  moduleListQuery,
  moduleParams,
  toModuleInput,
} from './module.schemas.ts';
import * as service from './module.service.ts';

/** `moduleData` through the one data-object decoder, as the service takes it. */
const readModule = (request: FastifyRequest, reply: FastifyReply, schema: TObject): ModuleInput =>
  toModuleInput(readDataObjectInput<Partial<typeof ModuleDataInput.static>>(request, reply, 'moduleData', schema));

/** `{"code":200,"module":{...},"message":"success"}` for one module. */
const moduleAnswer = (view: service.ModuleView) => ({
  code: 200 as const,
  module: presentCourseModule(view),
  message: 'success' as const,
});

/** Registers the Module API (both families). */
export function registerModuleRoutes(app: FastifyInstance, context: AppContext): void {
  for (const { base, params, noun, family } of moduleFamilies) {
    const withModule = moduleParams(params);
    const tags = ['modules'];

    app.post(
      base,
      {
        config: { scope: 'CREATE' },
        schema: {
          operationId: `create${noun}`,
          summary: `Create a module in ${family}; it goes after the last one`,
          tags,
          params,
          querystring: moduleDataQuery(ModuleDataInput),
          body: moduleDataBody,
          response: { 200: CourseModuleEnvelope, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { courseId, batchId } = pathParentIds(request.params);
        const input = readModule(request, reply, ModuleDataInput) as ModuleInput & { name: string };
        return moduleAnswer(await service.createCourseModule(context, request.caller, courseId, batchId, input));
      },
    );

    app.get(
      base,
      {
        config: { scope: 'READ' },
        schema: {
          operationId: `list${noun}s`,
          summary: `Fetch the modules of ${family}, in order, 25 per call`,
          tags,
          params,
          querystring: moduleListQuery,
          response: { 200: CourseModuleListEnvelope, ...errorResponses },
        },
      },
      async (request) => {
        const { courseId, batchId } = pathParentIds(request.params);
        const startIndex = readStartIndex(request);
        const views = await service.listCourseModules(
          context,
          request.caller,
          courseId,
          batchId,
          startIndex,
          pageSize + 1,
        );
        const { items, hasMoreRecords } = page(views);
        return {
          modules: items.map(presentCourseModule),
          code: 200 as const,
          message: 'success' as const,
          hasMoreRecords,
        };
      },
    );

    app.get(
      `${base}/:moduleId`,
      {
        config: { scope: 'READ' },
        schema: {
          operationId: `get${noun}`,
          summary: `Fetch one module of ${family}`,
          tags,
          params: withModule,
          response: { 200: CourseModuleEnvelope, ...errorResponses },
        },
      },
      async (request) => {
        const { courseId, batchId } = pathParentIds(request.params);
        const moduleId = pathId(request.params, 'moduleId');
        return moduleAnswer(await service.getCourseModule(context, request.caller, courseId, batchId, moduleId));
      },
    );

    app.patch(
      `${base}/:moduleId`,
      {
        config: { scope: 'UPDATE' },
        schema: {
          operationId: `update${noun}`,
          summary: `Update a module of ${family}; keys not sent keep their values`,
          tags,
          params: withModule,
          querystring: moduleDataQuery(ModuleUpdateInput),
          body: moduleDataBody,
          response: { 200: CourseModuleEnvelope, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { courseId, batchId } = pathParentIds(request.params);
        const moduleId = pathId(request.params, 'moduleId');
        const input = readModule(request, reply, ModuleUpdateInput);
        return moduleAnswer(
          await service.updateCourseModule(context, request.caller, courseId, batchId, moduleId, input),
        );
      },
    );
  }
}
