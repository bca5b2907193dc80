/** The public surface of features/calendars/: what other folders may use of it; everything else stays inside. */

export { createFeed, type FeedView, readFeedSubject, rotateFeed } from './feed.service.ts';
export { sessionCalendar, sessionEventData } from './session-event.ts';
