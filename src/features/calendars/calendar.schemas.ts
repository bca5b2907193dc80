/** The calendar feed's request schemas. */
import { Type } from '@sinclair/typebox';

/** The 200 answer of the calendar feeds: an iCalendar document. */
export const calendarText = Type.String({ description: 'An iCalendar (RFC 5545) document, text/calendar' });

/** The path parameters of getTrainerCalendar. */
export const getTrainerCalendarParams = Type.Object({ erecno: Type.String() });

/** The path parameters of getRoomCalendar. */
export const getRoomCalendarParams = Type.Object({ roomId: Type.String() });
