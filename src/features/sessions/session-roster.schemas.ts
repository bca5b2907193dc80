/** The trainer desk's read schemas: a trainer's sessions as JSON, and a session's roster with attendance. */
import { Type } from '@sinclair/typebox';
import { ZohoDateShape } from '../../http/input-shapes.ts';
import { textParameter } from '../../http/parameters.ts';
import { SessionSchema } from './session.schemas.ts';

/** The keys Lectern's answers add to a session: its zone, and its start and end as instants. */
export const SessionZoneProperties = {
  timeZone: Type.String({
    description:
      "The IANA zone the session's date and times are wall-clock times in: its room's location's, else the portal's",
  }),
  startMillis: Type.Integer({ description: 'The start as epoch milliseconds (the session held in its own zone)' }),
  endMillis: Type.Integer({ description: 'The end as epoch milliseconds' }),
};

/** A session of a trainer's list: Zoho's session object with where it is and when, as instants. */
export const TrainerSessionSchema = Type.Object(
  {
    ...SessionSchema.properties,
    courseId: Type.String(),
    courseName: Type.String(),
    batchId: Type.String(),
    batchName: Type.String(),
    ...SessionZoneProperties,
  },
  { title: 'TrainerSession' },
);

/** The path of listTrainerSessions. */
export const trainerSessionsParams = Type.Object({ erecno: Type.String({ maxLength: 20 }) });

/** The querystring of listTrainerSessions: the window of dates. */
export const trainerSessionsQuery = Type.Object({
  from: textParameter(ZohoDateShape, {
    description: "DD-MM-YYYY, inclusive; default 90 days before the portal's today (or 455 before `to`)",
  }),
  to: textParameter(ZohoDateShape, {
    description: 'DD-MM-YYYY, inclusive, at most 456 days after from; default 365 days after today (or after from)',
  }),
});

/** The 200 answer of listTrainerSessions. */
export const TrainerSessionsEnvelope = Type.Object({
  code: Type.Literal(200),
  sessions: Type.Array(TrainerSessionSchema),
  hasMoreRecords: Type.Boolean({ description: 'More than 500 sessions in the window: ask for a shorter one' }),
  message: Type.Literal('success'),
});

/** One learner of a session's roster. */
export const RosterLearnerSchema = Type.Object(
  {
    learnerErecno: Type.String(),
    displayName: Type.String(),
    employeeId: Type.String(),
    status: Type.Union([Type.Literal('Present'), Type.Literal('Absent'), Type.Null()], {
      description: 'The mark at this session, null while unmarked',
    }),
  },
  { title: 'RosterLearner' },
);

/** The 200 answer of getSessionAttendance. */
export const SessionAttendanceEnvelope = Type.Object({
  code: Type.Literal(200),
  session: SessionSchema,
  timeZone: SessionZoneProperties.timeZone,
  courseName: Type.String(),
  batchName: Type.String(),
  learners: Type.Array(RosterLearnerSchema, { description: 'The batch’s seated learners by name (500 at most)' }),
  message: Type.Literal('success'),
});

/** A session of a batch as Lectern lists it: Zoho's session object with its zone and instants. */
export const ZonedSessionSchema = Type.Object(
  { ...SessionSchema.properties, ...SessionZoneProperties },
  { title: 'ZonedSession' },
);

/** The 200 answer of listZonedBatchSessions. */
export const ZonedSessionListEnvelope = Type.Object({
  code: Type.Literal(200),
  sessions: Type.Array(ZonedSessionSchema),
  hasMoreRecords: Type.Boolean(),
  message: Type.Literal('success'),
});
