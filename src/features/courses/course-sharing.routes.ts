/** Sharing and suggesting courses and the suggested-to-me count. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput, missingInput } from '../../errors.ts';
import { errorResponses, listEnvelope, page, pageSize, SuccessBody, success } from '../../http/envelope.ts';
import { pathId, readIdList, readParameter, readStartIndex } from '../../http/input.ts';
import { publicBase } from '../../http/public-base.ts';
import { isNumericId } from '../../ids.ts';
import { PersonSchema, presentPerson } from '../people/index.ts';
import { CourseParams } from './course.schemas.ts';
import * as actions from './course-action.service.ts';
import {
  countSuggestedCoursesResponse200,
  courseAudienceQuery,
  listSharedUsersQuery,
  shareCourseBody,
  shareCourseResponse200,
  suggestCourseBody,
  suggestCourseResponse200,
  unshareCourseBody,
  unshareCourseQuery,
} from './course-sharing.schemas.ts';

/** Registers share, unshare, shared users, suggest and suggested count. */
export function registerCourseSharingRoutes(app: FastifyInstance, context: AppContext): void {
  app.put(
    '/api/v1/courses/:courseId/share',
    {
      config: { scope: 'CREATE' },
      schema: {
        operationId: 'shareCourse',
        tags: ['course actions'],
        params: CourseParams,
        querystring: courseAudienceQuery,
        body: shareCourseBody,
        response: { 200: shareCourseResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const courseId = pathId(request.params, 'courseId');
      const people = await actions.shareCourse(context, request.caller, courseId, readIdList(request, 'erecnosList'));
      return {
        sharedUsers: people.map((row) => presentPerson(row, publicBase(request, context.config))),
        code: '200',
        message: 'success',
      };
    },
  );

  app.delete(
    '/api/v1/courses/:courseId/share',
    {
      config: { scope: 'DELETE' },
      schema: {
        operationId: 'unshareCourse',
        tags: ['course actions'],
        params: CourseParams,
        querystring: unshareCourseQuery,
        body: unshareCourseBody,
        response: { 200: SuccessBody, ...errorResponses },
      },
    },
    async (request) => {
      const courseId = pathId(request.params, 'courseId');
      const raw = readParameter(request, 'sharedUserErecno');
      if (raw === undefined || raw === '') throw missingInput('sharedUserErecno');
      const erecno = String(raw).trim();
      if (!isNumericId(erecno)) throw invalidInput('sharedUserErecno', 'must be a numeric erecno');
      await actions.unshareCourse(context, request.caller, courseId, erecno);
      return success;
    },
  );

  app.get(
    '/api/v1/courses/:courseId/share',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listSharedUsers',
        tags: ['course actions'],
        params: CourseParams,
        querystring: listSharedUsersQuery,
        response: { 200: listEnvelope('sharedUsers', PersonSchema), ...errorResponses },
      },
    },
    async (request) => {
      const courseId = pathId(request.params, 'courseId');
      const rows = await actions.listSharedUsers(
        context,
        request.caller,
        courseId,
        readStartIndex(request),
        pageSize + 1,
      );
      const { items, hasMoreRecords } = page(rows);
      return {
        sharedUsers: items.map((row) => presentPerson(row, publicBase(request, context.config))),
        code: '200',
        message: 'success',
        hasMoreRecords,
      };
    },
  );

  app.post(
    '/api/v1/courses/:courseId/suggest',
    {
      config: { scope: 'CREATE' },
      schema: {
        operationId: 'suggestCourse',
        tags: ['course actions'],
        params: CourseParams,
        querystring: courseAudienceQuery,
        body: suggestCourseBody,
        response: { 200: suggestCourseResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const courseId = pathId(request.params, 'courseId');
      const people = await actions.suggestCourse(context, request.caller, courseId, readIdList(request, 'erecnosList'));
      return {
        suggestedUsers: people.map((row) => presentPerson(row, publicBase(request, context.config))),
        code: '200',
        message: 'success',
      };
    },
  );

  app.get(
    '/api/v1/stats/courses/counts/suggestedToMe',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'countSuggestedCourses',
        tags: ['course actions'],
        response: {
          200: countSuggestedCoursesResponse200,
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      code: '200' as const,
      message: 'success' as const,
      count: await actions.countSuggestedToMe(context, request.caller),
    }),
  );
}
