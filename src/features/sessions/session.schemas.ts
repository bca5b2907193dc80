/** The Session API's input and output schemas, in Zoho's key names and key order. */
import { type TObject, Type } from '@sinclair/typebox';
import { OptionalDateShape, TwelveHourTimeShape, ZohoDateShape } from '../../http/input-shapes.ts';
import {
  dataObjectParameter,
  documentedAs,
  IdText,
  idParameter,
  notifyParameter,
  startIndexParameter,
  textParameter,
} from '../../http/parameters.ts';

/** The notify parameter the session writes take in their querystring (not a schema: the keys to spread). */
const notifyKeys = {
  notifyApplicableUsers: notifyParameter(
    "Lectern: True or False (any case); default: the portal's notificationDefaults.sessions (true unless changed): tell the batch's people",
    {
      queryOnly: true,
    },
  ),
};

const IdString = Type.String({ pattern: '^[1-9][0-9]{0,19}$', errorMessage: 'must be a numeric id' });

/** An optional reference that `""` or null clears (the create sample sends `"gradeCategoryId": ""`). */
const OptionalId = (what: string) =>
  Type.Optional(
    Type.Union([IdString, Type.Literal(''), Type.Null()], { errorMessage: `must be a ${what} id, or "" for none` }),
  );

/** `sessionData` as sent to create; update takes the same keys, each optional. */
export const SessionDataInput = Type.Object(
  {
    // The pattern refuses a name of only spaces, which the service's trim would store as an empty name.
    name: Type.String({
      minLength: 1,
      maxLength: 250,
      pattern: '\\S',
      errorMessage: 'must be a text of 1 to 250 characters, not only spaces',
    }),
    trainerErecno: IdString,
    type: Type.Integer({ minimum: 0, maximum: 1, errorMessage: 'must be 0 (classroom) or 1 (e-learning)' }),
    date: documentedAs(Type.String({ errorMessage: 'must be a date as DD-MM-YYYY' }), ZohoDateShape),
    startTime: documentedAs(
      Type.String({ errorMessage: 'must be a 12-hour time such as 10:00 AM' }),
      TwelveHourTimeShape,
    ),
    endTime: documentedAs(
      Type.String({ errorMessage: 'must be a 12-hour time such as 11:00 AM' }),
      TwelveHourTimeShape,
    ),
    description: Type.Optional(
      Type.String({ maxLength: 10000, errorMessage: 'must be a text of at most 10000 characters' }),
    ),
    roomId: OptionalId('room'),
    lockUntil: Type.Optional(
      documentedAs(
        Type.Union([Type.String(), Type.Null()], { errorMessage: 'must be a date as DD-MM-YYYY, or "" for none' }),
        OptionalDateShape,
      ),
    ),
    gradeCategoryId: OptionalId('grade category'),
  },
  { title: 'SessionData' },
);

/** Update: every key optional (a partial update). */
export const SessionUpdateInput = Type.Partial(SessionDataInput, { title: 'SessionUpdate' });

/** The session object, key for key and in the order of the Update Session page's sample response. */
export const SessionSchema = Type.Object({
  totalLearnersCount: Type.Integer({ description: 'Learners with an attendance mark (until enrolment exists)' }),
  sessionName: Type.String(),
  sessionEndTime: Type.String({ description: '12-hour time, e.g. 11:00 AM, in the portal time zone' }),
  sessionStartTime: Type.String({ description: '12-hour time, e.g. 10:00 AM, in the portal time zone' }),
  description: Type.String(),
  resources: Type.Array(Type.Object({ resourceName: Type.String(), resourceURL: Type.String() })),
  sessionId: Type.String(),
  roomId: Type.String({ description: 'Empty when the session has no room' }),
  canUserDelete: Type.Boolean(),
  sessionStartDate: Type.String({ description: 'DD-MM-YYYY' }),
  lockUntil: Type.String({ description: 'DD-MM-YYYY, empty when the session is not locked' }),
  presentLeanersCount: Type.Integer({ description: "Learners marked present (Zoho's spelling)" }),
  gradeCategoryName: Type.String(),
  isLocked: Type.Boolean(),
  gradeCategoryId: Type.String(),
  sessionType: Type.Union([Type.Literal('Classroom'), Type.Literal('E-learning')]),
  sessionRoom: Type.String({ description: 'The room name, empty without a room' }),
  sessionTrainer: Type.String({ description: "The trainer's display name" }),
  isSessionCompleted: Type.Boolean(),
  trainerErecno: Type.String(),
  canUserEdit: Type.Boolean(),
  moduleId: Type.String(),
});

/** `{"code":200,"session":{...},"message":"success"}`: the sample writes `code` as a number. */
export const SessionEnvelope = Type.Object({
  code: Type.Literal(200),
  session: SessionSchema,
  message: Type.Literal('success'),
});

/** `{"sessions":[...],"code":200,"message":"success","hasMoreRecords":...}` (provisional: no list sample). */
export const SessionListEnvelope = Type.Object({
  sessions: Type.Array(SessionSchema),
  code: Type.Literal(200),
  message: Type.Literal('success'),
  hasMoreRecords: Type.Boolean(),
});

/** `{"code":200,"message":"success"}` (provisional), the session family's number code. */
export const SessionSuccessBody = Type.Object({ code: Type.Literal(200), message: Type.Literal('success') });

/** The session family's plain success body. */
export const sessionSuccess = Object.freeze({ code: 200 as const, message: 'success' as const });

/** The path of a blended batch's module, where its sessions are. */
export const ModuleParams = Type.Object({ courseId: Type.String(), batchId: Type.String(), moduleId: Type.String() });

/** The path of one session. */
export const SessionParams = Type.Object({ ...ModuleParams.properties, sessionId: Type.String() });

/** The querystring of a session write: sessionData, checked against the create or update schema, and notify. */
export const sessionDataQuery = (schema: TObject) =>
  Type.Object({
    sessionData: dataObjectParameter(schema, {
      description: 'The session as JSON (or send it as the JSON or form body)',
    }),
    ...notifyKeys,
  });

/** The body of a session write: sessionData may come here instead of the query, read by the handler. */
export const sessionDataBody = Type.Optional(
  Type.Unknown({ description: 'sessionData as a JSON body, bare or wrapped, or a form field' }),
);

/** The querystring of the session lists: the page's start. */
export const sessionListQuery = Type.Object({ startIndex: startIndexParameter });

/** The path parameters of listBatchSessions. */
export const listBatchSessionsParams = Type.Object({ courseId: Type.String(), batchId: Type.String() });

/** The querystring of deleteSession. */
export const deleteSessionQuery = Type.Object(notifyKeys);

/** The querystring of markAttendance. */
export const markAttendanceQuery = Type.Object({
  learnerErecno: idParameter('The learner', { required: true }),
  status: textParameter(Type.Union([Type.Literal('Present'), Type.Literal('Absent')]), {
    description: 'Present or Absent (any case)',
    required: true,
  }),
});

/** Learners in one bulk attendance call at most: a large classroom, well inside both engines' parameter limits. */
export const maxMarksPerCall = 500;

/** The body of markSessionAttendance: a whole session's roster in one call (a Lectern addition). */
export const sessionAttendanceBody = Type.Object(
  {
    attendance: Type.Array(
      Type.Object(
        {
          learnerErecno: IdText,
          status: Type.String({ maxLength: 10, description: 'Present or Absent (any case)' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: maxMarksPerCall, description: 'One entry a learner; each learner once' },
    ),
  },
  { additionalProperties: false },
);

/** The body of markAttendance: the query's parameters may come here instead, read by the handler. */
export const markAttendanceBody = Type.Optional(Type.Unknown());

/** The querystring of checkSessionConflicts: the slot, each key optional when `sessionId` supplies it. */
export const sessionConflictQuery = Type.Object({
  sessionId: idParameter('The session moved: its own values fill the keys left out, and it never clashes with itself'),
  date: textParameter(ZohoDateShape, { description: 'The day (required without sessionId)' }),
  startTime: textParameter(TwelveHourTimeShape, { description: 'Start, e.g. 10:00 AM (required without sessionId)' }),
  endTime: textParameter(TwelveHourTimeShape, { description: 'End, e.g. 11:00 AM (required without sessionId)' }),
  trainerErecno: idParameter('The trainer (required without sessionId)'),
  roomId: textParameter(Type.Union([IdText, Type.Literal('')]), { description: 'The room, or "" for none' }),
});

/** One clash the check found. */
export const SessionConflictSchema = Type.Object({
  code: Type.Union([Type.Literal('TRAINER_ALREADY_BOOKED'), Type.Literal('ROOM_ALREADY_BOOKED')]),
  parameter: Type.String({ description: 'trainerErecno or roomId' }),
  message: Type.String({ description: 'The clash in words, as a refused write would say it' }),
  sessionId: Type.String({ description: 'The other session' }),
  sessionName: Type.String(),
  date: Type.String({ description: 'DD-MM-YYYY' }),
  startTime: Type.String({ description: '12-hour time' }),
  endTime: Type.String({ description: '12-hour time' }),
  timeZone: Type.String({
    description: "The IANA zone the other session's date and times are in (its room's location's, else the portal's)",
  }),
});

/** The answer of checkSessionConflicts. */
export const SessionConflictEnvelope = Type.Object({
  code: Type.Literal(200),
  conflicts: Type.Array(SessionConflictSchema),
  savingRefused: Type.Boolean({
    description: 'True when a write with these clashes would be refused (LECTERN_BOOKING_CONFLICTS=refuse)',
  }),
  message: Type.Literal('success'),
});
