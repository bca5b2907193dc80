/** Request and response schemas of the portal settings (GET and PATCH /lectern/v1/portal/settings). */
import { Type } from '@sinclair/typebox';
import { dateFormats } from '../../dates.ts';

/** The days a week may start on. */
export const weekDays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const dateFormat = Type.Union(
  dateFormats.map((format) => Type.Literal(format)),
  { description: "How display dates (`startDateAsDisplayString` ...) and e-mails write dates; dd-MMM-yyyy is Zoho's" },
);
const weekStart = Type.Union(
  weekDays.map((day) => Type.Literal(day)),
  { description: 'The first day of the week, for calendars and the web app' },
);

/** The From of the portal's e-mails. */
export const MailSenderSchema = Type.Object(
  { name: Type.String({ maxLength: 100 }), address: Type.String({ maxLength: 254 }) },
  { title: 'MailSender' },
);

/** Whether each kind of request notifies the people concerned when it leaves notifyApplicableUsers out. */
export const NotificationDefaultsSchema = Type.Object(
  {
    coursePublished: Type.Boolean({ description: 'Publish Course (Lectern: false)' }),
    batchPublished: Type.Boolean({ description: 'Publish Batch (Lectern: true)' }),
    enrolments: Type.Boolean({ description: 'enrol, unenrol and remove learners (Lectern: true)' }),
    sessions: Type.Boolean({ description: 'create, update and delete sessions (Lectern: true)' }),
  },
  { title: 'NotificationDefaults' },
);

/** A portal's settings as GET and PATCH answer them. */
export const PortalSettingsSchema = Type.Object(
  {
    portalId: Type.String(),
    name: Type.String(),
    timeZone: Type.String({ description: 'IANA time zone: "today", session times, calendars' }),
    dateFormat,
    weekStart,
    mailSender: Type.Union([MailSenderSchema, Type.Null()], {
      description: "null: the server's LECTERN_SMTP_FROM",
    }),
    notificationDefaults: NotificationDefaultsSchema,
  },
  { title: 'PortalSettings' },
);

/** The body of PATCH: any subset of the settings; keys not sent keep their values. */
export const updatePortalSettingsBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    timeZone: Type.Optional(Type.String({ maxLength: 64 })),
    dateFormat: Type.Optional(dateFormat),
    weekStart: Type.Optional(weekStart),
    mailSender: Type.Optional(
      Type.Union([MailSenderSchema, Type.Null()], { description: "null goes back to the server's sender" }),
    ),
    notificationDefaults: Type.Optional(Type.Partial(NotificationDefaultsSchema)),
  },
  { description: 'Validated by the service, which names the offending field (400)' },
);
