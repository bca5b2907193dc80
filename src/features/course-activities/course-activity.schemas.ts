/** Course settings' activity lists, in Zoho's key names and key order. */
import { Type } from '@sinclair/typebox';
import { startIndexParameter } from '../../http/parameters.ts';
import { OnlineTestSchema } from '../online-tests/index.ts';

export const dataName = 'onlineTestData';

/** `preCourseActivities` / `postCourseActivities` in course settings (provisional: no sample). */
export const CourseActivityListSchema = Type.Object({ onlineTests: Type.Array(OnlineTestSchema) });

/** The path parameters of course. */
export const courseParams = Type.Object({ courseId: Type.String() });

/** The path parameters of test. */
export const testParams = Type.Object({ courseId: Type.String(), testId: Type.String() });

export const body = Type.Optional(
  Type.Unknown({ description: `${dataName} as a JSON body, bare or wrapped, or a form field` }),
);

export const single = Type.Object({
  code: Type.Literal(200),
  onlineTest: OnlineTestSchema,
  message: Type.Literal('success'),
});

export const list = Type.Object({
  code: Type.Literal(200),
  onlineTests: Type.Array(OnlineTestSchema),
  message: Type.Literal('success'),
  hasMoreRecords: Type.Boolean(),
});

export const done = Type.Object({ code: Type.Literal(200), message: Type.Literal('success') });

/** The path parameters of Course. */
export const CourseParams = Type.Object({ courseId: Type.String() });

/** The 200 answer of getCourseSettings. */
export const getCourseSettingsResponse200 = Type.Object({
  code: Type.Literal('200'),
  settings: Type.Object({
    courseId: Type.String(),
    permissionSettings: Type.Object({
      whoCanEnroll: Type.Array(Type.String()),
      whoCanUnenroll: Type.Array(Type.String()),
      whenAnEntityIsConsideredAsCompleted: Type.String(),
      whenACourseIsConsideredAsCompleted: Type.String(),
      whenAModuleIsConsideredAsCompleted: Type.String(),
    }),
    preCourseActivities: CourseActivityListSchema,
    postCourseActivities: CourseActivityListSchema,
  }),
  message: Type.Literal('success'),
});

/** The querystring of the activity lists. */
export const activityListQuery = Type.Object({ startIndex: startIndexParameter });
