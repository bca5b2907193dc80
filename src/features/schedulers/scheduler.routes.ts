/**
 * Zoho's Batch Scheduler API: create, update, delete, fetch one and fetch a course's schedulers. The static
 * `schedulers` segment wins over the batch routes' `:batchId` (Fastify's router prefers static segments).
 */

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { BatchSchedulerTable } from '../../db/database.ts';
import { readDataObjectInput } from '../../http/data-object.ts';
import { errorResponses, listEnvelope, page, pageSize, SuccessBody, success } from '../../http/envelope.ts';
import { pathId, readStartIndex } from '../../http/input.ts';
import { presentScheduler } from './scheduler.presenter.ts';
import {
  applyKeyAliases,
  CourseParams,
  listBatchSchedulersQuery,
  SchedulerDataInput,
  SchedulerEnvelope,
  SchedulerParams,
  SchedulerSchema,
  SchedulerUpdateInput,
  schedulerDataBody,
  schedulerDataQuery,
} from './scheduler.schemas.ts';
import * as service from './scheduler.service.ts';

const base = '/api/v1/courses/:courseId/batches/schedulers';

/** Both spellings of the parameter: the URL's, and the table's `batchShedulerData`. */
const dataNames = ['batchSchedulerData', 'batchShedulerData'];

/** The name the client gave the data object, matched without the stray space of the doc's `batchSchedulerData ={`. */
function dataKey(request: FastifyRequest): string {
  const body = request.body;
  const sources = [request.query, typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}];
  for (const source of sources) {
    const key = Object.keys(source as object).find((candidate) => dataNames.includes(candidate.trim()));
    if (key !== undefined) return key;
  }
  return 'batchSchedulerData';
}

function envelope(row: BatchSchedulerTable) {
  return { batchScheduler: presentScheduler(row), code: '200' as const, message: 'success' as const };
}

/** Registers the batch scheduler endpoints. */
export function registerSchedulerRoutes(app: FastifyInstance, context: AppContext): void {
  app.post(
    base,
    {
      config: { scope: 'CREATE' },
      schema: {
        operationId: 'createBatchScheduler',
        tags: ['batch schedulers'],
        params: CourseParams,
        querystring: schedulerDataQuery(SchedulerDataInput),
        body: schedulerDataBody,
        response: { 200: SchedulerEnvelope, ...errorResponses },
      },
    },
    async (request, reply) => {
      const courseId = pathId(request.params, 'courseId');
      const input = readDataObjectInput<typeof SchedulerDataInput.static>(
        request,
        reply,
        'batchSchedulerData',
        SchedulerDataInput,
        {
          readAs: dataKey(request),
          prepare: applyKeyAliases,
        },
      );
      return envelope(await service.createScheduler(context, request.caller, courseId, input));
    },
  );

  app.get(
    base,
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listBatchSchedulers',
        description: 'Provisional list shape: the doc page shows a single scheduler; Lectern answers a list.',
        tags: ['batch schedulers'],
        params: CourseParams,
        querystring: listBatchSchedulersQuery,
        response: { 200: listEnvelope('batchSchedulers', SchedulerSchema), ...errorResponses },
      },
    },
    async (request) => {
      const courseId = pathId(request.params, 'courseId');
      const startIndex = readStartIndex(request);
      const rows = await service.listSchedulers(context.db, request.caller, courseId, startIndex, pageSize + 1);
      const { items, hasMoreRecords } = page(rows);
      return { batchSchedulers: items.map(presentScheduler), code: '200', message: 'success', hasMoreRecords };
    },
  );

  app.get(
    `${base}/:batchSchedulerId`,
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getBatchScheduler',
        tags: ['batch schedulers'],
        params: SchedulerParams,
        response: { 200: SchedulerEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const courseId = pathId(request.params, 'courseId');
      const schedulerId = pathId(request.params, 'batchSchedulerId');
      return envelope(await service.getScheduler(context.db, request.caller, courseId, schedulerId));
    },
  );

  app.patch(
    `${base}/:batchSchedulerId`,
    {
      config: { scope: 'UPDATE' },
      schema: {
        operationId: 'updateBatchScheduler',
        tags: ['batch schedulers'],
        params: SchedulerParams,
        querystring: schedulerDataQuery(SchedulerUpdateInput),
        body: schedulerDataBody,
        response: { 200: SchedulerEnvelope, ...errorResponses },
      },
    },
    async (request, reply) => {
      const courseId = pathId(request.params, 'courseId');
      const schedulerId = pathId(request.params, 'batchSchedulerId');
      const input = readDataObjectInput<typeof SchedulerUpdateInput.static>(
        request,
        reply,
        'batchSchedulerData',
        SchedulerUpdateInput,
        {
          readAs: dataKey(request),
          prepare: applyKeyAliases,
        },
      );
      return envelope(await service.updateScheduler(context, request.caller, courseId, schedulerId, input));
    },
  );

  app.delete(
    `${base}/:batchSchedulerId`,
    {
      config: { scope: 'DELETE' },
      schema: {
        operationId: 'deleteBatchScheduler',
        tags: ['batch schedulers'],
        params: SchedulerParams,
        response: { 200: SuccessBody, ...errorResponses },
      },
    },
    async (request) => {
      const courseId = pathId(request.params, 'courseId');
      const schedulerId = pathId(request.params, 'batchSchedulerId');
      await service.deleteScheduler(context, request.caller, courseId, schedulerId);
      return success;
    },
  );
}
