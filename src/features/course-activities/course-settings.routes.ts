import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/envelope.ts';
import { pathId } from '../../http/input.ts';
import { publicBase } from '../../http/public-base.ts';
import { getCourseSettings } from '../courses/index.ts';
import { presentCourseActivities } from './course-activity.presenter.ts';
import { CourseParams, getCourseSettingsResponse200 } from './course-activity.schemas.ts';
import { listCourseActivityTests } from './course-activity.service.ts';

/** Registers GET /courses/:courseId/settings (after the sharing routes, where Zoho's list places it). */
export function registerCourseSettingsRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/api/v1/courses/:courseId/settings',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getCourseSettings',
        tags: ['settings'],
        params: CourseParams,
        response: {
          200: getCourseSettingsResponse200,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { courseId, settings } = await getCourseSettings(
        context,
        request.caller,
        pathId(request.params, 'courseId'),
      );
      const activities = presentCourseActivities(
        await listCourseActivityTests(context, request.caller, courseId),
        publicBase(request, context.config),
      );
      return {
        code: '200' as const,
        settings: {
          courseId,
          permissionSettings: {
            whoCanEnroll: settings.whoCanEnroll,
            whoCanUnenroll: settings.whoCanUnenroll,
            whenAnEntityIsConsideredAsCompleted: String(settings.whenAnEntityIsConsideredAsCompleted),
            whenACourseIsConsideredAsCompleted: String(settings.whenACourseIsConsideredAsCompleted),
            whenAModuleIsConsideredAsCompleted: String(settings.whenAModuleIsConsideredAsCompleted),
          },
          ...activities,
        },
        message: 'success' as const,
      };
    },
  );
}
