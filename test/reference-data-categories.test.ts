/**
 * /lectern/v1/categories and /lectern/v1/grade-categories: CRUD, unique names per kind, deletes in use refused,
 * renames shown in courses, sessions and settings, portals and scopes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, countRows } from './helpers/reference-data.ts';
import { castNames } from './helpers/roles.ts';
import { categoriesOfKind, createBatchModule, createSession, erecnoOf, sessionsUrl } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

const kinds = [
  {
    path: '/lectern/v1/categories',
    list: '/api/v1/categories',
    one: 'category',
    many: 'categories',
    id: 'categoryId',
    noun: 'category',
  },
  {
    path: '/lectern/v1/grade-categories',
    list: '/lectern/v1/grade-categories',
    one: 'gradeCategory',
    many: 'gradeCategories',
    id: 'gradeCategoryId',
    noun: 'grade category',
  },
] as const;

describe.each(kinds)('$path', (kind) => {
  it('creates (201), reads, lists, renames and deletes', async () => {
    const created = await call(lectern, 'POST', kind.path, { name: ' Safety ' });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json()[kind.one];
    expect(item).toEqual({ [kind.id]: expect.stringMatching(/^\d{18}$/), name: 'Safety' });
    const url = `${kind.path}/${item[kind.id]}`;
    expect((await call(lectern, 'GET', url)).json()).toEqual({ code: '200', [kind.one]: item, message: 'success' });
    const list = (await call(lectern, 'GET', kind.list)).json();
    expect(Object.keys(list)).toEqual([kind.many, 'code', 'message', 'hasMoreRecords']);
    expect(list[kind.many].at(-1)).toEqual(item);
    const renamed = await call(lectern, 'PATCH', url, { name: 'Health and safety' });
    expect(renamed.json()[kind.one]).toEqual({ ...item, name: 'Health and safety' });
    expect((await call(lectern, 'DELETE', url)).json()).toEqual({ code: '200', message: 'success' });
    expect((await call(lectern, 'GET', url)).statusCode).toBe(404);
  });

  it('refuses a name the kind already holds (in any case) with 409 naming it, and writes nothing', async () => {
    const before = await countRows(lectern, 'categories');
    const taken = kind.one === 'category' ? 'Sales' : 'Quiz';
    const duplicate = await call(lectern, 'POST', kind.path, { name: taken.toUpperCase() });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: '409', parameter: 'name' });
    expect(duplicate.json().message).toMatch(
      new RegExp(`^A ${kind.noun} named "${taken}" already exists \\(id \\d+\\)$`),
    );
    const [first] = (await call(lectern, 'GET', kind.list)).json()[kind.many];
    const rename = await call(lectern, 'PATCH', `${kind.path}/${first[kind.id]}`, { name: taken });
    expect(rename.statusCode).toBe(409);
    expect(await countRows(lectern, 'categories')).toBe(before);
    expect((await call(lectern, 'GET', `${kind.path}/${first[kind.id]}`)).json()[kind.one]).toEqual(first);
    // The other kind's names are free: a course and a grade category may share one.
    const otherTaken = kind.one === 'category' ? 'Quiz' : 'Sales';
    const shared = await call(lectern, 'POST', kind.path, { name: otherTaken });
    expect(shared.statusCode, shared.body).toBe(201);
    await call(lectern, 'DELETE', `${kind.path}/${shared.json()[kind.one][kind.id]}`);
  });

  it('refuses each bad field with 400 naming it', async () => {
    const cases: [unknown, string, string][] = [
      [{}, 'name', 'INPUT_PARAMETER_MISSING'],
      [{ name: '  ' }, 'name', 'INVALID_INPUT'],
      [{ name: 'x'.repeat(101) }, 'name', 'INVALID_INPUT'],
      [{ name: 'A', kind: 'grade' }, 'kind', 'INVALID_INPUT'],
    ];
    for (const [body, parameter, code] of cases) {
      const response = await call(lectern, 'POST', kind.path, body);
      expect(response.json(), JSON.stringify(body)).toMatchObject({ code, parameter });
    }
    expect((await call(lectern, 'GET', `${kind.path}/abc`)).json()).toMatchObject({ parameter: kind.id });
  });

  it("never shows or changes another portal's, and lets a READ token or a learner read only", async () => {
    const other = await lectern.otherPortal();
    const [mine] = (await call(lectern, 'GET', kind.list)).json()[kind.many];
    const url = `${kind.path}/${mine[kind.id]}`;
    expect((await call(lectern, 'GET', url, undefined, other.token)).statusCode).toBe(404);
    expect((await call(lectern, 'PATCH', url, { name: 'Taken' }, other.token)).statusCode).toBe(404);
    expect((await call(lectern, 'DELETE', url, undefined, other.token)).statusCode).toBe(404);
    const reader = await lectern.token(['READ']);
    expect((await call(lectern, 'GET', url, undefined, reader)).statusCode).toBe(200);
    expect((await call(lectern, 'POST', kind.path, { name: 'New' }, reader)).json().code).toBe('7218');
    const learner = await lectern.token(['ALL'], erecnoOf(lectern, castNames.learner));
    expect((await call(lectern, 'PATCH', url, { name: 'Mine now' }, learner)).statusCode).toBe(403);
    expect((await call(lectern, 'GET', url)).json()[kind.one]).toEqual(mine);
  });
});

describe('categories in use', () => {
  it('refuses to delete a course category its courses carry, and courses show its new name', async () => {
    const { Leadership } = await categoriesOfKind(lectern, 'course');
    const course = await call(lectern, 'POST', '/api/v1/courses', {
      courseData: { name: 'Leading teams', type: 1, categories: [Leadership] },
    });
    expect(course.statusCode, course.body).toBe(200);
    const refused = await call(lectern, 'DELETE', `/lectern/v1/categories/${Leadership}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      code: '409',
      message: 'Category "Leadership" is used by 1 course (first: "Leading teams"); remove it from them first',
      parameter: 'categoryId',
    });
    await call(lectern, 'PATCH', `/lectern/v1/categories/${Leadership}`, { name: 'People leadership' });
    const read = await call(lectern, 'GET', `/api/v1/courses/${course.json().course.courseId}`);
    expect(read.json().course.categories).toEqual([{ categoryId: Leadership, name: 'People leadership' }]);
  });

  it('refuses to delete a grade category sessions or tests use, and sessions and settings show its new name', async () => {
    const { Project, Assessment } = await categoriesOfKind(lectern, 'grade');
    const path = await createBatchModule(lectern);
    const session = await createSession(lectern, path, { name: 'Demo day', gradeCategoryId: Project });
    const refused = await call(lectern, 'DELETE', `/lectern/v1/grade-categories/${Project}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      'Grade category "Project" is used by 1 session (first: "Demo day"); remove it from them first',
    );

    const course = (await call(lectern, 'POST', '/api/v1/courses', { courseData: { name: 'Graded', type: 1 } })).json()
      .course;
    const moduleUrl = `/api/v1/courses/${course.courseId}/modules`;
    const moduleId = (await call(lectern, 'POST', moduleUrl, { name: 'Exams' })).json().module.moduleId;
    const test = await call(lectern, 'POST', `${moduleUrl}/${moduleId}/offlineTests`, {
      offlineTestData: { name: 'Final exam', marks: 50, duration: 60, gradeCategoryId: Assessment },
    });
    expect(test.statusCode, test.body).toBe(200);
    const byTest = await call(lectern, 'DELETE', `/lectern/v1/grade-categories/${Assessment}`);
    expect(byTest.json().message).toBe(
      'Grade category "Assessment" is used by 1 test or assignment (first: "Final exam"); remove it from them first',
    );
    expect((await call(lectern, 'GET', `/lectern/v1/grade-categories/${Assessment}`)).statusCode).toBe(200);

    await call(lectern, 'PATCH', `/lectern/v1/grade-categories/${Project}`, { name: 'Capstone' });
    const read = await call(lectern, 'GET', sessionsUrl(path, session.sessionId));
    expect(read.json().session).toMatchObject({ gradeCategoryId: Project, gradeCategoryName: 'Capstone' });
    const settings = (await call(lectern, 'GET', '/api/v1/lmssettings')).json().settings;
    expect(settings.gradeCategories).toContainEqual({ gradeCategoryId: Project, name: 'Capstone' });
  });
});

describe('many grade categories', () => {
  it('lists them 25 a page and refuses a category past the 1000 a kind may hold with 422', async () => {
    const other = await lectern.otherPortal();
    const existing = (await call(lectern, 'GET', '/lectern/v1/grade-categories', undefined, other.token)).json();
    const rows = Array.from({ length: 1000 - existing.gradeCategories.length }, (_, index) => ({
      id: `8${String(index).padStart(17, '0')}`,
      portal_id: other.portalId,
      name: `Grade ${index}`,
      kind: 'grade' as const,
    }));
    await lectern.app.lectern.db.insertInto('categories').values(rows).execute();
    const first = (await call(lectern, 'GET', '/lectern/v1/grade-categories', undefined, other.token)).json();
    expect(first.gradeCategories).toHaveLength(25);
    expect(first.hasMoreRecords).toBe(true);
    const last = await call(lectern, 'GET', '/lectern/v1/grade-categories?startIndex=975', undefined, other.token);
    expect(last.json()).toMatchObject({ hasMoreRecords: false });
    expect(last.json().gradeCategories).toHaveLength(25);

    const refused = await call(lectern, 'POST', '/lectern/v1/grade-categories', { name: 'One more' }, other.token);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toEqual({ code: '422', message: 'A portal holds at most 1000 grade categories' });
    // The course kind has its own room.
    const course = await call(lectern, 'POST', '/lectern/v1/categories', { name: 'One more' }, other.token);
    expect(course.statusCode, course.body).toBe(201);
  });
});
