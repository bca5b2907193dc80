/** `lectern seed`: a large organisation in bulk, read back through the API as any other data is. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrganisation } from '../src/commands/seed-organisation.ts';
import { cleanUpCliRuns, run } from './helpers/cli.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let portal: { portalId: string; token: string };
const counts = { courses: 30, people: 500, enrolments: 12_000 };
const progress: [string, number, number][] = [];

beforeAll(async () => {
  lectern = await createTestLectern();
  portal = await lectern.otherPortal();
  await seedOrganisation(lectern.app.lectern, portal.portalId, counts, (what, done, total) => {
    progress.push([what, done, total]);
  });
}, 120_000);
afterAll(async () => {
  cleanUpCliRuns();
  await lectern.close();
});

const get = (url: string) => lectern.app.inject({ url, headers: lectern.auth(portal.token) });

describe('seeding a portal', () => {
  it('makes published self-paced courses the course list pages through', async () => {
    const names = new Set<string>();
    for (let startIndex = 0; ; startIndex += 25) {
      const page = (await get(`/api/v1/courses?startIndex=${startIndex}`)).json();
      for (const course of page.courses) names.add(course.name);
      if (!page.hasMoreRecords) break;
    }
    expect(names.size).toBe(counts.courses);
    expect(names).toContain('Seed course 30');
    const first = (await get('/api/v1/courses')).json().courses[0];
    const course = (await get(`/api/v1/courses/${first.courseId}`)).json().course;
    expect(course).toMatchObject({ statusAsDisplayString: 'Published', type: '1' });
  });

  it('adds the people, and spreads the seats over every course without seating anyone twice', async () => {
    const people = await lectern.app.lectern.db
      .selectFrom('employees')
      .select('display_name')
      .where('portal_id', '=', portal.portalId)
      .where('display_name', 'like', 'Seed person %')
      .execute();
    expect(people).toHaveLength(counts.people);
    const perCourse = await lectern.app.lectern.db
      .selectFrom('enrolments')
      .select(['course_id', (eb) => eb.fn.countAll<string | number>().as('seats')])
      .where('portal_id', '=', portal.portalId)
      .groupBy('course_id')
      .execute();
    expect(perCourse).toHaveLength(counts.courses);
    expect(perCourse.every((row) => Number(row.seats) === counts.enrolments / counts.courses)).toBe(true);
  });

  it("shows a seeded learner's courses through the API", async () => {
    const seat = await lectern.app.lectern.db
      .selectFrom('enrolments')
      .select('erecno')
      .where('portal_id', '=', portal.portalId)
      .executeTakeFirstOrThrow();
    const response = await get(`/api/v1/learners/${seat.erecno}/course-progress`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().courseProgress.length).toBeGreaterThan(0);
  });

  it('tells its progress after each committed chunk, ending at each total', () => {
    for (const what of ['people', 'courses', 'enrolments'] as const) {
      const told = progress.filter(([name]) => name === what);
      expect(told.at(-1)).toEqual([what, counts[what], counts[what]]);
    }
  });
});

describe('lectern seed', () => {
  it('seeds a store and prints a summary, progress as plain lines when not on a terminal', async () => {
    const result = await run(['seed', '--memory', '--courses', '3', '--people', '4', '--enrolments', '12']);
    expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/^seeded 4 people, 3 courses, 12 enrolments in \d+\.\d s\n$/);
    expect(result.stderr).toContain('enrolments: 12 / 12');
  });

  it('refuses impossible counts in one line with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--courses', 'x'], /--courses must be a whole number from 0 to 10,000,000, got "x"/],
      [['--people', '2', '--courses', '2', '--enrolments', '5'], /cannot exceed --people x --courses \(4\)/],
      [[], /nothing to seed/],
    ];
    for (const [args, message] of cases) {
      const result = await run(['seed', '--memory', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
