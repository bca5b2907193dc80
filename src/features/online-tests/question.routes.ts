/**
 * Routes of Lectern's online test questions and attempts, both module families, under /lectern/v1 (Zoho documents
 * neither): the course's managers keep the questions; an enrolled learner starts and submits attempts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses, SuccessBody, success } from '../../http/envelope.ts';
import { pathId } from '../../http/input.ts';
import { entityPath, familiesUnder } from '../entities/index.ts';
import * as attempts from './attempt.service.ts';
import {
  AttemptEnvelope,
  AttemptResultEnvelope,
  AttemptsSummaryEnvelope,
  attemptParams,
  QuestionBody,
  QuestionEnvelope,
  QuestionListEnvelope,
  QuestionUpdateBody,
  questionListParams,
  questionParams,
  SubmitBody,
} from './question.schemas.ts';
import * as questions from './question.service.ts';

function testPath(request: FastifyRequest): attempts.TestPath {
  const path = entityPath(request.params);
  return { ...path, moduleId: path.moduleId!, testId: pathId(request.params, 'onlineTestId') };
}

function route(
  operationId: string,
  scope: 'READ' | 'CREATE' | 'UPDATE' | 'DELETE',
  description: string,
  schema: object,
) {
  return { config: { scope }, schema: { operationId, description, tags: ['onlineTests'], ...schema } };
}

function iso(epoch: number | null): string | null {
  return epoch === null ? null : new Date(epoch).toISOString();
}

/** Registers the questions and attempts of module online tests. */
export function registerQuestionRoutes(app: FastifyInstance, context: AppContext): void {
  for (const family of familiesUnder('/lectern/v1')) {
    const testUrl = `${family.base}/modules/:moduleId/onlineTests/:onlineTestId`;
    const noun = `${family.infix}OnlineTest`;
    app.get(
      `${testUrl}/questions`,
      route(`list${noun}Questions`, 'READ', "A test's questions with their correct options (the course's managers).", {
        params: questionListParams(family.batch),
        response: { 200: QuestionListEnvelope, ...errorResponses },
      }),
      async (request) => {
        const path = testPath(request);
        const list = await questions.listQuestions(context, request.caller, path, path.testId);
        return { code: '200' as const, questions: list, message: 'success' as const };
      },
    );
    app.post(
      `${testUrl}/questions`,
      route(`create${noun}Question`, 'CREATE', "Adds a question at the end of the test (the course's managers).", {
        params: questionListParams(family.batch),
        body: QuestionBody,
        response: { 200: QuestionEnvelope, ...errorResponses },
      }),
      async (request) => {
        const path = testPath(request);
        const input = request.body as questions.QuestionInput;
        const question = await questions.createQuestion(context, request.caller, path, path.testId, input);
        return { code: '200' as const, question, message: 'success' as const };
      },
    );
    app.patch(
      `${testUrl}/questions/:questionId`,
      route(`update${noun}Question`, 'UPDATE', 'Changes a question: the keys sent replace the stored ones.', {
        params: questionParams(family.batch),
        body: QuestionUpdateBody,
        response: { 200: QuestionEnvelope, ...errorResponses },
      }),
      async (request) => {
        const path = testPath(request);
        const questionId = pathId(request.params, 'questionId');
        const input = (request.body ?? {}) as Partial<questions.QuestionInput>;
        const question = await questions.updateQuestion(context, request.caller, path, path.testId, questionId, input);
        return { code: '200' as const, question, message: 'success' as const };
      },
    );
    app.delete(
      `${testUrl}/questions/:questionId`,
      route(`delete${noun}Question`, 'DELETE', 'Deletes a question; submitted attempts keep their marks.', {
        params: questionParams(family.batch),
        response: { 200: SuccessBody, ...errorResponses },
      }),
      async (request) => {
        const path = testPath(request);
        const questionId = pathId(request.params, 'questionId');
        await questions.deleteQuestion(context, request.caller, path, path.testId, questionId);
        return success;
      },
    );
    app.get(
      `${testUrl}/attempts`,
      route(`get${noun}Attempts`, 'READ', "The calling learner's attempts: used, left, passed, the open one.", {
        params: questionListParams(family.batch),
        response: { 200: AttemptsSummaryEnvelope, ...errorResponses },
      }),
      async (request) => {
        const summary = await attempts.attemptsSummary(context, request.caller, testPath(request));
        return { code: '200' as const, attempts: summary, message: 'success' as const };
      },
    );
    app.post(
      `${testUrl}/attempts`,
      route(
        `start${noun}Attempt`,
        'CREATE',
        'The calling learner starts an attempt (or gets the open one back): its questions without their answers.',
        { params: questionListParams(family.batch), response: { 200: AttemptEnvelope, ...errorResponses } },
      ),
      async (request) => {
        const view = await attempts.startAttempt(context, request.caller, testPath(request));
        const attempt = { ...view, startedAt: iso(view.startedAt)!, deadline: iso(view.deadline) };
        return { code: '200' as const, attempt, message: 'success' as const };
      },
    );
    app.post(
      `${testUrl}/attempts/:attemptId/submit`,
      route(
        `submit${noun}Attempt`,
        'CREATE',
        "Submits the answers of an open attempt: scored by the server; the best attempt is the learner's result.",
        {
          params: attemptParams(family.batch),
          body: SubmitBody,
          response: { 200: AttemptResultEnvelope, ...errorResponses },
        },
      ),
      async (request) => {
        const { answers } = request.body as { answers: { questionId: string; selectedOptions: number[] }[] };
        const attemptId = pathId(request.params, 'attemptId');
        const result = await attempts.submitAttempt(context, request.caller, testPath(request), attemptId, answers);
        return { code: '200' as const, result, message: 'success' as const };
      },
    );
  }
}
