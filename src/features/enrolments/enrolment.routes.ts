/** Zoho's Course Learner API: enrol, unenrol and remove learners of a course or of a blended course's batch. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses, SuccessBody, success } from '../../http/envelope.ts';
import { parseBoolean, pathId, readIdList, readParameter } from '../../http/input.ts';
import { publicBase } from '../../http/public-base.ts';
import { presentOutcomes } from './enrolment.presenter.ts';
import {
  BatchParams,
  CourseParams,
  enrolmentChangeBody,
  enrolmentChangeQuery,
  LearnersEnvelope,
  removeLearnerParams,
  removeLearnerQuery,
} from './enrolment.schemas.ts';
import { enrolLearners } from './enrolment.service.ts';
import type { EnrolmentTarget } from './enrolment-target.ts';
import { removeLearner, unenrolLearners } from './unenrolment.service.ts';

/** notifyApplicableUsers from the query or the body; default: the portal's setting for enrolments (true unless changed). */
function readNotify(request: FastifyRequest) {
  return {
    notify:
      parseBoolean(readParameter(request, 'notifyApplicableUsers'), 'notifyApplicableUsers') ??
      request.caller.notificationDefaults.enrolments,
  };
}

function targetOf(request: FastifyRequest, batch: boolean): EnrolmentTarget {
  return {
    courseId: pathId(request.params, 'courseId'),
    batchId: batch ? pathId(request.params, 'batchId') : null,
  };
}

/** Registers enrol, unenrol (POST, scope CREATE) and remove (DELETE) for courses and batches. */
export function registerEnrolmentRoutes(app: FastifyInstance, context: AppContext): void {
  for (const batch of [false, true]) {
    const base = batch ? '/api/v1/courses/:courseId/batches/:batchId' : '/api/v1/courses/:courseId';
    const noun = batch ? 'Batch' : 'Course';
    const tags = ['course learners'];
    const params = batch ? BatchParams : CourseParams;
    for (const [path, verb, action] of [
      ['enroll', 'enrol', enrolLearners],
      ['unenroll', 'unenrol', unenrolLearners],
    ] as const) {
      app.post(
        `${base}/${path}`,
        {
          config: { scope: 'CREATE' },
          schema: {
            operationId: `${verb}${noun}Learners`,
            tags,
            params,
            querystring: enrolmentChangeQuery,
            body: enrolmentChangeBody,
            response: { 200: LearnersEnvelope, ...errorResponses },
          },
        },
        async (request) => {
          const target = targetOf(request, batch);
          const erecnos = readIdList(request, 'erecnosList');
          const outcomes = await action(context, request.caller, target, erecnos, readNotify(request));
          return presentOutcomes(outcomes, publicBase(request, context.config));
        },
      );
    }
    app.delete(
      `${base}/learners/:learnerId`,
      {
        config: { scope: 'DELETE' },
        schema: {
          operationId: `remove${noun}Learner`,
          tags,
          params: removeLearnerParams(params),
          querystring: removeLearnerQuery,
          body: enrolmentChangeBody,
          response: { 200: SuccessBody, ...errorResponses },
        },
      },
      async (request) => {
        const learnerId = pathId(request.params, 'learnerId');
        await removeLearner(context, request.caller, targetOf(request, batch), learnerId, readNotify(request));
        return success;
      },
    );
  }
}
