/**
 * Learning plans: Zoho's read endpoints (part A #46-#49) and Lectern's own writes under /lectern/v1 (Zoho documents
 * no way to make a plan).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput } from '../../errors.ts';
import { errorResponses, listEnvelope, page, pageSize } from '../../http/envelope.ts';
import { pathId, readParameter, readStartIndex } from '../../http/input.ts';
import { publicBase } from '../../http/public-base.ts';
import { PersonSchema, presentPerson } from '../people/index.ts';
import { presentPlan, presentPlanCourses, presentPlanProgress } from './learning-plan.presenter.ts';
import {
  getLearnerLearningPlanCoursesProgressParams,
  getLearnerLearningPlanCoursesProgressQuery,
  getLearnerLearningPlansProgressQuery,
  LearningPlanSchema,
  learnerParams,
  listLearningPlanMembersQuery,
  listLearningPlansQuery,
  PlanCourseProgressSchema,
  PlanProgressSchema,
  planParams,
} from './learning-plan.schemas.ts';
import * as service from './learning-plan.service.ts';
import { registerLearningPlanWriteRoutes } from './learning-plan-write.routes.ts';

/**
 * `startIndex` where Zoho's page says it defaults to 1 (#46, #49): the position of the first record, 1-based; the
 * example's `startIndex=0` reads as 1, so 0 and 1 both start at the first record.
 */
export function readOneBasedStart(request: FastifyRequest): number {
  const start = readStartIndex(request);
  return start === 0 ? 0 : start - 1;
}

/** A page size parameter (`limit`, or `Limit` as the catalog spells it) from `minimum` to 100. */
export function readLimit(request: FastifyRequest, names: string[], minimum: number, fallback: number): number {
  for (const name of names) {
    const raw = readParameter(request, name);
    if (raw === undefined || raw === '') continue;
    const text = String(raw).trim();
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < minimum || value > 100) {
      throw invalidInput(name, `must be a whole number from ${minimum} to 100, got ${JSON.stringify(raw)}`);
    }
    return value;
  }
  return fallback;
}

/** One page cut from rows fetched with one extra. */
function pageOf<T>(rows: T[], size: number) {
  return { items: rows.slice(0, size), hasMoreRecords: rows.length > size };
}

/** Registers the learning plan endpoints. */
export function registerLearningPlanRoutes(app: FastifyInstance, context: AppContext): void {
  registerLearningPlanWriteRoutes(app, context);

  app.get(
    '/api/v1/learning-plans',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listLearningPlans',
        description: 'startIndex is 1-based (0 reads as 1); limit 1 to 100, 1 by default (as the page says).',
        tags: ['learning plans'],
        querystring: listLearningPlansQuery,
        response: { 200: listEnvelope('learningPlans', LearningPlanSchema), ...errorResponses },
      },
    },
    async (request) => {
      // The page's defaults: limit 1, startIndex 1; it names no maximum, so #49's documented 100 caps it.
      const limit = readLimit(request, ['limit', 'Limit'], 1, 1);
      const views = await service.listPlans(context, request.caller, readOneBasedStart(request), limit + 1);
      const { items, hasMoreRecords } = pageOf(views, limit);
      return { learningPlans: items.map(presentPlan), code: '200', message: 'success', hasMoreRecords };
    },
  );

  for (const [segment, operationId] of [
    ['learners', 'listLearningPlanLearners'],
    ['members', 'listLearningPlanMembers'],
  ] as const) {
    app.get(
      `/api/v1/learning-plans/:planId/${segment}`,
      {
        config: { scope: 'READ' },
        schema: {
          operationId,
          description: "A plan's members, 25 a page from the 0-based startIndex (the page's examples call /members).",
          tags: ['learning plans'],
          params: planParams,
          querystring: listLearningPlanMembersQuery,
          response: { 200: listEnvelope('learners', PersonSchema), ...errorResponses },
        },
      },
      async (request) => {
        const planId = pathId(request.params, 'planId');
        const rows = await service.listMembers(context, request.caller, planId, readStartIndex(request), pageSize + 1);
        const { items, hasMoreRecords } = page(rows);
        return {
          learners: items.map((row) => presentPerson(row, publicBase(request, context.config))),
          code: '200',
          message: 'success',
          hasMoreRecords,
        };
      },
    );
  }

  app.get(
    '/api/v1/learners/:learnerId/learning-plans/progress',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getLearnerLearningPlansProgress',
        description: 'The plans assigned to the learner with their progress (completed courses); 0-based startIndex.',
        tags: ['learning plans'],
        params: learnerParams,
        querystring: getLearnerLearningPlansProgressQuery,
        response: { 200: listEnvelope('learningPlans', PlanProgressSchema), ...errorResponses },
      },
    },
    async (request) => {
      const learnerId = pathId(request.params, 'learnerId');
      const start = readStartIndex(request);
      const rows = await service.learnerPlansProgress(context, request.caller, learnerId, start, pageSize + 1);
      const { items, hasMoreRecords } = page(rows);
      return {
        learningPlans: items.map((entry) => presentPlanProgress(entry, publicBase(request, context.config))),
        code: '200',
        message: 'success',
        hasMoreRecords,
      };
    },
  );

  app.get(
    '/api/v1/learners/:learnerId/learning-plans/:planId/courses/progress',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getLearnerLearningPlanCoursesProgress',
        description: "The courses of a plan with the learner's progress; startIndex 1-based, Limit (or limit) 25-100.",
        tags: ['learning plans'],
        params: getLearnerLearningPlanCoursesProgressParams,
        querystring: getLearnerLearningPlanCoursesProgressQuery,
        response: { 200: listEnvelope('courses', PlanCourseProgressSchema), ...errorResponses },
      },
    },
    async (request) => {
      const learnerId = pathId(request.params, 'learnerId');
      const planId = pathId(request.params, 'planId');
      const limit = readLimit(request, ['Limit', 'limit'], 25, 25);
      const start = readOneBasedStart(request);
      const entry = await service.learnerPlanProgress(context, request.caller, learnerId, planId);
      const { items, hasMoreRecords } = pageOf(presentPlanCourses(entry).slice(start), limit);
      return { courses: items, code: '200', message: 'success', hasMoreRecords };
    },
  );
}
