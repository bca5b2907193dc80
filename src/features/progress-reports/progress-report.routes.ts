/**
 * Zoho's six Course Progress endpoints (part A #40-#45). Each course-level one answers in both families: without
 * `batches/{batchId}` for self-paced and e-material courses, with it for blended ones.
 */
import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput, missingInput, notFound } from '../../errors.ts';
import { errorResponses, page, pageSize } from '../../http/envelope.ts';
import { pathId, readParameter, readStartIndex } from '../../http/input.ts';
import { publicBase } from '../../http/public-base.ts';
import { presentCourseProgress, presentEntityProgress, presentModuleProgress } from './progress-report.presenter.ts';
import {
  CourseProgressEnvelope,
  CourseProgressListEnvelope,
  EntityProgressEnvelope,
  EntityProgressListEnvelope,
  entitySegments,
  getLearnerCourseProgressQuery,
  getLearnerEntityTypeProgressQuery,
  ModuleProgressEnvelope,
  progressListQuery,
  reportPathParams,
} from './progress-report.schemas.ts';
import * as service from './progress-report.service.ts';

/** A page of course progress in Zoho's list envelope (the reports hold one extra row to tell whether more exist). */
function courseProgressPage(reports: service.LearnerReport[], base: string) {
  const { items, hasMoreRecords } = page(reports);
  return {
    courseProgress: items.map((report) => presentCourseProgress(report, base)),
    code: '200',
    message: 'success',
    hasMoreRecords,
  };
}

/** An entity type as a code (0 to 6) or a path segment (`files`, ...); 400 naming the parameter otherwise. */
export function readEntityType(raw: unknown, parameter: string): number {
  if (raw === undefined || raw === '') throw missingInput(parameter);
  const text = String(raw).trim();
  if (/^[0-6]$/.test(text)) return Number(text);
  const code = Object.entries(entitySegments).find(([segment]) => segment.toLowerCase() === text.toLowerCase());
  if (code === undefined) {
    throw invalidInput(parameter, `must be 0 to 6 or one of ${Object.keys(entitySegments).join(', ')}`);
  }
  return code[1];
}

function readProgressType(request: FastifyRequest): boolean {
  const raw = readParameter(request, 'progressType');
  if (raw === undefined || raw === '') return false;
  const text = String(raw).trim();
  if (text !== '0' && text !== '1')
    throw invalidInput('progressType', 'must be 0 (all entities) or 1 (mandatory ones)');
  return text === '1';
}

function targetOf(request: FastifyRequest): service.ReportTarget {
  const params = request.params as Record<string, string>;
  return {
    courseId: pathId(params, 'courseId'),
    batchId: params.batchId === undefined ? null : pathId(params, 'batchId'),
  };
}

/** Registers the course-progress endpoints. */
export function registerProgressReportRoutes(app: FastifyInstance, context: AppContext): void {
  /** Both families of one course-level route: `/courses/{c}{rest}` and `/courses/{c}/batches/{b}{rest}`. */
  const both = (
    rest: string,
    operationId: string,
    schema: { params: string[]; querystring?: TSchema; response: TSchema; description: string },
    handler: (request: FastifyRequest) => Promise<unknown>,
  ) => {
    for (const blended of [false, true]) {
      const url = `/api/v1/courses/:courseId${blended ? '/batches/:batchId' : ''}${rest}`;
      const params = blended ? ['courseId', 'batchId', ...schema.params] : ['courseId', ...schema.params];
      app.get(
        url,
        {
          config: { scope: 'READ' },
          schema: {
            operationId: blended ? `${operationId}InBatch` : operationId,
            description: schema.description,
            tags: ['progress'],
            params: reportPathParams(...params),
            ...(schema.querystring === undefined ? {} : { querystring: schema.querystring }),
            response: { 200: schema.response, ...errorResponses },
          },
        },
        handler,
      );
    }
  };

  app.get(
    '/api/v1/learners/:learnerId/course-progress',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getLearnerCoursesProgress',
        description: 'Every course and batch the learner is enrolled in, with their progress (25 a page).',
        tags: ['progress'],
        params: reportPathParams('learnerId'),
        querystring: progressListQuery,
        response: { 200: CourseProgressListEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const learnerId = pathId(request.params, 'learnerId');
      const reports = await service.learnerProgressEverywhere(
        context,
        request.caller,
        learnerId,
        readStartIndex(request),
        pageSize + 1,
      );
      return courseProgressPage(reports, publicBase(request, context.config));
    },
  );

  both(
    '/learners/:learnerId/course-progress',
    'getLearnerCourseProgress',
    {
      params: ['learnerId'],
      querystring: getLearnerCourseProgressQuery,
      response: CourseProgressEnvelope,
      description: 'One learner in one course or batch; progressType 1 counts the mandatory entities only.',
    },
    async (request) => {
      const mandatoryOnly = readProgressType(request);
      readStartIndex(request);
      const learnerId = pathId(request.params, 'learnerId');
      const report = await service.learnerCourseProgress(context, request.caller, targetOf(request), learnerId);
      return {
        code: '200',
        courseProgress: presentCourseProgress(report, publicBase(request, context.config), mandatoryOnly),
        message: 'success',
      };
    },
  );

  both(
    '/course-progress',
    'getCourseLearnersProgress',
    {
      params: [],
      querystring: progressListQuery,
      response: CourseProgressListEnvelope,
      description: "Every enrolled learner's progress in the course or batch (25 a page); course managers only.",
    },
    async (request) => {
      const startIndex = readStartIndex(request);
      const reports = await service.placeProgress(context, request.caller, targetOf(request), startIndex, pageSize + 1);
      return courseProgressPage(reports, publicBase(request, context.config));
    },
  );

  both(
    '/modules/:moduleId/learners/:learnerId/progress',
    'getLearnerModuleProgress',
    {
      params: ['moduleId', 'learnerId'],
      response: ModuleProgressEnvelope,
      description: "One learner's progress in one module, entity by entity.",
    },
    async (request) => {
      const moduleId = pathId(request.params, 'moduleId');
      const learnerId = pathId(request.params, 'learnerId');
      const report = await service.moduleProgress(context, request.caller, targetOf(request), moduleId, learnerId);
      return {
        code: '200',
        moduleProgress: presentModuleProgress(report.module, report.learner, publicBase(request, context.config)),
        message: 'success',
      };
    },
  );

  both(
    '/learners/:learnerId/progress',
    'getLearnerEntityTypeProgress',
    {
      params: ['learnerId'],
      querystring: getLearnerEntityTypeProgressQuery,
      response: EntityProgressListEnvelope,
      description: "One learner's entities of one type (entityType 0 to 6, or files, links, ...), 25 a page.",
    },
    async (request) => {
      const entityType = readEntityType(readParameter(request, 'entityType'), 'entityType');
      const startIndex = readStartIndex(request);
      const learnerId = pathId(request.params, 'learnerId');
      const found = await service.entitiesProgress(context, request.caller, targetOf(request), learnerId, entityType);
      const { items, hasMoreRecords } = page(found.entities.slice(startIndex, startIndex + pageSize + 1));
      return { entities: items.map(presentEntityProgress), code: '200', message: 'success', hasMoreRecords };
    },
  );

  both(
    '/learners/:learnerId/:entityType/:entityId/progress',
    'getLearnerEntityProgress',
    {
      params: ['learnerId', 'entityType', 'entityId'],
      response: EntityProgressEnvelope,
      description: "One learner's progress in one entity; entityType is files, links, ... or the code 0 to 6.",
    },
    async (request) => {
      const params = request.params as Record<string, string>;
      const entityType = readEntityType(params.entityType, 'entityType');
      const entityId = pathId(params, 'entityId');
      const learnerId = pathId(params, 'learnerId');
      const found = await service.entitiesProgress(context, request.caller, targetOf(request), learnerId, entityType);
      const entity = found.entities.find((candidate) => candidate.entityId === entityId);
      if (entity === undefined) throw notFound('entity of that type', entityId);
      return { code: '200', entityProgress: presentEntityProgress(entity), message: 'success' };
    },
  );
}
