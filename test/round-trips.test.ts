/**
 * Database round trips per request, counted at the drivers (test/helpers/query-log.ts: every statement, begin and
 * commit included), on both engines (a statement on SQLite is no network trip, but the statements are the same), so
 * that they cannot creep back. Each count is asserted exactly: a change that saves a trip lowers the number here.
 * Issue 17's targets are 3 for a fetch and 4 for an update with its transaction. A warm token costs none (the caller
 * cache, test/caller-cache.test.ts); a course's view is one statement (docs/performance.md).
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, selfPacedCourse } from './helpers/completion.ts';
import { createCourse, jsonType } from './helpers/courses.ts';
import { testDialect } from './helpers/engines.ts';
import { queriesOf } from './helpers/query-log.ts';
import { erecnoOf, sessionsUrl, sessionWithSeatedLearners } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let courseId: string;
let learned: { courseId: string; learnerToken: string };

beforeAll(async () => {
  lectern = await createTestLectern();
  courseId = (await createCourse(lectern, lectern.adminToken)).courseId as string;
  const learner = lectern.employees.find((employee) => employee.status === 'active' && !employee.is_admin)!;
  const course = await selfPacedCourse(lectern, { module: 2, course: 2 }, [{ name: 'One', links: [{ name: 'a' }] }]);
  await enrol(lectern, course, [{ erecno: learner.erecno, name: learner.display_name, token: '' }]);
  learned = { courseId: course.courseId, learnerToken: await lectern.token(['ALL'], learner.erecno) };
});
afterAll(() => lectern.close());

/** The statements one request sends, after a first one has warmed what is cached per process. */
async function statementsOf(request: InjectOptions): Promise<string[]> {
  expect((await lectern.app.inject(request)).statusCode).toBe(200);
  let status = 0;
  const queries = await queriesOf(async () => {
    status = (await lectern.app.inject(request)).statusCode;
  });
  expect(status).toBe(200);
  return queries.map((query) => query.sql.replace(/\s+/g, ' '));
}

/** The statements, each cut to its first 120 characters, for a failure's message. */
const listed = (sent: string[]) => sent.map((statement) => statement.slice(0, 120)).join('\n');

describe('round trips per request', () => {
  it('fetch course: 1 (the course with its people, categories and owner)', async () => {
    const sent = await statementsOf({ url: `/api/v1/courses/${courseId}`, headers: lectern.auth(lectern.adminToken) });
    expect(sent.length, listed(sent)).toBe(1);
  });

  it("update course: 4, begin and commit included (6 on SQLite, with the group's savepoint)", async () => {
    let edit = 0;
    const sent = await statementsOf({
      method: 'PATCH',
      url: `/api/v1/courses/${courseId}`,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: JSON.stringify({ name: `Edited ${++edit}` }),
    });
    expect(sent.at(-1)).toBe('commit');
    if (testDialect === 'sqlite') {
      // Group commit: the request's transaction is a savepoint inside its group's own begin and commit.
      expect(sent.slice(0, 2)).toEqual(['begin immediate', 'savepoint lectern_group_member']);
      expect(sent.at(-2)).toBe('release savepoint lectern_group_member');
      expect(sent.length, listed(sent)).toBe(6);
    } else {
      // The locked read of the course's view, then the update; the answer is built from the two.
      expect(sent[0]).toBe('begin');
      expect(sent[1]).toMatch(/ for update$/);
      expect(sent[2]).toMatch(/^update "courses"/);
      expect(sent.length, listed(sent)).toBe(4);
    }
  });

  it('list courses: 1, whatever the page holds', async () => {
    for (let more = 0; more < 3; more += 1) await createCourse(lectern, lectern.adminToken);
    const sent = await statementsOf({ url: '/api/v1/courses', headers: lectern.auth(lectern.adminToken) });
    expect(sent.length, listed(sent)).toBe(1);
  });

  // The course's view with the learner's seats (1), then the progress engine's load (8: the portal's time zone, the
  // courses' completion settings, modules, entities, seats, completions, marks, test results).
  it("a learner's fetch of a course with their progress: 9", async () => {
    const sent = await statementsOf({
      url: `/api/v1/courses/${learned.courseId}`,
      headers: lectern.auth(learned.learnerToken),
    });
    expect(sent.length, listed(sent)).toBe(9);
  });

  it("a learner's My Courses with their progress: 9, whatever the page holds", async () => {
    const sent = await statementsOf({ url: '/api/v1/courses/mycourses', headers: lectern.auth(learned.learnerToken) });
    expect(sent.length, listed(sent)).toBe(9);
  });

  // Begin; the course's view once (the batch is checked against it), the batch, the module, the session locked, the
  // learner, their seat, the previous mark; the progress engine before and after the mark (11 each); the mark; a
  // history row and a webhook lookup for the mark and again for the completion; the session's answer; commit. 2 more
  // on SQLite: the group's savepoint and its release.
  it('mark attendance that changes the mark: 37, begin and commit included (39 on SQLite)', async () => {
    const { path, session } = await sessionWithSeatedLearners(lectern, ['Fatima Zahra'], []);
    const learner = erecnoOf(lectern, 'Fatima Zahra');
    const mark = (status: string): InjectOptions => ({
      method: 'POST',
      url: `${sessionsUrl(path, session.sessionId, 'markAttendance')}?learnerErecno=${learner}&status=${status}`,
      headers: lectern.auth(lectern.adminToken),
    });
    // Warm with one mark, then count the other, so the counted one changes the learner's state.
    expect((await lectern.app.inject(mark('Absent'))).statusCode).toBe(200);
    let status = 0;
    const sent = (
      await queriesOf(async () => {
        status = (await lectern.app.inject(mark('Present'))).statusCode;
      })
    ).map((query) => query.sql.replace(/\s+/g, ' '));
    expect(status).toBe(200);
    expect(sent.filter((statement) => statement.startsWith('select "courses".*, (select')).length, listed(sent)).toBe(
      1,
    );
    expect(sent.length, listed(sent)).toBe(testDialect === 'sqlite' ? 39 : 37);
  });
});
