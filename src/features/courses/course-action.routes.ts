/** Zoho's Course Action API: publish, unpublish, enable, disable, favourite and unfavourite. */
import type { TObject } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput } from '../../errors.ts';
import { errorResponses, SuccessBody, success } from '../../http/envelope.ts';
import { parseBoolean, pathId, readParameter } from '../../http/input.ts';
import { CourseParams } from './course.schemas.ts';
import {
  CourseStatusEnvelope,
  courseActionBody,
  courseActionWithoutParametersQuery,
  courseSwitchQuery,
  publishCourseQuery,
} from './course-action.schemas.ts';
import * as actions from './course-action.service.ts';

function statusBody(courseId: string, status: string) {
  return { code: '200' as const, course: { courseId, status }, message: 'success' as const };
}

function readComment(request: FastifyRequest): string | null {
  const comment = readParameter(request, 'comment');
  if (comment === undefined || comment === null || comment === '') return null;
  if (typeof comment !== 'string' || comment.length > 2000) {
    throw invalidInput('comment', 'must be a text of at most 2000 characters');
  }
  return comment;
}

/** Registers the course action endpoints. */
export function registerCourseActionRoutes(app: FastifyInstance, context: AppContext): void {
  const action = (operationId: string, path: string, query: TObject) => ({
    config: { scope: 'CREATE' as const },
    schema: {
      operationId,
      tags: ['course actions'],
      params: CourseParams,
      querystring: query,
      body: courseActionBody,
      response: {
        200: path === 'status' ? CourseStatusEnvelope : SuccessBody,
        ...errorResponses,
      },
    },
  });
  const none = courseActionWithoutParametersQuery;

  app.post(
    '/api/v1/courses/:courseId/publish',
    action('publishCourse', 'status', publishCourseQuery),
    async (request) => {
      const courseId = pathId(request.params, 'courseId');
      // Zoho's page leaves the default blank: without True, nobody is e-mailed (webhooks get the event regardless).
      const notify =
        parseBoolean(readParameter(request, 'notifyApplicableUsers'), 'notifyApplicableUsers') ??
        request.caller.notificationDefaults.coursePublished;
      await actions.publishCourse(context, request.caller, courseId, { notify });
      return statusBody(courseId, 'published');
    },
  );

  app.post('/api/v1/courses/:courseId/unpublish', action('unpublishCourse', 'status', none), async (request) => {
    const courseId = pathId(request.params, 'courseId');
    await actions.unpublishCourse(context, request.caller, courseId);
    return statusBody(courseId, 'unpublished');
  });

  app.post('/api/v1/courses/:courseId/enable', action('enableCourse', 'status', courseSwitchQuery), async (request) => {
    const courseId = pathId(request.params, 'courseId');
    await actions.setCourseDisabled(context, request.caller, courseId, false, readComment(request));
    return statusBody(courseId, 'enabled');
  });

  app.post(
    '/api/v1/courses/:courseId/disable',
    action('disableCourse', 'status', courseSwitchQuery),
    async (request) => {
      const courseId = pathId(request.params, 'courseId');
      await actions.setCourseDisabled(context, request.caller, courseId, true, readComment(request));
      return statusBody(courseId, 'disabled');
    },
  );

  app.post('/api/v1/courses/:courseId/favorite', action('favouriteCourse', 'plain', none), async (request) => {
    await actions.setFavourite(context, request.caller, pathId(request.params, 'courseId'), true);
    return success;
  });

  app.post('/api/v1/courses/:courseId/unfavorite', action('unfavouriteCourse', 'plain', none), async (request) => {
    await actions.setFavourite(context, request.caller, pathId(request.params, 'courseId'), false);
    return success;
  });
}
