/** The control room's portals: list, delete, reset and snapshots, and who may do each to which portal. */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalRowCounts } from '../src/control-room/portals.service.ts';
import { issueToken } from '../src/features/people/portal.service.ts';
import { cleanUpCliRuns, run, temporaryFolder } from './helpers/cli.ts';
import { createCourse, jsonType, patchCourse } from './helpers/courses.ts';
import { createFamilies, upload } from './helpers/files.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let operator: string;
let portalA: { portalId: string; token: string };
let portalB: { portalId: string; token: string };

function call(method: string, url: string, token: string, body?: unknown) {
  return lectern.app.inject({
    method: method as 'GET',
    url,
    headers: { ...lectern.auth(token), ...(body === undefined ? {} : jsonType) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

async function newPortal(): Promise<{ portalId: string; token: string }> {
  const response = await call('POST', '/lectern/v1/portals', operator, {});
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json() as { portal: { portalId: string }; token: string };
  return { portalId: body.portal.portalId, token: body.token };
}

/** Writes a fixture file into a fresh folder; answers its path. */
function fixtureFile(fixtures: unknown): string {
  const file = join(temporaryFolder(), 'fixtures.json');
  writeFileSync(file, JSON.stringify(fixtures));
  return file;
}

/** The GET answers a portal's state shows through: its courses, one by one and listed. */
async function answers(token: string, courseIds: string[]): Promise<string[]> {
  const bodies = [(await call('GET', '/api/v1/courses?startIndex=0', token)).body];
  for (const courseId of courseIds) bodies.push((await call('GET', `/api/v1/courses/${courseId}`, token)).body);
  return bodies;
}

beforeAll(async () => {
  lectern = await createTestLectern();
  operator = (
    await issueToken(lectern.app.lectern, {
      portalId: lectern.portalId,
      scopes: ['ZOHOPEOPLE.training.ALL'],
      isOperator: true,
    })
  ).token;
  portalA = await newPortal();
  portalB = await newPortal();
});
afterAll(() => lectern?.close());

describe('GET /lectern/v1/portals', () => {
  it('lists every portal for the operator and only their own for a portal admin', async () => {
    const all = await call('GET', '/lectern/v1/portals', operator);
    expect(all.statusCode).toBe(200);
    const ids = (all.json().portals as { portalId: string }[]).map((portal) => portal.portalId);
    expect(ids).toEqual(expect.arrayContaining([lectern.portalId, portalA.portalId, portalB.portalId]));
    const own = await call('GET', '/lectern/v1/portals', portalA.token);
    expect(own.statusCode).toBe(200);
    expect(own.json().portals.map((portal: { portalId: string }) => portal.portalId)).toEqual([portalA.portalId]);
    expect(own.json().hasMoreRecords).toBe(false);
  });

  it('refuses a token of someone who is not an admin', async () => {
    const learner = lectern.employees.find((employee) => employee.is_admin === 0)!;
    const token = await lectern.token(['ALL'], learner.erecno);
    expect((await call('GET', '/lectern/v1/portals', token)).statusCode).toBe(403);
  });
});

describe('portal isolation', () => {
  it('refuses an admin of A every control-room call on B and changes nothing there', async () => {
    const before = await call('GET', `/lectern/v1/portals/${portalB.portalId}/snapshots`, portalB.token);
    const b = portalB.portalId;
    const refused = [
      await call('POST', `/lectern/v1/portals/${b}/reset`, portalA.token, {}),
      await call('POST', `/lectern/v1/portals/${b}/snapshots`, portalA.token, { name: 'stolen' }),
      await call('GET', `/lectern/v1/portals/${b}/snapshots`, portalA.token),
      await call('POST', `/lectern/v1/portals/${b}/snapshots/initial/restore`, portalA.token),
      await call('DELETE', `/lectern/v1/portals/${b}/snapshots/initial`, portalA.token),
      await call('POST', `/lectern/v1/portals/${b}/fixtures`, portalA.token, { people: [] }),
    ];
    for (const response of refused) expect(response.statusCode, response.body).toBe(404);
    expect((await call('DELETE', `/lectern/v1/portals/${b}`, portalA.token)).statusCode).toBe(403);
    const after = await call('GET', `/lectern/v1/portals/${b}/snapshots`, portalB.token);
    expect(after.body).toBe(before.body);
  });

  it('lets the operator reset and snapshot any portal', async () => {
    const b = portalB.portalId;
    expect((await call('POST', `/lectern/v1/portals/${b}/reset`, operator, {})).statusCode).toBe(200);
    const taken = await call('POST', `/lectern/v1/portals/${b}/snapshots`, operator, { name: 'by-operator' });
    expect(taken.statusCode, taken.body).toBe(200);
    expect((await call('DELETE', `/lectern/v1/portals/${b}/snapshots/by-operator`, operator)).statusCode).toBe(200);
  });
});

describe('POST /lectern/v1/portals/{portalId}/reset', () => {
  it('puts a changed course back exactly as the fixture made it', async () => {
    const loaded = await call('POST', `/lectern/v1/portals/${portalA.portalId}/fixtures`, portalA.token, {
      seed: 1,
      courses: [
        {
          key: 'intro',
          name: 'Introduction',
          type: 1,
          description: 'As loaded',
          modules: [{ key: 'm1', name: 'One' }],
        },
      ],
    });
    expect(loaded.statusCode, loaded.body).toBe(200);
    const courseId = loaded.json().ids.courses.intro as string;
    const before = await answers(portalA.token, [courseId]);
    expect(
      (await patchCourse(lectern, courseId, portalA.token, { name: 'Changed', description: 'x' })).statusCode,
    ).toBe(200);
    await createCourse(lectern, portalA.token, { name: 'Added later' });
    lectern.clock.advance(60_000);
    expect(await answers(portalA.token, [courseId])).not.toEqual(before);

    const reset = await call('POST', `/lectern/v1/portals/${portalA.portalId}/reset`, portalA.token);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ portalId: portalA.portalId, to: 'initial' });
    expect(await answers(portalA.token, [courseId])).toEqual(before);
  });

  it('empties the portal of courses, and the calling token keeps working', async () => {
    await createCourse(lectern, portalA.token, { name: 'Soon gone' });
    const reset = await call('POST', `/lectern/v1/portals/${portalA.portalId}/reset`, portalA.token, { to: 'empty' });
    expect(reset.statusCode, reset.body).toBe(200);
    const courses = await call('GET', '/api/v1/courses?startIndex=0', portalA.token);
    expect(courses.statusCode).toBe(200);
    expect(courses.json().courses ?? []).toEqual([]);
    const people = await call('GET', '/lectern/v1/employees', portalA.token);
    expect(people.statusCode).toBe(200);
    expect(people.json().employees).toHaveLength(20);
    const counts = await portalRowCounts(lectern.app.lectern, portalA.portalId);
    for (const table of ['courses', 'course_modules', 'course_members', 'batches', 'enrolments']) {
      expect(counts[table], table).toBe(0);
    }
  });

  it('refuses an unknown target naming the parameter, and writes nothing', async () => {
    const response = await call('POST', `/lectern/v1/portals/${portalA.portalId}/reset`, portalA.token, {
      to: 'yesterday',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('to');
  });
});

describe('snapshots', () => {
  it('restores what a snapshot holds: the same GET answers after a change', async () => {
    const p = portalB.portalId;
    const course = await createCourse(lectern, portalB.token, { name: 'Kept', description: 'snapshotted' });
    const blended = await createCourse(lectern, portalB.token, { name: 'Blended', type: 2 });
    const ids = [course.courseId as string, blended.courseId as string];
    const before = await answers(portalB.token, ids);
    const taken = await call('POST', `/lectern/v1/portals/${p}/snapshots`, portalB.token, { name: 'before-change' });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().snapshot).toMatchObject({ name: 'before-change' });
    expect(taken.json().snapshot.rowCount).toBeGreaterThan(0);

    expect((await patchCourse(lectern, ids[0]!, portalB.token, { name: 'Renamed' })).statusCode).toBe(200);
    expect((await call('DELETE', `/api/v1/courses/${ids[1]}`, portalB.token)).statusCode).toBe(200);
    await createCourse(lectern, portalB.token, { name: 'After the snapshot' });
    lectern.clock.advance(3_600_000);

    const restored = await call('POST', `/lectern/v1/portals/${p}/snapshots/before-change/restore`, portalB.token);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(await answers(portalB.token, ids)).toEqual(before);

    const list = await call('GET', `/lectern/v1/portals/${p}/snapshots`, portalB.token);
    expect(list.json().snapshots.map((snapshot: { name: string }) => snapshot.name)).toEqual([
      'initial',
      'before-change',
    ]);
  });

  it('names the bad parameter of a snapshot call, and keeps initial', async () => {
    const p = portalB.portalId;
    const badName = await call('POST', `/lectern/v1/portals/${p}/snapshots`, portalB.token, { name: '../etc' });
    expect(badName.statusCode).toBe(400);
    expect(badName.json().message).toContain('name');
    const initial = await call('POST', `/lectern/v1/portals/${p}/snapshots`, portalB.token, { name: 'initial' });
    expect(initial.statusCode).toBe(400);
    expect((await call('DELETE', `/lectern/v1/portals/${p}/snapshots/initial`, portalB.token)).statusCode).toBe(400);
    expect((await call('POST', `/lectern/v1/portals/${p}/snapshots/nothing/restore`, portalB.token)).statusCode).toBe(
      404,
    );
    expect((await call('DELETE', `/lectern/v1/portals/${p}/snapshots/nothing`, portalB.token)).statusCode).toBe(404);
  });
});

describe('snapshots of stored files', () => {
  it("bring a deleted file's bytes back", async () => {
    const { families } = await createFamilies(lectern);
    const { filesUrl } = families[0]!;
    const bytes = randomBytes(300_000);
    const created = await upload(lectern, filesUrl, {
      fileData: { name: 'Binary' },
      file: { filename: 'data.bin', data: bytes, contentType: 'application/octet-stream' },
    });
    expect(created.statusCode, created.body).toBe(200);
    const { fileId, downloadURL } = created.json().file as { fileId: string; downloadURL: string };
    const downloadPath = downloadURL.slice('http://lectern.test'.length);
    const p = lectern.portalId;
    expect(
      (await call('POST', `/lectern/v1/portals/${p}/snapshots`, lectern.adminToken, { name: 'files' })).statusCode,
    ).toBe(200);
    expect((await call('DELETE', `${filesUrl}/${fileId}`, lectern.adminToken)).statusCode).toBe(200);
    expect((await call('GET', downloadPath, lectern.adminToken)).statusCode).toBe(404);

    const restored = await call('POST', `/lectern/v1/portals/${p}/snapshots/files/restore`, lectern.adminToken);
    expect(restored.statusCode, restored.body).toBe(200);
    const download = await call('GET', downloadPath, lectern.adminToken);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
  });
});

describe('DELETE /lectern/v1/portals/{portalId}', () => {
  it('removes every row of the portal in every table, and nothing of another portal', async () => {
    const doomed = await newPortal();
    await createCourse(lectern, doomed.token, { name: 'Doomed' });
    await call('POST', `/lectern/v1/portals/${doomed.portalId}/snapshots`, doomed.token, { name: 'last' });
    const countsBefore = await portalRowCounts(lectern.app.lectern, doomed.portalId);
    for (const table of ['portals', 'employees', 'tokens', 'courses', 'portal_snapshots', 'rooms']) {
      expect(countsBefore[table], table).toBeGreaterThan(0);
    }
    const otherBefore = await portalRowCounts(lectern.app.lectern, portalB.portalId);

    const response = await call('DELETE', `/lectern/v1/portals/${doomed.portalId}`, operator);
    expect(response.statusCode, response.body).toBe(200);
    const countsAfter = await portalRowCounts(lectern.app.lectern, doomed.portalId);
    for (const [table, count] of Object.entries(countsAfter)) expect(count, table).toBe(0);
    expect(await portalRowCounts(lectern.app.lectern, portalB.portalId)).toEqual(otherBefore);
    expect((await call('GET', '/api/v1/courses', doomed.token)).statusCode).toBe(401);
    expect((await call('DELETE', `/lectern/v1/portals/${doomed.portalId}`, operator)).statusCode).toBe(404);
  });

  it("refuses to delete the calling token's own portal", async () => {
    const response = await call('DELETE', `/lectern/v1/portals/${lectern.portalId}`, operator);
    expect(response.statusCode).toBe(409);
  });
});

describe('lectern portal', () => {
  afterAll(cleanUpCliRuns);

  it('lists, snapshots, empties, restores, resets and deletes portals on the store', async () => {
    const data = temporaryFolder();
    const listed = await run(['portal', 'list', '--data', data]);
    expect(listed.code, listed.stderr).toBe(0);
    const [portalId, urlName] = listed.stdout.trim().split('\t');
    expect(urlName).toBe('zylker');

    const snapshot = await run(['portal', 'snapshot', portalId!, 'start', '--data', data]);
    expect(snapshot.code, snapshot.stderr).toBe(0);
    expect(snapshot.stdout).toMatch(/^snapshot start of portal \d+: \d+ rows, \d+ bytes\n$/);
    const emptied = await run(['portal', 'reset', portalId!, '--empty', '--data', data]);
    expect(emptied.stdout).toMatch(/^emptied portal \d+ in [\d.]+ ms\n$/);
    const restored = await run(['portal', 'restore', portalId!, 'start', '--data', data]);
    expect(restored.code, restored.stderr).toBe(0);
    const reset = await run(['portal', 'reset', portalId!, '--data', data]);
    expect(reset.stdout).toMatch(/^reset portal \d+ to initial \(\d+ rows\) in [\d.]+ ms\n$/);

    const loaded = await run(['portal', 'load', fixtureFile({ people: [] }), '--data', data]);
    expect(loaded.code, loaded.stderr).toBe(0);
    const created = JSON.parse(loaded.stdout).portalId as string;
    expect((await run(['portal', 'list', '--data', data])).stdout).toContain(created);
    const deleted = await run(['portal', 'delete', created, '--data', data]);
    expect(deleted.stdout).toBe(`deleted portal ${created}\n`);
    expect((await run(['portal', 'list', '--data', data])).stdout).not.toContain(created);
  }, 60_000);

  it('answers a wrong argument with one line and exit 2', async () => {
    const data = temporaryFolder();
    const cases = [
      [['portal', 'reset', 'abc', '--data', data], 'the portal id must be digits only, got "abc"'],
      [['portal', 'delete', '123', '--data', data], 'no portal with id 123'],
      [['portal', 'restore', '123', '--data', data], "missing required argument 'name'"],
      [['portal', 'snapshot', '123', 'a b', '--data', data], 'Invalid value for name'],
    ] as const;
    for (const [args, message] of cases) {
      const result = await run([...args]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
  }, 60_000);
});
