/** The trainer desk's data: the signed-in trainer's sessions (JSON, with their course and batch) as a query. */
import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../api.ts';
import { currentSession } from '../../session.ts';
import { zoneLabel } from '../admin-courses/formats.ts';

async function fetchSessions(erecno: string) {
  return dataOf(await api.GET('/lectern/v1/trainers/{erecno}/sessions', { params: { path: { erecno } } }));
}

/** A session of the trainer's list. */
export type TrainerSession = Awaited<ReturnType<typeof fetchSessions>>['sessions'][number];

/** The signed-in person's erecno. */
export function myErecno(): string {
  return currentSession()?.person.erecno ?? '';
}

/** The signed-in trainer's sessions, 90 days back to a year ahead (the API's default window). */
export function useMySessions() {
  const erecno = myErecno();
  return useQuery({ queryKey: ['trainer-sessions', erecno], queryFn: () => fetchSessions(erecno) });
}

/** "3 Dec 2026, 09:00 – 10:00 CST (America/Chicago)": the wall clock where the session is held, its zone named. */
export function whenText(session: Pick<TrainerSession, 'startMillis' | 'endMillis' | 'timeZone'>): string {
  const { timeZone } = session;
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone });
  return `${when.format(session.startMillis)} – ${time.format(session.endMillis)} ${zoneLabel(timeZone, session.startMillis)}`;
}

/** The address of a session's page (a plain string: Mantine's polymorphic Anchor loses the router's param types). */
export function sessionHref(session: Pick<TrainerSession, 'courseId' | 'batchId' | 'moduleId' | 'sessionId'>): string {
  const ids = [session.courseId, session.batchId, session.moduleId, session.sessionId].map(encodeURIComponent);
  return `/trainer/sessions/${ids.join('/')}`;
}
