import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchema, dropSchema, testRedisUrl } from './helpers/engines.ts';
import { databaseUrlOfSchema, serverProcesses } from './helpers/processes.ts';

// Two Lectern processes on one PostgreSQL schema and one Redis, as behind a load balancer.
const token = `1000.${randomBytes(16).toString('hex')}.scaleout`;
const processes = serverProcesses({ LECTERN_BOOTSTRAP_TOKEN: token, REDIS_URL: testRedisUrl });
let schema: string;
let urls: string[];

function call(base: string, method: string, path: string, body?: unknown) {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Zoho-oauthtoken ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

beforeAll(async () => {
  if (process.env.LECTERN_REDIS_AVAILABLE !== '1') return;
  schema = await createSchema();
  const databaseUrl = databaseUrlOfSchema(schema);
  // Both start at once on an empty schema: migrations and the demo portal must survive the race.
  urls = await Promise.all([processes.start(databaseUrl), processes.start(databaseUrl)]);
}, 60_000);

afterAll(async () => {
  await processes.stopAll();
  if (schema) await dropSchema(schema);
}, 30_000);

// Without Redis (and without LECTERN_REQUIRE_SERVICES) the vitest config has already said it skips these.
describe.skipIf(process.env.LECTERN_REDIS_AVAILABLE !== '1')(
  'two Lectern processes on one PostgreSQL and one Redis',
  () => {
    it('are both ready', async () => {
      for (const base of urls) expect((await fetch(`${base}/readyz`)).status).toBe(200);
    });

    it('refuse the 31st call within a minute whichever process gets it', async () => {
      const statuses: number[] = [];
      for (let index = 0; index < 32; index += 1) {
        statuses.push((await call(urls[index % 2]!, 'GET', '/api/v1/rooms')).status);
      }
      expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
      expect(statuses.slice(30)).toEqual([429, 429]);
    });

    it('never hand out the same id from both', async () => {
      const responses = await Promise.all(
        Array.from({ length: 24 }, (_, index) =>
          call(urls[index % 2]!, 'POST', '/api/v1/courses', { name: `Course ${index}`, type: 1 }),
        ),
      );
      const ids = await Promise.all(responses.map(async (response) => (await response.json()).course.courseId));
      expect(new Set(ids).size).toBe(24);
    });

    it('end a course updated concurrently through both as exactly one request', async () => {
      const employees = (await (await call(urls[0]!, 'GET', '/lectern/v1/employees')).json()).employees;
      const active = employees.filter((employee: { status: string }) => employee.status === 'active');
      const created = await (await call(urls[0]!, 'POST', '/api/v1/courses', { name: 'Contended', type: 1 })).json();
      const courseId = created.course.courseId;
      const update = (index: number) => ({
        name: `Name ${index}`,
        description: `Description ${index}`,
        courseCode: `CODE-${index}`,
        duration: index + 1,
        courseAdmins: [active[index % active.length].erecno, active[(index + 1) % active.length].erecno],
      });
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          call(urls[index % 2]!, 'PATCH', `/api/v1/courses/${courseId}`, update(index)),
        ),
      );
      expect(responses.every((response) => response.status === 200)).toBe(true);
      const course = (await (await call(urls[1]!, 'GET', `/api/v1/courses/${courseId}`)).json()).course;
      const winner = Number(/^Name (\d+)$/.exec(course.name)![1]);
      const expected = update(winner);
      expect(course.description).toBe(expected.description);
      expect(course.courseCode).toBe(expected.courseCode);
      expect(course.duration).toBe(expected.duration);
      expect(course.courseAdmins.map((admin: { erecno: string }) => admin.erecno)).toEqual(expected.courseAdmins);
    });
  },
);
