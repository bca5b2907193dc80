/** The LMS settings API's output schema. */
import { Type } from '@sinclair/typebox';

/** The settings object, in the order it is answered. */
export const LmsSettingsSchema = Type.Object({
  portalId: Type.String(),
  portalName: Type.String(),
  portalURLName: Type.String(),
  timeZone: Type.String({ description: 'IANA name: "today" for locks and dates, and the wall clock of sessions' }),
  currentUserRole: Type.Object({
    admin: Type.Boolean(),
    settingsAdmin: Type.Boolean(),
    dataAdmin: Type.Boolean(),
    trainer: Type.Boolean(),
  }),
  whoCanCreateCourses: Type.Array(Type.String(), { description: 'admin (LMS admins) and trainer' }),
  courseTypes: Type.Array(Type.Object({ type: Type.String(), typeAsDisplayString: Type.String() })),
  defaultPermissionSettings: Type.Object({
    whoCanEnroll: Type.Array(Type.String()),
    whoCanUnenroll: Type.Array(Type.String()),
    whenAnEntityIsConsideredAsCompleted: Type.String(),
    whenACourseIsConsideredAsCompleted: Type.String(),
    whenAModuleIsConsideredAsCompleted: Type.String(),
  }),
  gradeCategories: Type.Array(Type.Object({ gradeCategoryId: Type.String(), name: Type.String() }), {
    description: 'The first 100, oldest first',
  }),
  recordsPerPage: Type.Integer({ description: 'Records a startIndex list answers at most' }),
  maximumUploadBytes: Type.Integer({ description: 'LECTERN_MAX_UPLOAD_BYTES' }),
  bookingConflicts: Type.String({ description: 'refuse or warn (LECTERN_BOOKING_CONFLICTS)' }),
  apiThreshold: Type.Object({
    enabled: Type.Boolean(),
    requests: Type.Integer({ description: 'Calls allowed per token and endpoint within periodSeconds' }),
    periodSeconds: Type.Integer(),
    lockPeriodSeconds: Type.Integer(),
  }),
});
