/**
 * The load scenarios, in the order they run. Writes walk over many rows (and one scenario hammers one hot row);
 * paired writes (enrol then unenrol, publish then unpublish) hold their row for the round, so two connections never
 * undo each other and every answer should be a success.
 */
import type { Plan, Round, Step } from './load.ts';
import type { Fixture } from './seed.ts';

/** Which server a scenario is measured against. */
export type ServerKind = 'bare' | 'lectern' | 'rate-limited' | 'rate-limited-redis';

/** A load scenario: what it needs seeded and the requests it repeats. */
export interface Scenario {
  name: string;
  title: string;
  server: ServerKind;
  /** For endpoints that do not exist yet: a request whose 404 means "not available" (the row is listed, not run). */
  probe?: { method: 'GET' | 'POST'; path: string; auth: boolean };
  /** Seeds what the scenario needs; answers a factory of fresh plans (one per autocannon run). */
  prepare(fixture: Fixture, token: string): Promise<() => Plan>;
}

/** Hands out rows in turn, skipping rows another connection holds for its round. */
class RowPool {
  private cursor = 0;
  private readonly held = new Set<string>();
  constructor(private readonly rows: string[]) {}

  /** The next row no round holds, now held. */
  take(): string {
    for (let tries = 0; tries < this.rows.length; tries += 1) {
      const row = this.rows[this.cursor]!;
      this.cursor = (this.cursor + 1) % this.rows.length;
      if (!this.held.has(row)) {
        this.held.add(row);
        return row;
      }
    }
    throw new Error('every row is held: the pool must be larger than the number of connections');
  }

  release(row: string): void {
    this.held.delete(row);
  }

  /** Forgets rounds of an earlier run (autocannon drops unfinished rounds when it stops). */
  reset(): void {
    this.held.clear();
  }
}

/** Cycles through rows, one per request, with a counter for names that change on every write. */
function cycle(rows: string[]): () => { row: string; count: number } {
  let count = 0;
  return () => {
    count += 1;
    return { row: rows[count % rows.length]!, count };
  };
}

const json = { 'content-type': 'application/json' };
const authorised = (token: string) => ({ authorization: `Zoho-oauthtoken ${token}` });
const plan = (...steps: Step[]) => ({ steps });

/** A 200 enrol or unenrol answer names a status per learner; only these count as done. */
const saysStatus =
  (...statuses: string[]) =>
  (body: string) =>
    statuses.some((status) => body.includes(`"status":"${status}"`));

/** A fetch-course plan walking over the 1,000 courses (shared by the scenarios with the rate limiter on). */
async function fetchCourses(fixture: Fixture, token: string): Promise<() => Plan> {
  const next = cycle(await fixture.courses());
  return () =>
    plan({ method: 'GET', headers: authorised(token), request: () => ({ path: `/api/v1/courses/${next().row}` }) });
}

/** The token endpoint's refresh call for one pooled refresh token. */
function refreshPath(token: { clientId: string; clientSecret: string; refreshToken: string }): string {
  const query = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: token.refreshToken,
    client_id: token.clientId,
    client_secret: token.clientSecret,
  });
  return `/oauth/v2/token?${query}`;
}

/** Every load scenario. */
export const scenarios: Scenario[] = [
  {
    name: 'bare',
    title: 'bare node:http GET (course-sized body)',
    server: 'bare',
    prepare: async () => () => plan({ method: 'GET', request: { path: '/' } }),
  },
  {
    name: 'healthz',
    title: 'GET /healthz',
    server: 'lectern',
    prepare: async () => () => plan({ method: 'GET', request: { path: '/healthz' } }),
  },
  { name: 'fetch-course', title: 'fetch course, 1,000 in turn', server: 'lectern', prepare: fetchCourses },
  {
    name: 'update-course-spread',
    title: 'update course, 1,000 in turn',
    server: 'lectern',
    prepare: async (fixture, token) => {
      const next = cycle(await fixture.courses());
      const headers = { ...authorised(token), ...json };
      const request = () => {
        const { row, count } = next();
        return { path: `/api/v1/courses/${row}`, body: JSON.stringify({ name: `Bench course, edit ${count}` }) };
      };
      return () => plan({ method: 'PATCH', headers, request });
    },
  },
  {
    name: 'update-course-hot',
    title: 'update course, one hot row',
    server: 'lectern',
    prepare: async (fixture, token) => {
      const [hot] = await fixture.courses();
      let count = 0;
      const headers = { ...authorised(token), ...json };
      const request = () => ({
        path: `/api/v1/courses/${hot}`,
        body: JSON.stringify({ name: `Hot course, edit ${++count}` }),
      });
      return () => plan({ method: 'PATCH', headers, request });
    },
  },
  {
    name: 'list-courses',
    title: 'list courses, a page of 25 (of 1,000+)',
    server: 'lectern',
    prepare: async (fixture, token) => {
      await fixture.courses();
      return () => plan({ method: 'GET', headers: authorised(token), request: { path: '/api/v1/courses' } });
    },
  },
  {
    name: 'list-batches',
    title: 'list batches of a course (25)',
    server: 'lectern',
    prepare: async (fixture, token) => {
      const { courseId } = await fixture.batches();
      const path = `/api/v1/courses/${courseId}/batches`;
      return () => plan({ method: 'GET', headers: authorised(token), request: { path } });
    },
  },
  {
    name: 'enrol-unenrol',
    title: 'enrol, then unenrol, 1,000 learners in turn',
    server: 'lectern',
    prepare: async (fixture, token) => {
      const { courseId, learners } = await fixture.enrolment();
      const pool = new RowPool(learners);
      const headers = authorised(token);
      const enrol: Step = {
        method: 'POST',
        headers,
        request: (round) => {
          round.learner = pool.take();
          return { path: `/api/v1/courses/${courseId}/enroll?erecnosList=[${round.learner}]` };
        },
        // A round cut off by the end of an earlier run can leave its learner enrolled.
        check: saysStatus('enrolled', 'alreadyEnrolled'),
      };
      const unenrol: Step = {
        method: 'POST',
        headers,
        request: (round) => ({ path: `/api/v1/courses/${courseId}/unenroll?erecnosList=[${round.learner}]` }),
        check: saysStatus('unenrolled'),
        settle: (round) => pool.release(round.learner as string),
      };
      return () => {
        pool.reset();
        return plan(enrol, unenrol);
      };
    },
  },
  {
    name: 'publish-unpublish',
    title: 'publish, then unpublish a course, 200 in turn',
    server: 'lectern',
    prepare: async (fixture, token) => {
      const pool = new RowPool(await fixture.publishable());
      const headers = authorised(token);
      const publish: Step = {
        method: 'POST',
        headers,
        request: (round: Round) => {
          round.course = pool.take();
          return { path: `/api/v1/courses/${round.course}/publish` };
        },
      };
      const unpublish: Step = {
        method: 'POST',
        headers,
        request: (round) => ({ path: `/api/v1/courses/${round.course}/unpublish` }),
        settle: (round) => pool.release(round.course as string),
      };
      return () => {
        pool.reset();
        return plan(publish, unpublish);
      };
    },
  },
  {
    name: 'mark-attendance',
    title: 'mark attendance, a session of 25 learners',
    server: 'lectern',
    prepare: async (fixture, token) => {
      const { session, learners } = await fixture.attendance();
      const next = cycle(learners);
      const base =
        `/api/v1/courses/${session.courseId}/batches/${session.batchId}/modules/${session.moduleId}` +
        `/sessions/${session.sessionId}/markAttendance`;
      const request = () => {
        const { row, count } = next();
        // Each pass over the 25 flips everyone, so every mark changes the learner's state.
        const status = Math.floor(count / learners.length) % 2 === 0 ? 'Present' : 'Absent';
        return { path: `${base}?learnerErecno=${row}&status=${status}` };
      };
      return () => plan({ method: 'POST', headers: authorised(token), request });
    },
  },
  {
    name: 'learner-course',
    title: 'fetch course as a learner, with progress',
    server: 'lectern',
    prepare: async (fixture) => {
      const { courseId, learnerToken } = await fixture.learning();
      return () =>
        plan({ method: 'GET', headers: authorised(learnerToken), request: { path: `/api/v1/courses/${courseId}` } });
    },
  },
  {
    name: 'learner-courses',
    title: "a learner's courses (mycourses), first page",
    server: 'lectern',
    prepare: async (fixture) => {
      const { learnerToken } = await fixture.learning();
      return () =>
        plan({ method: 'GET', headers: authorised(learnerToken), request: { path: '/api/v1/courses/mycourses' } });
    },
  },
  {
    name: 'course-progress',
    title: 'course progress of 25 learners',
    server: 'lectern',
    prepare: async (fixture, token) => {
      const { courseId } = await fixture.learning();
      const path = `/api/v1/courses/${courseId}/course-progress`;
      return () => plan({ method: 'GET', headers: authorised(token), request: { path } });
    },
  },
  {
    name: 'fetch-course-rate-limited',
    title: 'fetch course, rate limiter on (in process)',
    server: 'rate-limited',
    prepare: fetchCourses,
  },
  {
    name: 'fetch-course-rate-limited-redis',
    title: 'fetch course, rate limiter on (Redis)',
    server: 'rate-limited-redis',
    prepare: fetchCourses,
  },
  {
    name: 'people-records',
    title: 'People view records, a page of 200',
    server: 'lectern',
    probe: { method: 'GET', path: '/api/forms/P_EmployeeView/records?sIndex=1&rec_limit=200', auth: true },
    prepare: async (fixture) => {
      await fixture.enrolment();
      const formsToken = await fixture.formsToken();
      const path = '/api/forms/P_EmployeeView/records?sIndex=1&rec_limit=200';
      return () => plan({ method: 'GET', headers: authorised(formsToken), request: { path } });
    },
  },
  {
    name: 'oauth-refresh',
    title: 'OAuth token refresh',
    server: 'lectern',
    probe: {
      method: 'POST',
      path: '/oauth/v2/token?grant_type=refresh_token&refresh_token=1000.x.y&client_id=1000.X&client_secret=x',
      auth: false,
    },
    prepare: async (fixture) => {
      // Each request refreshes with the next token of the pool, so no token passes Zoho's 10 in 10 minutes.
      const next = cycle((await fixture.oauthPool()).tokens.map(refreshPath));
      // Zoho's token endpoint answers its errors with 200 and {"error":...}: only an access token is a success.
      return () =>
        plan({
          method: 'POST',
          request: () => ({ path: next().row }),
          check: (body) => body.includes('"access_token"'),
        });
    },
  },
];
