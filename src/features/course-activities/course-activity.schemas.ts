/** Course settings' activity lists, in Zoho's key names and key order. */
import { Type } from '@sinclair/typebox';
import { OnlineTestSchema } from '../online-tests/index.ts';

/** `preCourseActivities` / `postCourseActivities` in course settings (provisional: no sample). */
export const CourseActivityListSchema = Type.Object({ onlineTests: Type.Array(OnlineTestSchema) });
