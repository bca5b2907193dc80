/** The public surface of features/calendars/: what other folders may use of it; everything else stays inside. */
export { sessionCalendar, sessionEventData } from './session-event.ts';
