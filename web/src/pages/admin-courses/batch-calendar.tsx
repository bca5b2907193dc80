/**
 * The calendar itself (FullCalendar: month and week views), in its own chunk: the page loads it with React.lazy so
 * it stays out of the app's initial JavaScript. Batches show as all-day bars, sessions at their times; a session may
 * be dragged (the page confirms the move) or opened with Enter (the same dialog, typed). Times are wall clocks where
 * each session is held (see `timeZone` below).
 */
import type { EventDropArg, EventInput } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Box } from '@mantine/core';

/** What the calendar is told when a session is moved or opened: its id, the new start and end, and how to undo. */
export interface CalendarMove {
  sessionId: string;
  start: Date;
  end: Date;
  revert: () => void;
}

// Mantine's colours, so both themes keep their contrast (FullCalendar's defaults are for a white page).
const themed = {
  '--fc-page-bg-color': 'var(--mantine-color-body)',
  '--fc-neutral-bg-color': 'var(--mantine-color-default-hover)',
  '--fc-border-color': 'var(--mantine-color-default-border)',
  '--fc-today-bg-color': 'var(--mantine-primary-color-light)',
  '--fc-button-bg-color': 'var(--mantine-color-blue-9)',
  '--fc-button-border-color': 'var(--mantine-color-blue-9)',
  '--fc-button-active-bg-color': 'var(--mantine-color-dark-7)',
  '--fc-button-active-border-color': 'var(--mantine-color-dark-7)',
  '--fc-button-hover-bg-color': 'var(--mantine-color-dark-6)',
  '--fc-event-bg-color': '#1c5fa8',
  '--fc-event-border-color': '#1c5fa8',
  '--fc-event-text-color': '#ffffff',
} as React.CSSProperties;

// Days of the neighbouring months are faded to 30% by default, too faint to read (WCAG contrast).
const readableDays = '.fc .fc-day-other .fc-daygrid-day-top { opacity: 0.85; }';

/** The month/week calendar of a course's batches and sessions. */
export default function BatchCalendar({
  events,
  initialDate,
  onMove,
  onOpen,
}: {
  events: EventInput[];
  initialDate: string;
  onMove: (move: CalendarMove) => void;
  onOpen: (sessionId: string) => void;
}) {
  const drop = (info: EventDropArg) => {
    const { event } = info;
    if (event.start === null) return info.revert();
    const end = event.end ?? new Date(event.start.getTime() + 60 * 60_000);
    onMove({ sessionId: event.id, start: event.start, end, revert: info.revert });
  };
  return (
    <Box style={themed}>
      <style>{readableDays}</style>
      <FullCalendar
        plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin]}
        initialView="dayGridMonth"
        initialDate={initialDate}
        headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek' }}
        // Words, not icon fonts: FullCalendar's chevrons are role="img" spans without a name.
        buttonIcons={false}
        buttonText={{ prev: '‹ Previous', next: 'Next ›', month: 'Month', week: 'Week', today: 'Today' }}
        events={events}
        // A plain wall clock: events are given as `...Z` times that are each session's own wall clock, so a session
        // shows the time it is held at (its zone in its title), whatever the browser's zone and its DST changes.
        timeZone="UTC"
        editable
        eventDurationEditable={false}
        eventInteractive
        eventDrop={drop}
        eventClick={(info) => {
          if (info.event.extendedProps.kind === 'session') onOpen(info.event.id);
        }}
        height="auto"
        slotMinTime="07:00:00"
        slotMaxTime="21:00:00"
        allDaySlot
        firstDay={1}
      />
    </Box>
  );
}
