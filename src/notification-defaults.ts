/**
 * Which notifications a portal sends when a request leaves `notifyApplicableUsers` out: one switch per kind of
 * request that takes the parameter. Lectern's defaults are the ones the routes had before portals could choose.
 */

/** The kinds of request whose notifyApplicableUsers default a portal may set. */
export const notificationKinds = ['coursePublished', 'batchPublished', 'enrolments', 'sessions'] as const;

/** One of notificationKinds. */
export type NotificationKind = (typeof notificationKinds)[number];

/** A portal's defaults: for each kind, whether the people concerned get an e-mail when the request does not say. */
export type NotificationDefaults = Readonly<Record<NotificationKind, boolean>>;

/**
 * Lectern's defaults: Publish Course e-mails only when asked (Zoho's page leaves the default blank), Publish Batch
 * (the page says true), enrolments and sessions tell the people concerned.
 */
export const lecternNotificationDefaults: NotificationDefaults = Object.freeze({
  coursePublished: false,
  batchPublished: true,
  enrolments: true,
  sessions: true,
});

/** The defaults stored as JSON on the portal (null: Lectern's); keys missing from the text keep Lectern's. */
export function notificationDefaultsOf(stored: string | null | undefined): NotificationDefaults {
  if (stored === null || stored === undefined) return lecternNotificationDefaults;
  const parsed = JSON.parse(stored) as Partial<Record<NotificationKind, boolean>>;
  return Object.freeze({ ...lecternNotificationDefaults, ...parsed });
}
