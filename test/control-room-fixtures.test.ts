/** Fixture files: one transaction, ids fixed by a seed, every refusal naming the field's path and writing nothing. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalRowCounts } from '../src/control-room/portals.service.ts';
import { issueToken } from '../src/features/people/portal.service.ts';
import { cleanUpCliRuns, run, temporaryFolder } from './helpers/cli.ts';
import { jsonType } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let operator: string;

function call(target: TestLectern, method: string, url: string, token: string, body?: unknown) {
  return target.app.inject({
    method: method as 'GET',
    url,
    headers: { ...target.auth(token), ...(body === undefined ? {} : jsonType) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

async function operatorOf(target: TestLectern): Promise<string> {
  const scopes = ['ZOHOPEOPLE.training.ALL'];
  return (await issueToken(target.app.lectern, { portalId: target.portalId, scopes, isOperator: true })).token;
}

async function newPortal(target: TestLectern, token: string) {
  const response = await call(target, 'POST', '/lectern/v1/portals', token, {});
  expect(response.statusCode, response.body).toBe(200);
  return { portalId: response.json().portal.portalId as string, token: response.json().token as string };
}

function load(target: TestLectern, portalId: string, token: string, fixtures: unknown) {
  return call(target, 'POST', `/lectern/v1/portals/${portalId}/fixtures`, token, fixtures);
}

/** A small world: two people, a blended course with a batch, a module and two sessions, a self-paced course. */
function world(seed = 42) {
  return {
    seed,
    people: [
      { key: 'tina', displayName: 'Tina Trainer', emailId: 'tina@example.com', roles: ['trainer'] },
      { key: 'lars', displayName: 'Lars Learner', emailId: 'lars@example.com', manager: 'tina' },
    ],
    courses: [
      {
        key: 'safety',
        name: 'Safety on site',
        type: 2,
        courseAdmins: ['tina'],
        batches: [
          {
            key: 'safety-jan',
            name: 'January',
            startDate: '05-01-2026',
            endDate: '30-01-2026',
            minimumCapacity: 1,
            maximumCapacity: 10,
            sessions: [
              {
                key: 's1',
                name: 'Walkthrough',
                module: 'day1',
                trainer: 'tina',
                date: '06-01-2026',
                startTime: '10:00 AM',
                endTime: '11:00 AM',
              },
              {
                name: 'Drill',
                module: 'day1',
                trainer: 'tina',
                date: '07-01-2026',
                startTime: '02:00 PM',
                endTime: '03:30 PM',
              },
            ],
          },
        ],
        modules: [{ key: 'day1', name: 'Day one', batch: 'safety-jan' }],
      },
      { key: 'intro', name: 'Introduction', type: 1, published: true, modules: [{ key: 'welcome', name: 'Welcome' }] },
    ],
    enrolments: [
      { person: 'lars', course: 'safety', batch: 'safety-jan' },
      { person: 'lars', course: 'intro' },
    ],
  };
}

beforeAll(async () => {
  lectern = await createTestLectern();
  operator = await operatorOf(lectern);
});
afterAll(() => lectern?.close());

describe('POST /lectern/v1/portals/{portalId}/fixtures', () => {
  it('makes people, courses, batches, modules, sessions and enrolments the API then serves', async () => {
    const portal = await newPortal(lectern, operator);
    const response = await load(lectern, portal.portalId, portal.token, world());
    expect(response.statusCode, response.body).toBe(200);
    const { ids } = response.json();
    expect(Object.keys(ids.people)).toEqual(['tina', 'lars']);
    const course = await call(lectern, 'GET', `/api/v1/courses/${ids.courses.safety}`, portal.token);
    expect(course.statusCode, course.body).toBe(200);
    expect(course.json().course.name).toBe('Safety on site');
    const batch = `/api/v1/courses/${ids.courses.safety}/batches/${ids.batches['safety-jan']}`;
    expect((await call(lectern, 'GET', batch, portal.token)).json().batch.name).toBe('January');
    const sessions = await call(lectern, 'GET', `${batch}/sessions`, portal.token);
    expect(sessions.statusCode, sessions.body).toBe(200);
    expect(JSON.stringify(sessions.json())).toContain(ids.sessions.s1);
    const counts = await portalRowCounts(lectern.app.lectern, portal.portalId);
    expect(counts).toMatchObject({ courses: 2, batches: 1, course_modules: 2, class_sessions: 2, enrolments: 2 });
    expect(counts.employees).toBe(22);
  });

  it('gives the same ids to the same file and seed in two fresh stores, and another seed other ids', async () => {
    const other = await createTestLectern();
    try {
      const first = await newPortal(lectern, operator);
      const second = await newPortal(other, await operatorOf(other));
      const a = await load(lectern, first.portalId, first.token, world(7));
      const b = await load(other, second.portalId, second.token, world(7));
      expect(a.statusCode, a.body).toBe(200);
      expect(b.statusCode, b.body).toBe(200);
      expect(b.json().ids).toEqual(a.json().ids);
      const third = await newPortal(other, await operatorOf(other));
      const c = await load(other, third.portalId, third.token, world(8));
      expect(c.statusCode, c.body).toBe(200);
      expect(c.json().ids.courses.safety).not.toBe(a.json().ids.courses.safety);
    } finally {
      await other.close();
    }
  });

  it('refuses a seed whose ids the store already holds, rolling back the rows written before the clash', async () => {
    const portal = await newPortal(lectern, operator);
    const first = await load(lectern, portal.portalId, portal.token, {
      seed: 99,
      courses: [
        { key: 'x', name: 'X', type: 1 },
        { key: 'y', name: 'Y', type: 1 },
      ],
    });
    expect(first.statusCode, first.body).toBe(200);
    const before = await portalRowCounts(lectern.app.lectern, portal.portalId);
    // The person takes the seed's first id (free among people); the course its second, which course y holds.
    const clash = await load(lectern, portal.portalId, portal.token, {
      seed: 99,
      people: [{ key: 'p', displayName: 'Pat', emailId: 'pat@example.com' }],
      courses: [{ key: 'z', name: 'Z', type: 1 }],
    });
    expect(clash.statusCode, clash.body).toBe(409);
    expect(clash.json().message).toContain('seed 99');
    expect(await portalRowCounts(lectern.app.lectern, portal.portalId)).toEqual(before);
  });

  it('names the path of the bad field and writes nothing', async () => {
    const portal = await newPortal(lectern, operator);
    const before = await portalRowCounts(lectern.app.lectern, portal.portalId);
    const cases: [(file: ReturnType<typeof world>) => void, string][] = [
      [
        (file) => {
          (file.courses[0]!.batches![0] as Record<string, unknown>).startDate = '2026-01-05';
        },
        'courses[0].batches[0].startDate',
      ],
      [
        (file) => {
          file.courses[0]!.batches![0]!.startDate = '31-02-2026';
        },
        'courses[0].batches[0].startDate',
      ],
      [
        (file) => {
          delete (file.courses[1] as Record<string, unknown>).name;
        },
        'courses[1].name',
      ],
      [
        (file) => {
          file.courses[0]!.batches![0]!.sessions![1]!.trainer = 'lars';
        },
        'courses[0].batches[0].sessions[1].trainer',
      ],
      [
        (file) => {
          file.courses[0]!.batches![0]!.sessions![0]!.date = '01-02-2026';
        },
        'courses[0].batches[0].sessions[0].date',
      ],
      [
        (file) => {
          file.enrolments[1]!.person = 'nobody';
        },
        'enrolments[1].person',
      ],
      [
        (file) => {
          (file.enrolments[1] as Record<string, unknown>).batch = 'safety-jan';
        },
        'enrolments[1].batch',
      ],
      [
        (file) => {
          file.people[1]!.key = 'tina';
        },
        'people[1].key',
      ],
      [
        (file) => {
          (file.courses[1] as Record<string, unknown>).colour = 'red';
        },
        'courses[1].colour',
      ],
      [
        (file) => {
          (file.courses[1] as Record<string, unknown>).batches = file.courses[0]!.batches;
        },
        'courses[1].batches',
      ],
    ];
    for (const [spoil, path] of cases) {
      const file = world();
      spoil(file);
      const response = await load(lectern, portal.portalId, portal.token, file);
      expect(response.statusCode, `${path}: ${response.body}`).toBe(400);
      expect(response.json().parameter, response.body).toBe(path);
      expect(response.json().message).toContain(path);
    }
    expect(await portalRowCounts(lectern.app.lectern, portal.portalId)).toEqual(before);
  });

  it("becomes the portal's initial state: a reset goes back to the fixture", async () => {
    const portal = await newPortal(lectern, operator);
    const loaded = await load(lectern, portal.portalId, portal.token, world(3));
    const courseId = loaded.json().ids.courses.intro;
    const before = (await call(lectern, 'GET', `/api/v1/courses/${courseId}`, portal.token)).body;
    await call(lectern, 'DELETE', `/api/v1/courses/${courseId}`, portal.token);
    expect((await call(lectern, 'GET', `/api/v1/courses/${courseId}`, portal.token)).statusCode).toBe(404);
    expect((await call(lectern, 'POST', `/lectern/v1/portals/${portal.portalId}/reset`, portal.token)).statusCode).toBe(
      200,
    );
    expect((await call(lectern, 'GET', `/api/v1/courses/${courseId}`, portal.token)).body).toBe(before);
  });

  it('lets an admin load into their own portal only', async () => {
    const mine = await newPortal(lectern, operator);
    const theirs = await newPortal(lectern, operator);
    const file = { people: [{ key: 'a', displayName: 'A', emailId: 'a@example.com' }] };
    expect((await load(lectern, mine.portalId, mine.token, file)).statusCode).toBe(200);
    expect((await load(lectern, theirs.portalId, mine.token, file)).statusCode).toBe(404);
    const learner = (await call(lectern, 'GET', '/lectern/v1/employees', mine.token))
      .json()
      .employees.find((employee: { roles: string[] }) => employee.roles.length === 0);
    const token = (
      await issueToken(lectern.app.lectern, {
        portalId: mine.portalId,
        erecno: learner.erecno,
        scopes: ['ZOHOPEOPLE.training.ALL'],
      })
    ).token;
    expect((await load(lectern, mine.portalId, token, file)).statusCode).toBe(403);
  });
});

describe('lectern portal load', () => {
  afterAll(cleanUpCliRuns);

  function fixtureFile(fixtures: unknown): string {
    const file = join(temporaryFolder(), 'fixtures.json');
    writeFileSync(file, JSON.stringify(fixtures));
    return file;
  }

  it('loads a file into a new portal with the same ids in two stores under --seed, and into a given portal', async () => {
    const file = fixtureFile({ ...world(), seed: undefined });
    const [first, second] = [temporaryFolder(), temporaryFolder()];
    const a = await run(['portal', 'load', file, '--seed', '5', '--data', first]);
    const b = await run(['portal', 'load', file, '--seed', '5', '--data', second]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const [loadedA, loadedB] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    expect(loadedA.seed).toBe(5);
    expect(loadedA.ids).toEqual(loadedB.ids);
    expect(loadedA.token).toMatch(/^1000\./);

    const [defaultPortal] = (await run(['portal', 'list', '--data', first])).stdout.split('\t');
    const into = await run([
      'portal',
      'load',
      fixtureFile({ people: [world().people[0]] }),
      '--portal',
      defaultPortal!,
      '--data',
      first,
    ]);
    expect(into.code, into.stderr).toBe(0);
    expect(JSON.parse(into.stdout)).toMatchObject({ portalId: defaultPortal, seed: null });
  }, 60_000);

  it('refuses a bad file with one line naming the field, exit 2, and leaves no portal behind', async () => {
    const data = temporaryFolder();
    const file = world();
    file.courses[0]!.batches![0]!.endDate = '01-01-2025';
    const refused = await run(['portal', 'load', fixtureFile(file), '--data', data]);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('courses[0].batches[0].endDate');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect((await run(['portal', 'list', '--data', data])).stdout.trim().split('\n')).toHaveLength(1);
    const missing = await run(['portal', 'load', join(data, 'nope.json'), '--data', data]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    const badSeed = await run(['portal', 'load', fixtureFile({}), '--seed', '-1', '--data', data]);
    expect(badSeed.code).toBe(2);
  }, 60_000);
});
