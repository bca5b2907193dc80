/** Lectern's read-only booking check: would a session at this slot double-book its trainer or room? */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput } from '../../errors.ts';
import { errorResponses } from '../../http/envelope.ts';
import { pathId } from '../../http/input.ts';
import { isNumericId } from '../../ids.ts';
import { ModuleParams, SessionConflictEnvelope, sessionConflictQuery } from './session.schemas.ts';
import { type ConflictQuery, checkSessionConflicts } from './session-conflict.service.ts';

/** The query's keys as text; ids must be numeric (a room id may be "" for none). */
function readConflictQuery(raw: unknown): ConflictQuery {
  const query: ConflictQuery = {};
  const values = raw as Record<string, unknown>;
  for (const name of ['sessionId', 'date', 'startTime', 'endTime', 'trainerErecno', 'roomId'] as const) {
    const value = values[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw invalidInput(name, 'must be given once');
    const text = value.trim();
    const mayBeEmpty = name === 'roomId' && text === '';
    if ((name === 'sessionId' || name === 'trainerErecno' || name === 'roomId') && !mayBeEmpty && !isNumericId(text)) {
      throw invalidInput(name, 'must be a numeric id');
    }
    query[name] = text;
  }
  return query;
}

/** Registers GET /lectern/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/session-conflicts. */
export function registerSessionConflictRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/lectern/v1/courses/:courseId/batches/:batchId/modules/:moduleId/session-conflicts',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'checkSessionConflicts',
        description:
          'Which sessions a session at this slot would double-book (same trainer or room, overlapping times), ' +
          "without writing anything. With sessionId, the keys left out are that session's own values, as for " +
          'an update. Course managers only.',
        tags: ['sessions'],
        params: ModuleParams,
        querystring: sessionConflictQuery,
        response: { 200: SessionConflictEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const path = {
        courseId: pathId(request.params, 'courseId'),
        batchId: pathId(request.params, 'batchId'),
        moduleId: pathId(request.params, 'moduleId'),
      };
      const result = await checkSessionConflicts(context, request.caller, path, readConflictQuery(request.query));
      return { code: 200 as const, ...result, message: 'success' as const };
    },
  );
}
