/** Lectern's own learning plan writes (LMS admins): create, change, delete plans, and assign them to people. */

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { readDataObjectInput } from '../../http/data-object.ts';
import { errorResponses, SuccessBody, success } from '../../http/envelope.ts';
import { pathId, readIdList } from '../../http/input.ts';
import { publicBase } from '../../http/public-base.ts';
import { presentPerson } from '../people/index.ts';
import { presentPlan } from './learning-plan.presenter.ts';
import {
  addLearningPlanMembersResponse200,
  LearningPlanEnvelope,
  PlanDataInput,
  PlanUpdateInput,
  planDataBody,
  planDataQuery,
  planMembersBody,
  planMembersQuery,
  planParams,
} from './learning-plan.schemas.ts';
import * as service from './learning-plan.service.ts';

/** learningPlanData's course ids may come as JSON numbers: the schema checks them as digit strings. */
function courseIdsAsText(data: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...data };
  if (Array.isArray(copy.courseIds)) {
    copy.courseIds = copy.courseIds.map((id) => (typeof id === 'number' ? String(id) : id));
  }
  return copy;
}

/** Registers /lectern/v1/learning-plans and its members. */
export function registerLearningPlanWriteRoutes(app: FastifyInstance, context: AppContext): void {
  app.post(
    '/lectern/v1/learning-plans',
    {
      config: { scope: 'CREATE', access: 'admin' },
      schema: {
        operationId: 'createLearningPlan',
        tags: ['lectern', 'learning plans'],
        querystring: planDataQuery(PlanDataInput),
        body: planDataBody,
        response: { 200: LearningPlanEnvelope, ...errorResponses },
      },
    },
    async (request, reply) => {
      const input = readDataObjectInput<service.PlanInput>(request, reply, 'learningPlanData', PlanDataInput, {
        prepare: courseIdsAsText,
      });
      const view = await service.createPlan(context, request.caller, input);
      return { code: '200', learningPlan: presentPlan(view), message: 'success' };
    },
  );

  app.patch(
    '/lectern/v1/learning-plans/:planId',
    {
      config: { scope: 'UPDATE', access: 'admin' },
      schema: {
        operationId: 'updateLearningPlan',
        tags: ['lectern', 'learning plans'],
        params: planParams,
        querystring: planDataQuery(PlanUpdateInput),
        body: planDataBody,
        response: { 200: LearningPlanEnvelope, ...errorResponses },
      },
    },
    async (request, reply) => {
      const planId = pathId(request.params, 'planId');
      const input = readDataObjectInput<service.PlanInput>(request, reply, 'learningPlanData', PlanUpdateInput, {
        prepare: courseIdsAsText,
      });
      const view = await service.updatePlan(context, request.caller, planId, input);
      return { code: '200', learningPlan: presentPlan(view), message: 'success' };
    },
  );

  app.delete(
    '/lectern/v1/learning-plans/:planId',
    {
      config: { scope: 'DELETE', access: 'admin' },
      schema: {
        operationId: 'deleteLearningPlan',
        tags: ['lectern', 'learning plans'],
        params: planParams,
        response: { 200: SuccessBody, ...errorResponses },
      },
    },
    async (request) => {
      await service.deletePlan(context, request.caller, pathId(request.params, 'planId'));
      return success;
    },
  );

  const membersSchema = (operationId: string, response: object) => ({
    operationId,
    tags: ['lectern', 'learning plans'],
    params: planParams,
    querystring: planMembersQuery,
    body: planMembersBody,
    response: { 200: response, ...errorResponses },
  });

  app.post(
    '/lectern/v1/learning-plans/:planId/members',
    {
      config: { scope: 'CREATE', access: 'admin' },
      schema: membersSchema('addLearningPlanMembers', addLearningPlanMembersResponse200),
    },
    async (request) => {
      const planId = pathId(request.params, 'planId');
      const people = await service.addMembers(context, request.caller, planId, readIdList(request, 'erecnosList'));
      return {
        code: '200',
        learners: people.map((row) => presentPerson(row, publicBase(request, context.config))),
        message: 'success',
      };
    },
  );

  app.delete(
    '/lectern/v1/learning-plans/:planId/members',
    {
      config: { scope: 'DELETE', access: 'admin' },
      schema: membersSchema('removeLearningPlanMembers', SuccessBody),
    },
    async (request) => {
      const planId = pathId(request.params, 'planId');
      await service.removeMembers(context, request.caller, planId, readIdList(request, 'erecnosList'));
      return success;
    },
  );
}
