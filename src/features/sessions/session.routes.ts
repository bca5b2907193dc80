/** Zoho's Session API (blended courses only): create, fetch, list, update, delete sessions, and mark attendance. */

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput, missingInput } from '../../errors.ts';
import { decodeDataObject } from '../../http/data-object.ts';
import { errorResponses, page, pageSize } from '../../http/envelope.ts';
import { parseBoolean, pathId, readParameter, readStartIndex } from '../../http/input.ts';
import { isNumericId } from '../../ids.ts';
import { presentSession } from './session.presenter.ts';
import {
  deleteSessionQuery,
  listBatchSessionsParams,
  ModuleParams,
  markAttendanceBody,
  markAttendanceQuery,
  SessionDataInput,
  SessionEnvelope,
  SessionListEnvelope,
  SessionParams,
  SessionSuccessBody,
  SessionUpdateInput,
  sessionAttendanceBody,
  sessionDataBody,
  sessionDataQuery,
  sessionListQuery,
  sessionSuccess,
} from './session.schemas.ts';
import * as service from './session.service.ts';
import { type AttendanceMark, markAttendance, markSessionAttendance } from './session-attendance.service.ts';

const modulePath = '/api/v1/courses/:courseId/batches/:batchId/modules/:moduleId/sessions';

/** notifyApplicableUsers, default: the portal's setting for sessions (true unless changed); read from the query only, as a body holds sessionData's keys. */
function readNotify(request: FastifyRequest): service.SessionChangeOptions {
  const query = request.query as Record<string, unknown>;
  return {
    notify:
      parseBoolean(query.notifyApplicableUsers, 'notifyApplicableUsers') ??
      request.caller.notificationDefaults.sessions,
  };
}

function sessionPath(params: unknown): service.SessionPath {
  return {
    courseId: pathId(params, 'courseId'),
    batchId: pathId(params, 'batchId'),
    moduleId: pathId(params, 'moduleId'),
  };
}

/** One X-Lectern-Warning header for everything worth telling (ignored keys, accepted booking clashes). */
function warn(reply: FastifyReply, warnings: string[]): void {
  // Header values must stay on one line.
  if (warnings.length > 0) reply.header('X-Lectern-Warning', warnings.join('; ').replace(/[\r\n]+/g, ' '));
}

/** Registers the Session API. */
export function registerSessionRoutes(app: FastifyInstance, context: AppContext): void {
  const present = (result: service.SessionResult) =>
    result.rows.map((row) => presentSession(row, { nowMs: context.clock.now(), canManage: result.canManage }));
  const one = (result: service.SessionResult) => ({
    code: 200 as const,
    session: present(result)[0]!,
    message: 'success' as const,
  });
  const many = (result: service.SessionResult) => {
    const { items, hasMoreRecords } = page(present(result));
    return { sessions: items, code: 200 as const, message: 'success' as const, hasMoreRecords };
  };
  const sessionResponse = { 200: SessionEnvelope, ...errorResponses };
  const listResponse = { 200: SessionListEnvelope, ...errorResponses };

  app.post(
    modulePath,
    {
      config: { scope: 'CREATE' },
      schema: {
        operationId: 'createSession',
        tags: ['sessions'],
        params: ModuleParams,
        querystring: sessionDataQuery(SessionDataInput),
        body: sessionDataBody,
        response: sessionResponse,
      },
    },
    async (request, reply) => {
      const path = sessionPath(request.params);
      const input = decodeDataObject<typeof SessionDataInput.static>(request, 'sessionData', SessionDataInput);
      const result = await service.createSession(context, request.caller, path, input.value, readNotify(request));
      warn(reply, [...(input.warning === null ? [] : [input.warning]), ...result.warnings]);
      return one(result);
    },
  );

  app.get(
    modulePath,
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listModuleSessions',
        tags: ['sessions'],
        params: ModuleParams,
        querystring: sessionListQuery,
        response: listResponse,
      },
    },
    async (request) => {
      const where = sessionPath(request.params);
      return many(await service.listSessions(context, request.caller, where, readStartIndex(request), pageSize + 1));
    },
  );

  app.get(
    '/api/v1/courses/:courseId/batches/:batchId/sessions',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listBatchSessions',
        tags: ['sessions'],
        params: listBatchSessionsParams,
        querystring: sessionListQuery,
        response: listResponse,
      },
    },
    async (request) => {
      const where = { courseId: pathId(request.params, 'courseId'), batchId: pathId(request.params, 'batchId') };
      return many(await service.listSessions(context, request.caller, where, readStartIndex(request), pageSize + 1));
    },
  );

  app.get(
    `${modulePath}/:sessionId`,
    {
      config: { scope: 'READ' },
      schema: { operationId: 'getSession', tags: ['sessions'], params: SessionParams, response: sessionResponse },
    },
    async (request) => {
      const sessionId = pathId(request.params, 'sessionId');
      return one(await service.getSession(context, request.caller, sessionPath(request.params), sessionId));
    },
  );

  app.patch(
    `${modulePath}/:sessionId`,
    {
      config: { scope: 'UPDATE' },
      schema: {
        operationId: 'updateSession',
        tags: ['sessions'],
        params: SessionParams,
        querystring: sessionDataQuery(SessionUpdateInput),
        body: sessionDataBody,
        response: sessionResponse,
      },
    },
    async (request, reply) => {
      const path = sessionPath(request.params);
      const sessionId = pathId(request.params, 'sessionId');
      const input = decodeDataObject<typeof SessionUpdateInput.static>(request, 'sessionData', SessionUpdateInput);
      const options = readNotify(request);
      const result = await service.updateSession(context, request.caller, path, sessionId, input.value, options);
      warn(reply, [...(input.warning === null ? [] : [input.warning]), ...result.warnings]);
      return one(result);
    },
  );

  app.delete(
    `${modulePath}/:sessionId`,
    {
      config: { scope: 'DELETE' },
      schema: {
        operationId: 'deleteSession',
        tags: ['sessions'],
        params: SessionParams,
        querystring: deleteSessionQuery,
        response: { 200: SessionSuccessBody, ...errorResponses },
      },
    },
    async (request) => {
      const sessionId = pathId(request.params, 'sessionId');
      await service.deleteSession(context, request.caller, sessionPath(request.params), sessionId, readNotify(request));
      return sessionSuccess;
    },
  );

  app.post(
    `${modulePath}/:sessionId/markAttendance`,
    {
      config: { scope: 'CREATE' },
      schema: {
        operationId: 'markAttendance',
        description: 'Marks one learner Present or Absent; answers the session with its counts (provisional).',
        tags: ['sessions'],
        params: SessionParams,
        querystring: markAttendanceQuery,
        body: markAttendanceBody,
        response: sessionResponse,
      },
    },
    async (request) => {
      const sessionId = pathId(request.params, 'sessionId');
      const rawLearner = readParameter(request, 'learnerErecno');
      if (rawLearner === undefined || rawLearner === '') throw missingInput('learnerErecno');
      const learnerErecno = String(rawLearner).trim();
      if (!isNumericId(learnerErecno)) throw invalidInput('learnerErecno', 'must be a numeric erecno');
      const rawStatus = readParameter(request, 'status');
      if (rawStatus === undefined || rawStatus === '') throw missingInput('status');
      const mark = { learnerErecno, status: attendanceStatus(rawStatus, 'status') };
      return one(await markAttendance(context, request.caller, sessionPath(request.params), sessionId, mark));
    },
  );

  app.post(
    '/lectern/v1/courses/:courseId/batches/:batchId/modules/:moduleId/sessions/:sessionId/attendance',
    {
      config: { scope: 'CREATE' },
      schema: {
        operationId: 'markSessionAttendance',
        description:
          "Marks a whole session's attendance in one call: every learner Present or Absent, all or nothing. " +
          'Answers the session with its counts, as markAttendance does.',
        tags: ['sessions'],
        params: SessionParams,
        body: sessionAttendanceBody,
        response: sessionResponse,
      },
    },
    async (request) => {
      const sessionId = pathId(request.params, 'sessionId');
      const entries = (request.body as { attendance: { learnerErecno: string; status: string }[] }).attendance;
      const seen = new Set<string>();
      const marks: AttendanceMark[] = entries.map((entry, index) => {
        const learnerErecno = entry.learnerErecno.trim();
        if (seen.has(learnerErecno)) {
          throw invalidInput(`attendance[${index}].learnerErecno`, `${learnerErecno} is already in the list`);
        }
        seen.add(learnerErecno);
        return { learnerErecno, status: attendanceStatus(entry.status, `attendance[${index}].status`) };
      });
      const path = sessionPath(request.params);
      const result = await markSessionAttendance(context, request.caller, path, sessionId, marks, (index) => {
        return `attendance[${index}].learnerErecno`;
      });
      return one(result);
    },
  );
}

/** Present or Absent in any case, as stored. */
function attendanceStatus(raw: unknown, parameter: string): 'present' | 'absent' {
  const status = String(raw).trim().toLowerCase();
  if (status !== 'present' && status !== 'absent') {
    throw invalidInput(parameter, `must be Present or Absent, got ${JSON.stringify(raw)}`);
  }
  return status;
}
