/** Lectern on a given store, listening on loopback with the rate limit off, with one course to fetch and update. */
import type { AddressInfo } from 'node:net';
import { buildApp, type LecternApp } from '../src/app.ts';
import { systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/db/create-db.ts';
import { createPortal } from '../src/features/people/portal.service.ts';
import type { Scenario } from './load.ts';

/** A running Lectern ready to be measured. */
export interface LecternTarget {
  baseUrl: string;
  token: string;
  courseId: string;
  /** A published course with 3 mandatory links and 25 enrolled learners, the first of whom completed one link. */
  learningCourseId: string;
  learnerToken: string;
  app: LecternApp;
  close(): Promise<void>;
}

/** Migrates the store, starts Lectern on it, makes a portal and creates the course the scenarios use. */
export async function startLectern(database: DatabaseHandle): Promise<LecternTarget> {
  // An explicit environment, so the shell's LECTERN_* settings cannot skew a run; the store is the handle given.
  const config = loadConfig({ LECTERN_RATE_LIMIT: 'false', LECTERN_DEMO: 'false', LECTERN_MEMORY: 'true' });
  await migrateToLatest(database.db);
  const app = await buildApp({ config, database, clock: systemClock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const { token } = await createPortal(app.lectern);
    const courseId = await createCourse(baseUrl, token);
    const learning = await createLearningCourse(baseUrl, token);
    return { baseUrl, token, courseId, ...learning, app, close: () => app.close() };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** POSTs JSON as the token's holder; answers the parsed body, or throws with what Lectern said. */
async function post(baseUrl: string, token: string, path: string, body: unknown = {}): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Zoho-oauthtoken ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`bench set-up: POST ${path} answered ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** The course the learner scenarios read: 3 mandatory links, 25 learners, one link completed by the first. */
async function createLearningCourse(baseUrl: string, token: string) {
  const courseId = (await post(baseUrl, token, '/api/v1/courses', { name: 'Learning course', type: 1 })).course
    .courseId;
  const moduleId = (await post(baseUrl, token, `/api/v1/courses/${courseId}/modules`, { name: 'Week one' })).module
    .moduleId;
  const links: string[] = [];
  for (const name of ['One', 'Two', 'Three']) {
    const linkData = { name, embedURL: 'https://example.org/read', isMandatory: true };
    links.push(
      (await post(baseUrl, token, `/api/v1/courses/${courseId}/modules/${moduleId}/links`, linkData)).link.linkId,
    );
  }
  await post(baseUrl, token, `/api/v1/courses/${courseId}/publish`);
  const people = Array.from({ length: 25 }, (_, index) => ({
    displayName: `Learner ${index + 1}`,
    emailId: `learner${index + 1}@bench.example.com`,
  }));
  const added = (await post(baseUrl, token, '/lectern/v1/employees', { employees: people })).employees as {
    erecno: string;
  }[];
  const erecnos = added.map((person) => person.erecno);
  await post(baseUrl, token, `/api/v1/courses/${courseId}/enroll?erecnosList=[${erecnos.join(',')}]`);
  const scopes = ['ZOHOPEOPLE.training.ALL'];
  const learnerToken = (await post(baseUrl, token, '/lectern/v1/tokens', { erecno: erecnos[0], scopes })).token;
  await post(baseUrl, learnerToken, `/api/v1/courses/${courseId}/modules/${moduleId}/links/${links[0]}/markAsComplete`);
  return { learningCourseId: courseId as string, learnerToken: learnerToken as string };
}

async function createCourse(baseUrl: string, token: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/courses`, {
    method: 'POST',
    headers: { authorization: `Zoho-oauthtoken ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench course', type: 1, duration: 30, durationUnit: 'minute' }),
  });
  const text = await response.text();
  let courseId: unknown;
  try {
    courseId = (JSON.parse(text) as { course?: { courseId?: unknown } }).course?.courseId;
  } catch {
    courseId = undefined;
  }
  if (response.status !== 200 || typeof courseId !== 'string') {
    throw new Error(
      `creating the bench course failed: POST /api/v1/courses answered ${response.status} ${text.slice(0, 300)}`,
    );
  }
  return courseId;
}

/** The scenarios measured against a Lectern target, each named after its store. */
export function lecternScenarios(target: LecternTarget, label: string, includeHealth: boolean): Scenario[] {
  const headers = { authorization: `Zoho-oauthtoken ${target.token}` };
  const course = `${target.baseUrl}/api/v1/courses/${target.courseId}`;
  const scenarios: Scenario[] = [];
  if (includeHealth) scenarios.push({ name: 'Lectern GET /healthz', url: `${target.baseUrl}/healthz` });
  scenarios.push(
    { name: `Lectern fetch course (${label})`, url: course, headers },
    {
      name: `Lectern update course (${label})`,
      url: course,
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Renamed', type: 1 }),
    },
    {
      name: `Lectern fetch course as a learner, with progress (${label})`,
      url: `${target.baseUrl}/api/v1/courses/${target.learningCourseId}`,
      headers: { authorization: `Zoho-oauthtoken ${target.learnerToken}` },
    },
    {
      name: `Lectern course progress, 25 learners (${label})`,
      url: `${target.baseUrl}/api/v1/courses/${target.learningCourseId}/course-progress`,
      headers,
    },
  );
  return scenarios;
}
