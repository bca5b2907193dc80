/** The calendar feed's request schemas. */
import { Type } from '@sinclair/typebox';

export const calendarText = Type.String({ description: 'An iCalendar (RFC 5545) document, text/calendar' });
