/** Course settings' activity lists, in Zoho's key names and key order. */
import { Type } from '@sinclair/typebox';
import { OnlineTestSchema } from '../online-tests/index.ts';

export const dataName = 'onlineTestData';

/** `preCourseActivities` / `postCourseActivities` in course settings (provisional: no sample). */
export const CourseActivityListSchema = Type.Object({ onlineTests: Type.Array(OnlineTestSchema) });

export const courseParams = Type.Object({ courseId: Type.String() });

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

export const CourseParams = Type.Object({ courseId: Type.String() });
