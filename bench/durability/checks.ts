/** After a restart: retry what was cut off, then compare what the script remembers with what the API shows. */
import { callApi, forEachConcurrently } from '../api-client.ts';
import type { CourseRecord, Ledger } from './ledger.ts';
import { type Api, recordAnswer, sendWrite } from './writers.ts';

const concurrency = 8;

/**
 * The writes a kill cut off: every update, and about half the creates (chosen by `random`), are sent again with
 * their Idempotency-Key, as a retrying client would; the other creates are abandoned, to show that a write sent once
 * and never answered is stored at most once.
 */
export async function settleInFlight(api: Api, ledger: Ledger, random: () => number): Promise<void> {
  const writes = ledger.inFlight;
  ledger.inFlight = [];
  const retried = writes.filter((write) => {
    if (write.kind === 'update') return true;
    if (random() < 0.5) {
      ledger.retriedNames.add(write.course.name);
      return true;
    }
    ledger.abandoned.push(write.course);
    ledger.tally.abandoned += 1;
    return false;
  });
  ledger.tally.retried += retried.length;
  await forEachConcurrently(retried, concurrency, async (write) => {
    // No answer here means the fresh server is down: that ends the run rather than counting as a loss.
    const answer = await sendWrite(api, write);
    if (!recordAnswer(ledger, write, answer)) {
      throw new Error(`a retried ${write.kind} was refused after the restart; see the problems listed`);
    }
  });
}

/** Fetches each course and compares its name and courseCode with the last acknowledged write. */
export async function checkCourses(api: Api, ledger: Ledger, courses: readonly CourseRecord[]): Promise<void> {
  await forEachConcurrently(courses, concurrency, async (course) => {
    const answer = await callApi(api.baseUrl, api.token, 'GET', `/api/v1/courses/${course.courseId}`);
    if (answer.status !== 200) {
      ledger.lose(course, `fetch answered ${answer.status}`);
      return;
    }
    const stored = answer.body.course as { name: string; courseCode: string };
    if (stored.name !== course.name) ledger.lose(course, `stored name is ${JSON.stringify(stored.name)}`);
    else if (stored.courseCode !== course.code) {
      ledger.lose(course, `courseCode is ${stored.courseCode}, last acknowledged ${course.code}`);
    }
  });
}

// Bounds the census: 25 courses a page, so up to 400,000 courses.
const maxPages = 16_000;

/** How often each name under the ledger's prefix is stored, read page by page through Fetch All Courses. */
async function countNames(api: Api, prefix: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let startIndex = 0;
  for (let page = 0; page < maxPages; page++) {
    const search = encodeURIComponent(prefix);
    const answer = await callApi(
      api.baseUrl,
      api.token,
      'GET',
      `/api/v1/courses?search=${search}&startIndex=${startIndex}`,
    );
    if (answer.status !== 200) throw new Error(`listing courses answered ${answer.status}`);
    const courses = answer.body.courses as { name: string }[];
    for (const { name } of courses) counts.set(name, (counts.get(name) ?? 0) + 1);
    if (!answer.body.hasMoreRecords) return counts;
    startIndex += courses.length;
  }
  throw new Error(`more than ${maxPages} pages of courses; the census stopped`);
}

/**
 * Every name the run used, counted in the store: an acknowledged create, or one the server says it applied, is there
 * exactly once, an abandoned one at most once, and no name is there twice.
 */
export async function census(api: Api, ledger: Ledger): Promise<void> {
  const counts = await countNames(api, ledger.prefix);
  for (const [name, count] of counts) {
    if (count <= 1) continue;
    const story = ledger.retriedNames.has(name) ? 'cut off by a kill, then retried with its key' : 'sent once';
    ledger.problem('duplicated', `${name} is stored ${count} times (its create was ${story})`);
  }
  for (const course of ledger.acknowledgedAll()) {
    if (!counts.has(course.name)) ledger.lose(course, 'its name is not in the course list');
  }
  for (const course of ledger.appliedCreates) {
    if (!counts.has(course.name)) ledger.lose(course, 'its create was applied, but its name is not in the course list');
  }
  for (const course of ledger.abandoned) {
    if (counts.has(course.name)) ledger.tally.abandonedStored += 1;
  }
}
