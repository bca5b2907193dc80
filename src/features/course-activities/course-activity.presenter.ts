/** The pre- and post-course activities of Fetch Course Settings. */
import type { EntityView } from '../entities/index.ts';
import { presentOnlineTest } from '../online-tests/index.ts';

/** Both stages' tests as course settings show them; `base` is the public base URL for the preview links. */
export function presentCourseActivities(tests: { pre: EntityView[]; post: EntityView[] }, base: string) {
  return {
    preCourseActivities: { onlineTests: tests.pre.map((view) => presentOnlineTest(view, base)) },
    postCourseActivities: { onlineTests: tests.post.map((view) => presentOnlineTest(view, base)) },
  };
}
