/** File API access in both families: tokens, scopes, roles, unknown and foreign ids, path ids, download rules. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse, jsonType, type Person, personNamed } from './helpers/courses.ts';
import { createFamilies, type Family, multipart, notes, storedCounts, upload } from './helpers/files.ts';
import { ownPath } from './helpers/route-table.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let families: Family[];
let plain: Person;
let courseAdmin: Person;

beforeAll(async () => {
  lectern = await createTestLectern();
  ({ families, courseAdmin } = await createFamilies(lectern));
  plain = await personNamed(lectern, 'Julia Moreau');
});
afterAll(() => lectern.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/** Every file endpoint: `:f` is a file id, `parent` the course's or batch's own list. */
const endpoints: [name: string, method: Method, path: string][] = [
  ['create', 'POST', ''],
  ['list module files', 'GET', ''],
  ['list parent files', 'GET', 'parent'],
  ['fetch one', 'GET', '/:f'],
  ['update', 'PATCH', '/:f'],
  ['delete', 'DELETE', '/:f'],
  ['download', 'GET', '/:f/download'],
];
const scopeOf: Record<Method, string> = { GET: 'READ', POST: 'CREATE', PATCH: 'UPDATE', DELETE: 'DELETE' };
const cases = ['self-paced', 'blended'].flatMap((family) =>
  endpoints.map(([name, method, path]) => [family, name, method, path] as const),
);

async function newFile(family: Family): Promise<string> {
  const response = await upload(lectern, family.filesUrl, { fileData: { name: 'Access file' }, file: notes });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().file.fileId;
}

/** Calls an endpoint: creates upload a document, updates send JSON fileData. */
function call(method: Method, url: string, token: string | null) {
  const auth = token === null ? {} : lectern.auth(token);
  if (method === 'POST') {
    const body = multipart([
      { name: 'fileData', value: '{"name":"Should not land"}' },
      { name: 'file', ...notes },
    ]);
    return lectern.app.inject({ method, url, headers: { ...auth, ...body.headers }, payload: body.payload });
  }
  if (method === 'PATCH') {
    return lectern.app.inject({ method, url, headers: { ...auth, ...jsonType }, payload: '{"name":"Renamed"}' });
  }
  return lectern.app.inject({ method, url, headers: auth });
}

async function fileNames(family: Family): Promise<string[]> {
  const response = await lectern.app.inject({ url: family.parentFilesUrl, headers: lectern.auth(lectern.adminToken) });
  return response.json().files.map((file: { fileName: string }) => file.fileName);
}

describe.each(cases)('%s %s', (familyName, _name, method, path) => {
  const target = async () => {
    const family = families.find((candidate) => candidate.name === familyName)!;
    const zohoUrl =
      path === 'parent'
        ? family.parentFilesUrl
        : `${family.filesUrl}${path.replace(':f', path === '' ? '' : await newFile(family))}`;
    // The download is Lectern's own, under /lectern/v1 with the same tail.
    const url = path.endsWith('/download') ? ownPath(zohoUrl) : zohoUrl;
    return { family, url };
  };

  it('answers 401 without a token', async () => {
    const { url } = await target();
    const response = await call(method, url, null);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: '7202' });
  });

  it('answers 403 to a token without its scope and writes nothing', async () => {
    const { family, url } = await target();
    const before = [await fileNames(family), await storedCounts(lectern)];
    const response = await call(method, url, await lectern.token([method === 'GET' ? 'CREATE' : 'READ']));
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toContain(`ZOHOPEOPLE.training.${scopeOf[method]}`);
    expect([await fileNames(family), await storedCounts(lectern)]).toEqual(before);
  });

  it('works with a token of just its own scope, and with ALL for a course admin', async () => {
    const { url } = await target();
    const response = await call(method, url, await lectern.token([scopeOf[method]]));
    expect(response.statusCode, response.body).toBe(200);
    const { url: again } = await target();
    expect((await call(method, again, courseAdmin.token)).statusCode).toBe(200);
  });

  it('lets a plain employee read a published course but not write (403, nothing stored)', async () => {
    const { family, url } = await target();
    const before = [await fileNames(family), await storedCounts(lectern)];
    const response = await call(method, url, plain.token);
    if (method === 'GET') {
      expect(response.statusCode, response.body).toBe(200);
      if (path === '/:f') expect(response.json().file).toMatchObject({ canUserEdit: false, canUserDelete: false });
    } else {
      expect(response.statusCode).toBe(403);
      expect(response.json().message).toMatch(/^Sorry! You are not authorized to do this operation/);
    }
    expect([await fileNames(family), await storedCounts(lectern)]).toEqual(before);
  });

  it('answers 404 for an unknown course, batch, module or file, and for another portal', async () => {
    const { family, url } = await target();
    const unknown = '123456789012345678';
    const wrong = [url.replace(family.courseId, unknown)];
    if (family.batchId !== null) wrong.push(url.replace(family.batchId, unknown));
    if (path !== 'parent') wrong.push(url.replace(family.moduleId, unknown));
    if (path.includes(':f')) wrong.push(url.replace(/files\/\d+/, `files/${unknown}`));
    const before = await storedCounts(lectern);
    for (const address of wrong) {
      const response = await call(method, address, lectern.adminToken);
      expect(response.statusCode, `${address}: ${response.body}`).toBe(404);
    }
    const other = await lectern.otherPortal();
    expect((await call(method, url, other.token)).statusCode).toBe(404);
    expect(await storedCounts(lectern)).toEqual(before);
  });

  it('answers 400 naming a non-numeric id', async () => {
    const { family, url } = await target();
    const names: [string, string][] = [['courseId', family.courseId]];
    if (family.batchId !== null) names.push(['batchId', family.batchId]);
    if (path !== 'parent') names.push(['moduleId', family.moduleId]);
    if (path.includes(':f')) names.push(['fileId', /files\/(\d+)/.exec(url)![1]!]);
    for (const [parameter, id] of names) {
      const response = await call(method, url.replace(id, 'abc'), lectern.adminToken);
      expect(response.statusCode, `${parameter}: ${response.body}`).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter });
    }
  });

  it('refuses the other family for this course type with 400 UNSUPPORTED_OPERATION', async () => {
    const { family, url } = await target();
    const prefix = url.startsWith('/lectern/v1/') ? '/lectern/v1' : '/api/v1';
    const own =
      family.batchId === null
        ? `${prefix}/courses/${family.courseId}`
        : `${prefix}/courses/${family.courseId}/batches/${family.batchId}`;
    const other =
      family.batchId === null
        ? `${prefix}/courses/${family.courseId}/batches/123456789012345678`
        : `${prefix}/courses/${family.courseId}`;
    const response = await call(method, url.replace(own, other), lectern.adminToken);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toBe('UNSUPPORTED_OPERATION');
  });
});

describe('downloads', () => {
  const family = () => families[0]!;
  const downloadAs = (fileId: string, token: string) =>
    lectern.app.inject({ url: ownPath(`${family().filesUrl}/${fileId}/download`), headers: lectern.auth(token) });

  it('with enableDownload false: refused to learners with 403 FILE_DOWNLOAD_DISABLED, open to managers', async () => {
    const response = await upload(lectern, family().filesUrl, {
      fileData: { name: 'View only', enableDownload: false },
      file: notes,
    });
    const fileId = response.json().file.fileId;
    const refused = await downloadAs(fileId, plain.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FILE_DOWNLOAD_DISABLED' });
    expect(refused.json().message).toMatch(/^Sorry! You are not authorized to do this operation: .*enableDownload/);
    for (const token of [lectern.adminToken, courseAdmin.token]) {
      const allowed = await downloadAs(fileId, token);
      expect(allowed.statusCode).toBe(200);
      expect(allowed.rawPayload.equals(notes.data)).toBe(true);
    }
    // The learner still sees the file itself.
    const fetched = await lectern.app.inject({
      url: `${family().filesUrl}/${fileId}`,
      headers: lectern.auth(plain.token),
    });
    expect(fetched.json().file).toMatchObject({ enableDownload: false });
  });

  it('of a locked file: refused to learners with 403 FILE_LOCKED until the date, open to managers', async () => {
    const response = await upload(lectern, family().filesUrl, {
      fileData: { name: 'Later', lockUntil: '10-01-2026' },
      file: notes,
    });
    const fileId = response.json().file.fileId;
    const refused = await downloadAs(fileId, plain.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FILE_LOCKED' });
    expect(refused.json().message).toContain('10-01-2026');
    expect((await downloadAs(fileId, courseAdmin.token)).statusCode).toBe(200);
    lectern.clock.set(Date.UTC(2026, 0, 10, 0, 0, 1));
    try {
      expect((await downloadAs(fileId, plain.token)).statusCode).toBe(200);
    } finally {
      lectern.clock.set(Date.UTC(2026, 0, 5, 9, 0, 0));
    }
  });

  it("of a drafted course's file: hidden (403) from a plain employee, open to the course admin", async () => {
    const drafted = (await createCourse(lectern, lectern.adminToken, { courseAdmins: [courseAdmin.erecno] })).courseId;
    const modules = `/api/v1/courses/${drafted}/modules`;
    const created = await lectern.app.inject({
      method: 'POST',
      url: modules,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: '{"name":"Draft module"}',
    });
    const filesUrl = `${modules}/${created.json().module.moduleId}/files`;
    const fileId = (await upload(lectern, filesUrl, { fileData: { name: 'Draft' }, file: notes })).json().file.fileId;
    const url = ownPath(`${filesUrl}/${fileId}/download`);
    expect((await lectern.app.inject({ url, headers: lectern.auth(plain.token) })).statusCode).toBe(403);
    expect((await lectern.app.inject({ url, headers: lectern.auth(courseAdmin.token) })).statusCode).toBe(200);
  });

  it('answers 404 for a file addressed through another module', async () => {
    const fileId = await newFile(family());
    const otherModule = families[0]!.filesUrl.replace(family().moduleId, families[1]!.moduleId);
    const response = await lectern.app.inject({
      url: ownPath(`${otherModule}/${fileId}/download`),
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode).toBe(404);
  });
});
