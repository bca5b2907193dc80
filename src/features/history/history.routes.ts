import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput } from '../../errors.ts';
import { errorResponses, pageSize } from '../../http/envelope.ts';
import { pathId, readParameter, readStartIndex } from '../../http/input.ts';
import { publicBase } from '../../http/public-base.ts';
import { isNumericId } from '../../ids.ts';
import { presentHistoryRow } from './history.presenter.ts';
import {
  getCourseHistoryParams,
  getLearnerHistoryParams,
  HistoryEnvelope,
  HistoryQuerystring,
  maximumLimit,
} from './history.schemas.ts';
import { courseHistory, type HistoryPage, type HistoryQuery, learnerHistory } from './history.service.ts';

const eventName = /^[a-z]+\.[a-zA-Z]+\.v[0-9]+$/;

function wholeNumber(request: FastifyRequest, name: string, minimum: number, maximum: number): number | undefined {
  const raw = readParameter(request, name);
  if (raw === undefined || raw === '') return undefined;
  const value = /^\s*\d+\s*$/.test(String(raw)) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < minimum || value > maximum) {
    throw invalidInput(name, `must be a whole number from ${minimum} to ${maximum}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** Reads and checks the filters and page of a history request. */
function readQuery(request: FastifyRequest): HistoryQuery {
  const batchId = readParameter(request, 'batchId');
  if (batchId !== undefined && batchId !== '' && !isNumericId(String(batchId))) {
    throw invalidInput('batchId', `must be a numeric id, got ${JSON.stringify(batchId)}`);
  }
  const typeText = readParameter(request, 'type');
  const types =
    typeText === undefined || typeText === ''
      ? undefined
      : String(typeText)
          .split(',')
          .map((type) => type.trim());
  for (const type of types ?? []) {
    if (!eventName.test(type))
      throw invalidInput('type', `must be event names such as learner.enrolled.v1, got ${type}`);
  }
  const from = wholeNumber(request, 'from', 0, Number.MAX_SAFE_INTEGER);
  const to = wholeNumber(request, 'to', 0, Number.MAX_SAFE_INTEGER);
  if (from !== undefined && to !== undefined && to < from) throw invalidInput('to', 'must not be before from');
  return {
    batchId: batchId === undefined || batchId === '' ? undefined : String(batchId),
    types,
    from,
    to,
    startIndex: readStartIndex(request),
    limit: wholeNumber(request, 'limit', 1, maximumLimit) ?? pageSize,
  };
}

function present(result: HistoryPage, base: string) {
  return {
    code: '200' as const,
    history: result.rows.map((row) => presentHistoryRow(row, base)),
    hasMoreRecords: result.hasMoreRecords,
    message: 'success' as const,
  };
}

/** Registers GET /lectern/v1/learners/{erecno}/history and GET /lectern/v1/courses/{courseId}/history. */
export function registerHistoryRoutes(app: FastifyInstance, context: AppContext): void {
  const response = { 200: HistoryEnvelope, ...errorResponses };
  app.get(
    '/lectern/v1/learners/:erecno/history',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getLearnerHistory',
        description:
          "A learner's history: enrolments, waitlist moves, attendance, marks and completions, oldest first.",
        tags: ['lectern history'],
        params: getLearnerHistoryParams,
        querystring: HistoryQuerystring,
        response,
      },
    },
    async (request) => {
      const erecno = pathId(request.params, 'erecno');
      return present(
        await learnerHistory(context, request.caller, erecno, readQuery(request)),
        publicBase(request, context.config),
      );
    },
  );
  app.get(
    '/lectern/v1/courses/:courseId/history',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getCourseHistory',
        description: 'The history of every learner of a course (or, with batchId, of one batch), oldest first.',
        tags: ['lectern history'],
        params: getCourseHistoryParams,
        querystring: HistoryQuerystring,
        response,
      },
    },
    async (request) => {
      const courseId = pathId(request.params, 'courseId');
      return present(
        await courseHistory(context, request.caller, courseId, readQuery(request)),
        publicBase(request, context.config),
      );
    },
  );
}
