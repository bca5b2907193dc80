/**
 * The calendar of a blended course: its batches and sessions by month or week. Dragging a session asks the server
 * which trainer or room clashes the new time would make and confirms before saving; every session also has a
 * Reschedule button (the keyboard's way to move one).
 */
import type { EventInput } from '@fullcalendar/core';
import { Alert, Button, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { resultOf } from './api-result.ts';
import type { CalendarMove } from './batch-calendar.tsx';
import { useBatches } from './batch-section.tsx';
import { isoDateOf, isoFromZoho, sessionWhenText, time24Of, wallClockInstant, zoneLabel } from './formats.ts';
import { type ProposedMove, RescheduleDialog } from './reschedule-dialog.tsx';
import { type BatchSession, listBatchSessions } from './session-api.ts';
import { moveOf } from './session-section.tsx';

const BatchCalendar = lazy(() => import('./batch-calendar.tsx'));

/** The day after an ISO date (FullCalendar's all-day ends are exclusive). */
function nextDay(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return isoDateOf(date);
}

/** The calendar page. */
export function CalendarPage() {
  const search = useSearch({ from: '/shell/admin/calendar' });
  const navigate = useNavigate();
  const courseId = search.courseId ?? null;
  const courses = useQuery({
    queryKey: ['admin-blended-courses'],
    queryFn: async () =>
      resultOf(await api.GET('/api/v1/courses', { params: { query: { type: 2 } } })).courses.map((course) => ({
        value: course.courseId,
        label: course.name,
      })),
  });
  const batches = useBatches(courseId);
  const sessionQueries = useQueries({
    queries: (batches.data ?? []).map((batch) => ({
      queryKey: ['admin-sessions', courseId, batch.batchId],
      queryFn: () => listBatchSessions(courseId ?? '', batch.batchId),
    })),
  });
  const [move, setMove] = useState<ProposedMove | null>(null);
  const revert = useRef<(() => void) | null>(null);
  const sessions: { batchId: string; session: BatchSession }[] = (batches.data ?? []).flatMap((batch, index) =>
    (sessionQueries[index]?.data ?? []).map((session) => ({ batchId: batch.batchId, session })),
  );
  const events: EventInput[] = [
    ...(batches.data ?? []).map((batch) => ({
      id: `batch-${batch.batchId}`,
      title: `Batch: ${batch.name}`,
      start: isoFromZoho(batch.startDate),
      end: nextDay(isoFromZoho(batch.endDate)),
      allDay: true,
      editable: false,
      color: '#495057',
      extendedProps: { kind: 'batch' },
    })),
    // Each session at its own wall clock (the calendar runs in UTC as a plain clock), its zone in the title.
    ...sessions.map(({ session }) => ({
      id: session.sessionId,
      title: `${session.sessionName} · ${zoneLabel(session.timeZone, session.startMillis)} · ${session.sessionTrainer}${session.sessionRoom ? ` · ${session.sessionRoom}` : ''}`,
      start: wallClockInstant(session.sessionStartDate, session.sessionStartTime),
      end: wallClockInstant(session.sessionStartDate, session.sessionEndTime),
      extendedProps: { kind: 'session' },
    })),
  ];
  const find = (sessionId: string) => sessions.find((entry) => entry.session.sessionId === sessionId);
  const onMove = (calendarMove: CalendarMove) => {
    const entry = find(calendarMove.sessionId);
    if (entry === undefined || courseId === null) return calendarMove.revert();
    revert.current = calendarMove.revert;
    setMove({
      ...moveOf(courseId, entry.batchId, entry.session),
      date: isoDateOf(calendarMove.start),
      startTime: time24Of(calendarMove.start),
      endTime: time24Of(calendarMove.end),
    });
  };
  const onOpen = (sessionId: string) => {
    const entry = find(sessionId);
    if (entry !== undefined && courseId !== null) setMove(moveOf(courseId, entry.batchId, entry.session));
  };
  const close = (saved: boolean) => {
    if (!saved) revert.current?.();
    revert.current = null;
    setMove(null);
  };
  const firstBatch = batches.data?.[0];
  return (
    <Stack>
      <Title order={1}>Calendar</Title>
      <Select
        label="Blended course"
        placeholder="Pick a course"
        searchable
        data={courses.data ?? []}
        value={courseId}
        onChange={(value) => navigate({ to: '/admin/calendar', search: value === null ? {} : { courseId: value } })}
        maw={420}
      />
      {courseId === null && <Text>Pick a blended course to see its batches and sessions.</Text>}
      {batches.isError && (
        <Alert
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          color="red"
          title="Could not load the batches"
        >
          {batches.error.message}
        </Alert>
      )}
      {courseId !== null && batches.data !== undefined && (
        <Suspense fallback={<Loader aria-label="Loading the calendar" />}>
          <BatchCalendar
            key={courseId}
            events={events}
            initialDate={firstBatch === undefined ? isoDateOf(new Date()) : isoFromZoho(firstBatch.startDate)}
            onMove={onMove}
            onOpen={onOpen}
          />
        </Suspense>
      )}
      {sessions.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h3">
            Sessions
          </Title>
          {sessions.map(({ batchId, session }) => (
            <Group key={session.sessionId} justify="space-between" wrap="nowrap">
              <Text>
                {session.sessionName}: {sessionWhenText(session)}
              </Text>
              <Button
                size="xs"
                variant="default"
                aria-label={`Reschedule ${session.sessionName}`}
                onClick={() => courseId !== null && setMove(moveOf(courseId, batchId, session))}
              >
                Reschedule
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {move !== null && <RescheduleDialog move={move} onClose={close} />}
    </Stack>
  );
}
