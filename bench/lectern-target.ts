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
    return { baseUrl, token, courseId, app, close: () => app.close() };
  } catch (error) {
    await app.close();
    throw error;
  }
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
  );
  return scenarios;
}
