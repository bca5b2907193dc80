/**
 * Lectern's learning path read: one learner's modules and entities in order, with what is locked and why in words
 * (Zoho's reports say only isLocked). Both families: a self-paced or e-material course, or a blended course's batch.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/envelope.ts';
import { pathId } from '../../http/input.ts';
import { presentLearningPath } from './learning-path.presenter.ts';
import { LearningPathEnvelope } from './learning-path.schemas.ts';
import { reportPathParams } from './progress-report.schemas.ts';
import { learnerCourseProgress } from './progress-report.service.ts';

function targetOf(request: FastifyRequest, blended: boolean) {
  return {
    courseId: pathId(request.params, 'courseId'),
    batchId: blended ? pathId(request.params, 'batchId') : null,
  };
}

/** Registers GET /lectern/v1/courses/{c}[/batches/{b}]/learners/{l}/learning-path (scope READ). */
export function registerLearningPathRoutes(app: FastifyInstance, context: AppContext): void {
  for (const blended of [false, true]) {
    const params = blended ? ['courseId', 'batchId', 'learnerId'] : ['courseId', 'learnerId'];
    app.get(
      `/lectern/v1/courses/:courseId${blended ? '/batches/:batchId' : ''}/learners/:learnerId/learning-path`,
      {
        config: { scope: 'READ' },
        schema: {
          operationId: blended ? 'getLearningPathInBatch' : 'getLearningPath',
          description:
            "One learner's modules and entities in order, with progress and why each locked one is locked (a date or the module to finish first); the learner, their manager, the course's admins and trainers and LMS admins.",
          tags: ['progress'],
          params: reportPathParams(...params),
          response: { 200: LearningPathEnvelope, ...errorResponses },
        },
      },
      async (request) => {
        const learnerId = pathId(request.params, 'learnerId');
        const report = await learnerCourseProgress(context, request.caller, targetOf(request, blended), learnerId);
        return { code: '200', learningPath: presentLearningPath(report), message: 'success' };
      },
    );
  }
}
