import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput } from '../../errors.ts';
import { errorResponses, page, pageSize, SuccessBody, success } from '../../http/envelope.ts';
import { pathId, readIdList, readParameter, readStartIndex } from '../../http/input.ts';
import { publicBase } from '../../http/public-base.ts';
import type { EmployeeRow } from '../people/index.ts';
import { presentTrainer } from './trainer.presenter.ts';
import {
  addTrainersBody,
  addTrainersQuery,
  addTrainersResponse200,
  getTrainerResponse200,
  listTrainersQuery,
  listTrainersResponse200,
  TrainerParams,
} from './trainer.schemas.ts';
import * as service from './trainer.service.ts';

function readStatus(request: FastifyRequest): EmployeeRow['status'] {
  const raw = readParameter(request, 'employeeStatus');
  if (raw === undefined || raw === '') return 'active';
  const status = String(raw).trim().toLowerCase();
  if (status !== 'active' && status !== 'inactive') {
    throw invalidInput('employeeStatus', `must be active or inactive, got ${JSON.stringify(raw)}`);
  }
  return status;
}

function readOrder(request: FastifyRequest): 'asc' | 'desc' {
  const raw = readParameter(request, 'sortBy');
  if (raw === undefined || raw === '') return 'asc';
  const order = String(raw).trim().toLowerCase();
  if (order !== 'asc' && order !== 'desc')
    throw invalidInput('sortBy', `must be asc or desc, got ${JSON.stringify(raw)}`);
  return order;
}

/** Registers the Trainer API. */
export function registerTrainerRoutes(app: FastifyInstance, context: AppContext): void {
  const addSchema = (method: string) => ({
    config: { scope: 'CREATE' as const },
    schema: {
      operationId: method === 'PUT' ? 'addTrainers' : 'addTrainersByPost',
      description:
        'erecnosList as a JSON array in the query, a form field, or a JSON body. Answers the trainers named.',
      tags: ['trainers'],
      querystring: addTrainersQuery,
      body: addTrainersBody,
      response: {
        200: addTrainersResponse200,
        ...errorResponses,
      },
    },
  });
  const add = async (request: FastifyRequest) => {
    const people = await service.addTrainers(context, request.caller, readIdList(request, 'erecnosList'));
    return {
      trainers: people.map((row) => presentTrainer(row, publicBase(request, context.config))),
      code: '200' as const,
      message: 'success' as const,
    };
  };
  app.put('/api/v1/trainers', addSchema('PUT'), add);
  app.post('/api/v1/trainers', addSchema('POST'), add);

  app.get(
    '/api/v1/trainers',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listTrainers',
        tags: ['trainers'],
        querystring: listTrainersQuery,
        response: {
          200: listTrainersResponse200,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const filter = { status: readStatus(request), order: readOrder(request) };
      const rows = await service.listTrainers(context, request.caller, filter, readStartIndex(request), pageSize + 1);
      const { items, hasMoreRecords } = page(rows);
      return {
        trainers: items.map((row) => presentTrainer(row, publicBase(request, context.config))),
        code: '200' as const,
        message: 'success' as const,
        hasMoreRecords,
      };
    },
  );

  app.get(
    '/api/v1/trainers/:trainerId',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getTrainer',
        tags: ['trainers'],
        params: TrainerParams,
        response: {
          200: getTrainerResponse200,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const trainer = await service.getTrainer(context, request.caller, pathId(request.params, 'trainerId'));
      return {
        code: '200' as const,
        trainer: presentTrainer(trainer, publicBase(request, context.config)),
        message: 'success' as const,
      };
    },
  );

  app.delete(
    '/api/v1/trainers/:trainerId',
    {
      config: { scope: 'DELETE' },
      schema: {
        operationId: 'removeTrainer',
        tags: ['trainers'],
        params: TrainerParams,
        response: { 200: SuccessBody, ...errorResponses },
      },
    },
    async (request) => {
      await service.removeTrainer(context, request.caller, pathId(request.params, 'trainerId'));
      return success;
    },
  );
}
