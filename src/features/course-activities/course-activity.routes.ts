/**
 * Pre/Post Learning Activities: `/api/v1/courses/{c}/settings/{pre|post}courseactivities/onlineTests[/{testId}]`.
 * Zoho documents add (POST), edit (PATCH) and delete; the single and list fetches are Lectern's, under /lectern/v1.
 */

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { readDataObjectInput } from '../../http/data-object.ts';
import { errorResponses, page, pageSize } from '../../http/envelope.ts';
import { pathId, readStartIndex } from '../../http/input.ts';
import { publicBase } from '../../http/public-base.ts';
import type { EntityView } from '../entities/index.ts';
import {
  OnlineTestDataInput,
  type OnlineTestInput,
  OnlineTestUpdateInput,
  presentOnlineTest,
} from '../online-tests/index.ts';
import {
  ActivityTestDeletedBody,
  ActivityTestEnvelope,
  ActivityTestListEnvelope,
  ActivityTestParams,
  activityListQuery,
  activityTestDataBody,
  activityTestDataName,
  addActivityTestQuery,
  CourseParams,
  editActivityTestQuery,
} from './course-activity.schemas.ts';
import * as service from './course-activity.service.ts';

const tags = ['course activities'];

/** Registers add, edit, delete, fetch and list of pre- and post-course online tests. */
export function registerCourseActivityRoutes(app: FastifyInstance, context: AppContext): void {
  const answer = (request: FastifyRequest, view: EntityView) => ({
    code: 200 as const,
    onlineTest: presentOnlineTest(view, publicBase(request, context.config)),
    message: 'success' as const,
  });
  for (const stage of ['pre', 'post'] as const) {
    const tail = `/courses/:courseId/settings/${stage}courseactivities/onlineTests`;
    const base = `/api/v1${tail}`;
    const ownBase = `/lectern/v1${tail}`;
    const noun = `${stage === 'pre' ? 'Pre' : 'Post'}CourseOnlineTest`;
    const ids = (params: unknown) => ({ courseId: pathId(params, 'courseId'), testId: pathId(params, 'testId') });

    app.post(
      base,
      {
        config: { scope: 'CREATE' },
        schema: {
          operationId: `create${noun}`,
          tags,
          params: CourseParams,
          querystring: addActivityTestQuery,
          body: activityTestDataBody,
          response: { 200: ActivityTestEnvelope, ...errorResponses },
        },
      },
      async (request, reply) => {
        const courseId = pathId(request.params, 'courseId');
        const input = readDataObjectInput<OnlineTestInput>(request, reply, activityTestDataName, OnlineTestDataInput);
        return answer(request, await service.createActivityTest(context, request.caller, stage, courseId, input));
      },
    );
    app.patch(
      `${base}/:testId`,
      {
        config: { scope: 'UPDATE' },
        schema: {
          operationId: `update${noun}`,
          tags,
          params: ActivityTestParams,
          querystring: editActivityTestQuery,
          body: activityTestDataBody,
          response: { 200: ActivityTestEnvelope, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { courseId, testId } = ids(request.params);
        const input = readDataObjectInput<OnlineTestInput>(request, reply, activityTestDataName, OnlineTestUpdateInput);
        const view = await service.updateActivityTest(context, request.caller, stage, courseId, testId, input);
        return answer(request, view);
      },
    );
    app.delete(
      `${base}/:testId`,
      {
        config: { scope: 'DELETE' },
        schema: {
          operationId: `delete${noun}`,
          tags,
          params: ActivityTestParams,
          response: { 200: ActivityTestDeletedBody, ...errorResponses },
        },
      },
      async (request) => {
        const { courseId, testId } = ids(request.params);
        await service.deleteActivityTest(context, request.caller, stage, courseId, testId);
        return { code: 200 as const, message: 'success' as const };
      },
    );
    app.get(
      `${ownBase}/:testId`,
      {
        config: { scope: 'READ' },
        schema: {
          operationId: `get${noun}`,
          description: "Lectern's addition: Zoho documents no fetch.",
          tags,
          params: ActivityTestParams,
          response: { 200: ActivityTestEnvelope, ...errorResponses },
        },
      },
      async (request) => {
        const { courseId, testId } = ids(request.params);
        return answer(request, await service.getActivityTest(context, request.caller, stage, courseId, testId));
      },
    );
    app.get(
      ownBase,
      {
        config: { scope: 'READ' },
        schema: {
          operationId: `list${noun}s`,
          description: "Lectern's addition: Zoho documents no list (course settings list them too).",
          tags,
          params: CourseParams,
          querystring: activityListQuery,
          response: { 200: ActivityTestListEnvelope, ...errorResponses },
        },
      },
      async (request) => {
        const courseId = pathId(request.params, 'courseId');
        const views = await service.listActivityTests(
          context,
          request.caller,
          stage,
          courseId,
          readStartIndex(request),
          pageSize + 1,
        );
        const { items, hasMoreRecords } = page(views);
        const origin = publicBase(request, context.config);
        return {
          code: 200 as const,
          onlineTests: items.map((view) => presentOnlineTest(view, origin)),
          message: 'success' as const,
          hasMoreRecords,
        };
      },
    );
  }
}
