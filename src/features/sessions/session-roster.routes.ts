/**
 * The trainer desk's reads under /lectern/v1: a trainer's sessions as JSON (the iCalendar feed's sessions with their
 * course, batch and module ids, for pages that link to them) and a session's roster with each learner's mark.
 */

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { parseZohoDate } from '../../dates.ts';
import { errorResponses, page, pageSize } from '../../http/envelope.ts';
import { pathId, readStartIndex } from '../../http/input.ts';
import { presentSession } from './session.presenter.ts';
import { listBatchSessionsParams, SessionParams, sessionListQuery } from './session.schemas.ts';
import { listSessions } from './session.service.ts';
import {
  SessionAttendanceEnvelope,
  TrainerSessionsEnvelope,
  trainerSessionsParams,
  trainerSessionsQuery,
  ZonedSessionListEnvelope,
} from './session-roster.schemas.ts';
import { listTrainerSessions, sessionRoster } from './session-roster.service.ts';
import { zoneOfSession } from './session-zone.ts';

function optionalDate(query: unknown, name: 'from' | 'to') {
  const value = (query as Record<string, string | undefined>)[name];
  return value === undefined || value === '' ? undefined : parseZohoDate(value, name);
}

/** Registers the trainer desk's reads, and a batch's sessions with their zones (the web app's other faces). */
export function registerSessionRosterRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/lectern/v1/trainers/:erecno/sessions',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listTrainerSessions',
        description:
          "A trainer's sessions in a window of dates (batches not cancelled), by date and time, 500 at most: " +
          'for LMS admins and the trainer themself.',
        tags: ['sessions'],
        params: trainerSessionsParams,
        querystring: trainerSessionsQuery,
        response: { 200: TrainerSessionsEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const erecno = pathId(request.params, 'erecno');
      const window = { from: optionalDate(request.query, 'from'), to: optionalDate(request.query, 'to') };
      const result = await listTrainerSessions(context, request.caller, erecno, window);
      const nowMs = context.clock.now();
      const sessions = result.rows.map((row) => ({
        // Only the course's managers may edit or delete; the desk's own trainer may not.
        ...presentSession(row, { nowMs, canManage: false }),
        courseId: row.course_id,
        courseName: row.course_name,
        batchId: row.batch_id,
        batchName: row.batch_name,
        ...zoneOfSession(row),
      }));
      return { code: 200 as const, sessions, hasMoreRecords: result.hasMoreRecords, message: 'success' as const };
    },
  );

  app.get(
    '/lectern/v1/courses/:courseId/batches/:batchId/modules/:moduleId/sessions/:sessionId/attendance',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getSessionAttendance',
        description:
          "A session's roster: the batch's seated learners by name with their mark at this session (null while " +
          "unmarked). For the course's managers and the session's trainer.",
        tags: ['sessions'],
        params: SessionParams,
        response: { 200: SessionAttendanceEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const path = {
        courseId: pathId(request.params, 'courseId'),
        batchId: pathId(request.params, 'batchId'),
        moduleId: pathId(request.params, 'moduleId'),
      };
      const roster = await sessionRoster(context, request.caller, path, pathId(request.params, 'sessionId'));
      return {
        code: 200 as const,
        session: presentSession(roster.row, { nowMs: context.clock.now(), canManage: roster.canManage }),
        timeZone: zoneOfSession(roster.row).timeZone,
        courseName: roster.courseName,
        batchName: roster.batchName,
        learners: roster.learners.map((learner) => ({
          learnerErecno: learner.erecno,
          displayName: learner.displayName,
          employeeId: learner.employeeId,
          status:
            learner.status === null ? null : learner.status === 'present' ? ('Present' as const) : ('Absent' as const),
        })),
        message: 'success' as const,
      };
    },
  );

  app.get(
    '/lectern/v1/courses/:courseId/batches/:batchId/schedule',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listZonedBatchSessions',
        description:
          "Zoho's List Batch Sessions with each session's time zone and its start and end as instants, so that a " +
          'client shows the wall clock where the session is held, its zone named. The same access and pages.',
        tags: ['sessions'],
        params: listBatchSessionsParams,
        querystring: sessionListQuery,
        response: { 200: ZonedSessionListEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const where = { courseId: pathId(request.params, 'courseId'), batchId: pathId(request.params, 'batchId') };
      const result = await listSessions(context, request.caller, where, readStartIndex(request), pageSize + 1);
      const nowMs = context.clock.now();
      const { items, hasMoreRecords } = page(
        result.rows.map((row) => ({
          ...presentSession(row, { nowMs, canManage: result.canManage }),
          ...zoneOfSession(row),
        })),
      );
      return { code: 200 as const, sessions: items, hasMoreRecords, message: 'success' as const };
    },
  );
}
