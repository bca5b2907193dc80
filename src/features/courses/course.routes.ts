/** Zoho's Course API: create, fetch one, fetch all, my courses, update, delete. */

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput, missingInput } from '../../errors.ts';
import { readDataObjectInput } from '../../http/data-object.ts';
import { errorResponses, listEnvelope, page, pageSize } from '../../http/envelope.ts';
import {
  parseBoolean,
  pathId,
  readDataObject,
  readParameter,
  readStartIndex,
  requireDataObject,
} from '../../http/input.ts';
import { publicBase } from '../../http/public-base.ts';
import { isNumericId } from '../../ids.ts';
import { type CourseView, presentCourse } from './course.presenter.ts';
import {
  CourseDataInput,
  CourseEnvelope,
  CourseListQuery,
  CourseParams,
  CourseSchema,
  CourseUpdateInput,
  createCourseBody,
  createCourseQuery,
  getCourseQuery,
  updateCourseBody,
  updateCourseByQueryBody,
  updateCourseByQueryQuery,
  updateCourseQuery,
} from './course.schemas.ts';
import * as service from './course.service.ts';
import type { CourseFilters } from './course-list.repository.ts';
import * as courseViews from './course-view.service.ts';

async function envelope(context: AppContext, request: FastifyRequest, loaded: CourseView, batchId?: string) {
  const [view] = await courseViews.withCallerProgress(context, request.caller, [loaded], batchId);
  return {
    code: '200' as const,
    course: presentCourse(view!, request.caller, publicBase(request, context.config)),
    message: 'success' as const,
  };
}

const numericFilter = (request: FastifyRequest, name: string) => {
  const raw = readParameter(request, name);
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw invalidInput(name, `must be a whole number, got ${JSON.stringify(raw)}`);
  return value;
};

/** Reads and checks the list filters (Zoho's names and values). */
function readFilters(request: FastifyRequest): CourseFilters {
  const filters: CourseFilters = {};
  const search = readParameter(request, 'search');
  if (typeof search === 'string' && search.trim() !== '') filters.search = search.trim();
  const type = numericFilter(request, 'type');
  if (type !== undefined) {
    if (type < 1 || type > 3)
      throw invalidInput('type', 'must be 1 (self paced), 2 (blended learning) or 3 (e-material)');
    filters.type = type;
  }
  const categoryId = readParameter(request, 'categoryId');
  if (typeof categoryId === 'string' && categoryId !== '') {
    if (categoryId.toLowerCase() === 'myfavouritecategories') filters.favouritesOnly = true;
    else if (isNumericId(categoryId)) filters.categoryId = categoryId;
    else throw invalidInput('categoryId', 'must be a category id or MyfavouriteCategories');
  }
  const trainerId = readParameter(request, 'trainerId');
  if (typeof trainerId === 'string' && trainerId !== '') {
    if (!isNumericId(trainerId)) throw invalidInput('trainerId', 'must be a numeric id');
    filters.trainerId = trainerId;
  }
  const state = readParameter(request, 'state');
  if (typeof state === 'string' && state !== '') {
    const states: Record<string, number> = { drafted: 0, published: 1, disabled: 2 };
    const status = states[state.toLowerCase()];
    if (status === undefined) throw invalidInput('state', 'must be drafted, published or disabled');
    filters.status = status;
  }
  const sortBy = readParameter(request, 'sortBy');
  if (typeof sortBy === 'string' && sortBy !== '') {
    if (sortBy !== 'name' && sortBy !== '-name') throw invalidInput('sortBy', 'must be name or -name');
    filters.sortBy = sortBy;
  }
  filters.createdFrom = numericFilter(request, 'startDate');
  filters.createdTo = numericFilter(request, 'endDate');
  if (filters.createdFrom !== undefined && filters.createdTo !== undefined && filters.createdTo < filters.createdFrom) {
    throw invalidInput('endDate', 'must not be before startDate');
  }
  filters.sharedToMe = parseBoolean(readParameter(request, 'sharedToMe'), 'sharedToMe');
  filters.suggestedToMe = parseBoolean(readParameter(request, 'suggestedToMe'), 'suggestedToMe');
  return filters;
}

/** Registers the course endpoints. */
export function registerCourseRoutes(app: FastifyInstance, context: AppContext): void {
  const listResponse = { 200: listEnvelope('courses', CourseSchema), ...errorResponses };
  const list = (mineOnly: boolean) => async (request: FastifyRequest) => {
    const filters = { ...readFilters(request), mineOnly };
    const views = await service.listCourses(context, request.caller, filters, readStartIndex(request), pageSize + 1);
    const { items, hasMoreRecords } = page(views);
    const withProgress = await courseViews.withCallerProgress(context, request.caller, items);
    return {
      courses: withProgress.map((view) => presentCourse(view, request.caller, publicBase(request, context.config))),
      code: '200',
      message: 'success',
      hasMoreRecords,
    };
  };

  app.post(
    '/api/v1/courses',
    {
      config: { scope: 'CREATE' },
      schema: {
        operationId: 'createCourse',
        tags: ['courses'],
        querystring: createCourseQuery,
        body: createCourseBody,
        response: { 200: CourseEnvelope, ...errorResponses },
      },
    },
    async (request, reply) => {
      const input = readDataObjectInput<typeof CourseDataInput.static>(request, reply, 'courseData', CourseDataInput);
      return envelope(context, request, await service.createCourse(context, request.caller, input));
    },
  );

  app.get(
    '/api/v1/courses',
    {
      config: { scope: 'READ' },
      schema: { operationId: 'listCourses', tags: ['courses'], querystring: CourseListQuery, response: listResponse },
    },
    list(false),
  );

  app.get(
    '/api/v1/courses/mycourses',
    {
      config: { scope: 'READ' },
      schema: { operationId: 'listMyCourses', tags: ['courses'], querystring: CourseListQuery, response: listResponse },
    },
    list(true),
  );

  app.get(
    '/api/v1/courses/:courseId',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getCourse',
        tags: ['courses'],
        params: CourseParams,
        querystring: getCourseQuery,
        response: { 200: CourseEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const courseId = pathId(request.params, 'courseId');
      const batchId = (request.query as { batchId?: string }).batchId;
      if (batchId !== undefined && batchId !== '' && batchId !== '0' && !isNumericId(batchId)) {
        throw invalidInput('batchId', 'must be a numeric id');
      }
      const view = await courseViews.getCourseView(context.db, request.caller, courseId);
      return envelope(context, request, view, batchId === '' || batchId === '0' ? undefined : batchId);
    },
  );

  const update = async (request: FastifyRequest, reply: FastifyReply, courseId: string, usedKeys: string[] = []) => {
    const input = readDataObjectInput<typeof CourseUpdateInput.static>(
      request,
      reply,
      'courseData',
      CourseUpdateInput,
      {
        usedKeys,
      },
    );
    return envelope(context, request, await service.updateCourse(context, request.caller, courseId, input));
  };

  app.patch(
    '/api/v1/courses/:courseId',
    {
      config: { scope: 'UPDATE' },
      schema: {
        operationId: 'updateCourse',
        tags: ['courses'],
        params: CourseParams,
        querystring: updateCourseQuery,
        body: updateCourseBody,
        response: { 200: CourseEnvelope, ...errorResponses },
      },
    },
    (request, reply) => update(request, reply, pathId(request.params, 'courseId')),
  );

  app.patch(
    '/api/v1/courses',
    {
      config: { scope: 'UPDATE' },
      schema: {
        operationId: 'updateCourseByQuery',
        description:
          'The older doc page leaves the id out of the path: it is read from courseId (query, body or courseData).',
        tags: ['courses'],
        querystring: updateCourseByQueryQuery,
        body: updateCourseByQueryBody,
        response: { 200: CourseEnvelope, ...errorResponses },
      },
    },
    (request, reply) => {
      const raw = readParameter(request, 'courseId') ?? requireDataObject(request, 'courseData').courseId;
      if (raw === undefined) throw missingInput('courseId');
      const courseId = String(raw);
      if (!isNumericId(courseId)) throw invalidInput('courseId', 'must be a numeric id');
      // courseData's own courseId is used, not ignored, when it names this course; one naming another is reported.
      const inData = readDataObject(request, 'courseData')?.courseId;
      return update(request, reply, courseId, inData !== undefined && String(inData) === courseId ? ['courseId'] : []);
    },
  );
}
