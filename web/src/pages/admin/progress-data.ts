/** Reading course progress (Zoho's getCourseLearnersProgress, 25 a page) and sorting it into completion bands. */
import { api, dataOf } from '../../api.ts';

/** One learner's progress in a course or batch, as the pages show it. */
export interface LearnerProgress {
  erecno: string;
  name: string;
  percentage: number;
  completed: boolean;
  started: boolean;
  display: string;
}

/** A band of the completion chart and how many learners fall in it. */
export interface CompletionBand {
  label: string;
  learners: number;
}

async function progressPage(courseId: string, batchId: string | undefined, startIndex: number) {
  const query = { startIndex };
  const answer =
    batchId === undefined
      ? await api.GET('/api/v1/courses/{courseId}/course-progress', { params: { path: { courseId }, query } })
      : await api.GET('/api/v1/courses/{courseId}/batches/{batchId}/course-progress', {
          params: { path: { courseId, batchId }, query },
        });
  return dataOf(answer);
}

/** Up to `pages` pages of learners from `startIndex` on, one after another (the API pages by 25). */
export async function learnerProgressPages(
  courseId: string,
  batchId: string | undefined,
  startIndex: number,
  pages: number,
): Promise<{ learners: LearnerProgress[]; hasMore: boolean }> {
  const learners: LearnerProgress[] = [];
  let start = startIndex;
  for (let page = 0; page < pages; page++) {
    const body = await progressPage(courseId, batchId, start);
    for (const row of body.courseProgress) {
      learners.push({
        erecno: row.learner.erecno,
        name: row.learner.displayName,
        percentage: row.percentageOfProgress,
        completed: row.hasUserCompleted,
        started: row.hasUserStarted,
        display: row.progressAsDisplayString,
      });
    }
    start += body.courseProgress.length;
    if (!body.hasMoreRecords) return { learners, hasMore: false };
  }
  return { learners, hasMore: true };
}

/** Learners by how far they are: not started, four quarters of progress, completed. */
export function completionBands(learners: readonly LearnerProgress[]): CompletionBand[] {
  const bands: CompletionBand[] = [
    { label: 'Not started', learners: 0 },
    { label: '1–24%', learners: 0 },
    { label: '25–49%', learners: 0 },
    { label: '50–74%', learners: 0 },
    { label: '75–99%', learners: 0 },
    { label: 'Completed', learners: 0 },
  ];
  for (const learner of learners) {
    const index = learner.completed
      ? 5
      : !learner.started && learner.percentage === 0
        ? 0
        : Math.min(4, 1 + Math.floor(learner.percentage / 25));
    const band = bands[index];
    if (band !== undefined) band.learners += 1;
  }
  return bands;
}
