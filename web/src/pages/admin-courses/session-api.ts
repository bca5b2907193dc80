/** Sessions of a batch: list (paged), create, update, delete, and the read-only clash check before a move. */
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';

/** Where a session lives. */
export interface SessionPath {
  courseId: string;
  batchId: string;
  moduleId: string;
}

/** sessionData as the Session API takes it (dates DD-MM-YYYY, times 10:00 AM). */
export interface SessionData {
  name: string;
  type: number;
  date: string;
  startTime: string;
  endTime: string;
  trainerErecno: string;
  roomId: string;
  description: string;
}

/** A slot to move a session to. */
export interface SessionSlot {
  date: string;
  startTime: string;
  endTime: string;
}

/**
 * One page of a batch's sessions (25 from `startIndex`) and whether more follow, each with the zone it is held in
 * and its instants (Lectern's list).
 */
export async function batchSessionPage(courseId: string, batchId: string, startIndex: number) {
  const page = resultOf(
    await api.GET('/lectern/v1/courses/{courseId}/batches/{batchId}/schedule', {
      params: { path: { courseId, batchId }, query: { startIndex } },
    }),
  );
  return { sessions: page.sessions, hasMore: page.hasMoreRecords };
}

/** The sessions of a batch (the first page: the calendar's view). */
export async function listBatchSessions(courseId: string, batchId: string) {
  return (await batchSessionPage(courseId, batchId, 0)).sessions;
}

/** A session as the list answers it. */
export type BatchSession = Awaited<ReturnType<typeof listBatchSessions>>[number];

/** Schedules a session. */
export async function createSession(path: SessionPath, sessionData: SessionData) {
  resultOf(
    await api.POST('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/sessions', {
      params: { path },
      body: { sessionData },
    }),
  );
}

/** Changes a session (any subset of its fields). */
export async function updateSession(path: SessionPath, sessionId: string, sessionData: Partial<SessionData>) {
  resultOf(
    await api.PATCH('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/sessions/{sessionId}', {
      params: { path: { ...path, sessionId } },
      body: { sessionData },
    }),
  );
}

/** Deletes a session with its attendance (the API tells its people when the batch is published). */
export async function deleteSession(path: SessionPath, sessionId: string) {
  resultOf(
    await api.DELETE('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/sessions/{sessionId}', {
      params: { path: { ...path, sessionId } },
    }),
  );
}

/** The clashes a session would have at another slot (nothing is written). */
export async function checkConflicts(path: SessionPath, sessionId: string, slot: SessionSlot) {
  return resultOf(
    await api.GET('/lectern/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/session-conflicts', {
      params: { path, query: { sessionId, ...slot } },
    }),
  );
}
