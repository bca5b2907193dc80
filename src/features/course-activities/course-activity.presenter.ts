/** The pre- and post-course activities of Fetch Course Settings. */
import { Type } from '@sinclair/typebox';
import type { EntityView } from '../entities/index.ts';
import { OnlineTestSchema, presentOnlineTest } from '../online-tests/index.ts';

/** `preCourseActivities` / `postCourseActivities` in course settings (provisional: no sample). */
export const CourseActivityListSchema = Type.Object({ onlineTests: Type.Array(OnlineTestSchema) });

/** Both stages' tests as course settings show them; `base` is the public base URL for the preview links. */
export function presentCourseActivities(tests: { pre: EntityView[]; post: EntityView[] }, base: string) {
  return {
    preCourseActivities: { onlineTests: tests.pre.map((view) => presentOnlineTest(view, base)) },
    postCourseActivities: { onlineTests: tests.post.map((view) => presentOnlineTest(view, base)) },
  };
}
