/**
 * My sessions on a month or week calendar (FullCalendar). Loaded lazily by my-sessions.tsx, so the library stays out
 * of the initial bundle. Each event is a link to its session page: reachable by keyboard, opened by the app's router.
 */
import dayGridPlugin from '@fullcalendar/daygrid';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Box } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { wallClockInstant, zoneLabel } from '../admin-courses/formats.ts';
import { sessionHref, type TrainerSession } from './trainer-data.ts';
import './session-calendar.css';

/** The calendar of the given sessions, month view first; week view on the toolbar. */
export default function SessionCalendar({ sessions }: { sessions: TrainerSession[] }) {
  const navigate = useNavigate();
  // Each session at its own wall clock (the calendar runs in UTC as a plain clock), its zone in the title.
  const events = sessions.map((session) => ({
    id: session.sessionId,
    title: `${session.sessionName} · ${zoneLabel(session.timeZone, session.startMillis)}`,
    start: wallClockInstant(session.sessionStartDate, session.sessionStartTime),
    end: wallClockInstant(session.sessionStartDate, session.sessionEndTime),
    url: sessionHref(session),
  }));
  return (
    <Box className="lectern-calendar" role="region" aria-label="Calendar of your sessions">
      <FullCalendar
        plugins={[dayGridPlugin, timeGridPlugin]}
        initialView={window.innerWidth < 600 ? 'timeGridWeek' : 'dayGridMonth'}
        headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek' }}
        // Text, not icon fonts: FullCalendar's icons are role="img" without a name (axe: role-img-alt).
        buttonIcons={false}
        buttonText={{ prev: 'Previous', next: 'Next', today: 'Today', month: 'Month', week: 'Week' }}
        height="auto"
        events={events}
        // A plain wall clock: each session shows the time it is held at, whatever the browser's zone.
        timeZone="UTC"
        eventDisplay="block"
        eventClick={(info) => {
          // The app's router opens the page without reloading the app (and its signed-in session).
          info.jsEvent.preventDefault();
          void navigate({ to: info.event.url });
        }}
      />
    </Box>
  );
}
