/** Pre- and post-course online tests and Course Settings' activity lists, in Zoho's key names and key order. */
import { Type } from '@sinclair/typebox';
import { startIndexParameter } from '../../http/parameters.ts';
import { entityDataBody, entityDataQuery } from '../entities/index.ts';
import { OnlineTestDataInput, OnlineTestSchema, OnlineTestUpdateInput } from '../online-tests/index.ts';

/** A course activity's data object is an online test's: `onlineTestData`. */
export const activityTestDataName = 'onlineTestData';

/** `preCourseActivities` / `postCourseActivities` in course settings (provisional: no sample). */
export const CourseActivityListSchema = Type.Object({ onlineTests: Type.Array(OnlineTestSchema) });

/** The path of a course's activities and of Course Settings. */
export const CourseParams = Type.Object({ courseId: Type.String() });

/** The path of one pre- or post-course test. */
export const ActivityTestParams = Type.Object({ courseId: Type.String(), testId: Type.String() });

/** The querystring of adding a pre- or post-course test: onlineTestData as on create. */
export const addActivityTestQuery = entityDataQuery(activityTestDataName, OnlineTestDataInput);

/** The querystring of editing a pre- or post-course test: onlineTestData, every key optional. */
export const editActivityTestQuery = entityDataQuery(activityTestDataName, OnlineTestUpdateInput);

/** The body of adding and editing: onlineTestData may come here instead of the query, read by the handler. */
export const activityTestDataBody = entityDataBody(activityTestDataName);

/** `{"code":200,"onlineTest":{...},"message":"success"}` for one pre- or post-course test. */
export const ActivityTestEnvelope = Type.Object({
  code: Type.Literal(200),
  onlineTest: OnlineTestSchema,
  message: Type.Literal('success'),
});

/** A page of a course's pre- or post-course tests. */
export const ActivityTestListEnvelope = Type.Object({
  code: Type.Literal(200),
  onlineTests: Type.Array(OnlineTestSchema),
  message: Type.Literal('success'),
  hasMoreRecords: Type.Boolean(),
});

/** `{"code":200,"message":"success"}` for a deleted test (the module entities' number code). */
export const ActivityTestDeletedBody = Type.Object({ code: Type.Literal(200), message: Type.Literal('success') });

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
