/** The trainer desk's data: the signed-in trainer's sessions (JSON, with their course and batch) as a query. */
import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../api.ts';
import { currentSession } from '../../session.ts';

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

const whenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "3 Dec 2026, 10:00 – 11:00" in the browser's zone. */
export function whenText(session: Pick<TrainerSession, 'startMillis' | 'endMillis'>): string {
  return `${whenFormat.format(session.startMillis)} – ${timeFormat.format(session.endMillis)}`;
}

/** The address of a session's page (a plain string: Mantine's polymorphic Anchor loses the router's param types). */
export function sessionHref(session: Pick<TrainerSession, 'courseId' | 'batchId' | 'moduleId' | 'sessionId'>): string {
  const ids = [session.courseId, session.batchId, session.moduleId, session.sessionId].map(encodeURIComponent);
  return `/trainer/sessions/${ids.join('/')}`;
}
