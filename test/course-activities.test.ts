/** Pre- and post-course online tests: add, edit, delete, fetch, list, course settings, preview, access. */
import { describe, expect, it } from 'vitest';
import { EntityType } from '../src/entity-types.ts';
import { useAssessmentWorld } from './helpers/assessment-world.ts';
import {
  type AssessmentWorld,
  countEntities,
  createItem,
  expectRefusal,
  fetch,
  sendData,
} from './helpers/assessments.ts';
import { createBlendedCourse } from './helpers/blended.ts';
import { createCourse, jsonType } from './helpers/courses.ts';
import { ownPath } from './helpers/route-table.ts';
import type { TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let world: AssessmentWorld;
let courseId: string;
useAssessmentWorld((started) => {
  ({ lectern, world } = started);
  courseId = world.families[0]!.courseId;
});

const dataName = 'onlineTestData';
const minimal = { name: 'Warm-up', durationFor: 'none', maximumAttemptsAllowed: 1, questionsPerPage: 'all' };
const stageUrl = (stage: string, course = courseId) =>
  `/api/v1/courses/${course}/settings/${stage}courseactivities/onlineTests`;
// Fetching one test and the list are Lectern's additions: /lectern/v1 with the same tail.
const readUrl = (url: string) => ownPath(url);
const settingsOf = async (course: string, token = lectern.adminToken) =>
  (await fetch(lectern, `/api/v1/courses/${course}/settings`, token)).json().settings;

describe.each(['pre', 'post'])('%s-course online tests', (stage) => {
  it('adds a test with every key and answers the online test object (no module), then fetches and lists it', async () => {
    const course = (await createCourse(lectern, lectern.adminToken)).courseId;
    const response = await sendData(lectern, {
      method: 'POST',
      url: stageUrl(stage, course),
      dataName,
      form: 'query',
      data: {
        name: `${stage} test`,
        durationFor: 'test',
        duration: 20,
        maximumAttemptsAllowed: 'unlimited',
        questionPerPage: 'one',
        passPercentage: 50,
        shuffleQuestions: false,
        showMarksToLearner: true,
        description: 'Before you start',
        isMandatory: false,
        lockUntil: '02-01-2026',
        gradeCategoryId: world.grades.Quiz,
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const test = response.json().onlineTest;
    expect(response.json()).toEqual({
      code: 200,
      onlineTest: {
        lockUntil: '02-01-2026',
        onlineTestId: test.onlineTestId,
        isMandatoryOnlineTest: false,
        canMarkAsComplete: 0,
        isLocked: false,
        description: 'Before you start',
        resources: [],
        canUserEdit: true,
        moduleId: '',
        onlineTestName: `${stage} test`,
        canUserDelete: true,
        durationFor: 'test',
        duration: 20,
        maximumAttemptsAllowed: 'unlimited',
        questionsPerPage: 'one',
        passPercentage: 50,
        shuffleQuestions: false,
        showMarksToLearner: true,
        gradeCategoryId: world.grades.Quiz,
        previewURL: `http://lectern.test/lectern/v1/online-tests/${test.onlineTestId}/preview`,
        status: 'draft',
      },
      message: 'success',
    });
    const one = await fetch(lectern, readUrl(`${stageUrl(stage, course)}/${test.onlineTestId}`));
    expect(one.json()).toEqual(response.json());
    const list = await fetch(lectern, readUrl(stageUrl(stage, course)));
    expect(list.json()).toEqual({ code: 200, onlineTests: [test], message: 'success', hasMoreRecords: false });
    const preview = await fetch(lectern, new URL(test.previewURL).pathname);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain(`${stage === 'pre' ? 'Pre' : 'Post'}-course online test`);
  });

  it('edits only the keys sent (both questionsPerPage spellings) and deletes', async () => {
    const test = await createItem(lectern, stageUrl(stage), dataName, 'onlineTest', minimal);
    const url = `${stageUrl(stage)}/${test.onlineTestId}`;
    const edited = await sendData(lectern, {
      method: 'PATCH',
      url,
      dataName,
      data: { questionPerPage: 'one', durationFor: 'question', duration: 1 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().onlineTest).toEqual({
      ...test,
      questionsPerPage: 'one',
      durationFor: 'question',
      duration: 1,
    });
    const again = await sendData(lectern, { method: 'PATCH', url, dataName, data: { questionsPerPage: 'all' } });
    expect(again.json().onlineTest.questionsPerPage).toBe('all');
    const deleted = await lectern.app.inject({ method: 'DELETE', url, headers: lectern.auth(lectern.adminToken) });
    expect(deleted.json()).toEqual({ code: 200, message: 'success' });
    expect((await fetch(lectern, readUrl(url))).statusCode).toBe(404);
  });

  it('validates like the Online Test API and writes nothing when refused', async () => {
    const type = stage === 'pre' ? EntityType.preCourseTest : EntityType.postCourseTest;
    const before = await countEntities(lectern, type);
    const { questionsPerPage: _perPage, ...noPerPage } = minimal;
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ ...minimal, name: undefined }, 'onlineTestData.name', 'INPUT_PARAMETER_MISSING'],
      [{ ...minimal, durationFor: 'always' }, 'onlineTestData.durationFor'],
      [{ ...minimal, durationFor: 'test' }, 'onlineTestData.duration', 'INPUT_PARAMETER_MISSING'],
      [{ ...minimal, maximumAttemptsAllowed: 12 }, 'onlineTestData.maximumAttemptsAllowed'],
      [noPerPage, 'onlineTestData.questionPerPage', 'INPUT_PARAMETER_MISSING'],
      [{ ...minimal, questionPerPage: 'one' }, 'onlineTestData.questionsPerPage'],
      [{ ...minimal, passPercentage: 150 }, 'onlineTestData.passPercentage'],
      [{ ...minimal, gradeCategoryId: world.courseCategory }, 'onlineTestData.gradeCategoryId'],
      [{ ...minimal, lockUntil: '1-1-2026' }, 'onlineTestData.lockUntil'],
    ];
    for (const [data, parameter, code] of cases) {
      const clean = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
      const response = await sendData(lectern, { method: 'POST', url: stageUrl(stage), dataName, data: clean });
      expectRefusal(response, parameter, code);
    }
    const none = await lectern.app.inject({
      method: 'POST',
      url: stageUrl(stage),
      headers: lectern.auth(lectern.adminToken),
    });
    expectRefusal(none, 'onlineTestData', 'INPUT_PARAMETER_MISSING');
    expect(await countEntities(lectern, type)).toBe(before);
  });

  it('works for blended courses too: the tests hang on the course, not on a batch', async () => {
    const blended = await createBlendedCourse(lectern);
    const test = await createItem(lectern, stageUrl(stage, blended), dataName, 'onlineTest', minimal);
    expect(test.moduleId).toBe('');
    expect((await settingsOf(blended))[`${stage}CourseActivities`].onlineTests).toEqual([test]);
  });
});

describe('course settings', () => {
  it('lists each stage’s tests in the order they were added, and nothing of the other stage or of modules', async () => {
    const course = (await createCourse(lectern, lectern.adminToken)).courseId;
    expect(await settingsOf(course)).toMatchObject({
      preCourseActivities: { onlineTests: [] },
      postCourseActivities: { onlineTests: [] },
    });
    const pre1 = await createItem(lectern, stageUrl('pre', course), dataName, 'onlineTest', { ...minimal, name: 'P1' });
    const pre2 = await createItem(lectern, stageUrl('pre', course), dataName, 'onlineTest', { ...minimal, name: 'P2' });
    const post = await createItem(lectern, stageUrl('post', course), dataName, 'onlineTest', { ...minimal, name: 'Q' });
    const module = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${course}/modules`,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: '{"name":"M"}',
    });
    const moduleId = module.json().module.moduleId;
    await createItem(
      lectern,
      `/api/v1/courses/${course}/modules/${moduleId}/onlineTests`,
      dataName,
      'onlineTest',
      minimal,
    );
    const settings = await settingsOf(course);
    expect(settings.preCourseActivities).toEqual({ onlineTests: [pre1, pre2] });
    expect(settings.postCourseActivities).toEqual({ onlineTests: [post] });
    expect(Object.keys(settings)).toEqual([
      'courseId',
      'permissionSettings',
      'preCourseActivities',
      'postCourseActivities',
    ]);
    // Course-level tests stay out of the per-course list of module online tests.
    const moduleTests = (await fetch(lectern, `/lectern/v1/courses/${course}/onlineTests`)).json().onlineTests;
    expect(moduleTests.map((test: any) => test.onlineTestId)).not.toContain(pre1.onlineTestId);
    expect(moduleTests).toHaveLength(1);
  });

  it('shows a plain employee the tests of a published course without edit rights', async () => {
    const test = await createItem(lectern, stageUrl('post'), dataName, 'onlineTest', minimal);
    const settings = await settingsOf(courseId, world.plain.token);
    const seen = settings.postCourseActivities.onlineTests.find((item: any) => item.onlineTestId === test.onlineTestId);
    expect(seen).toEqual({ ...test, canUserEdit: false, canUserDelete: false });
  });
});

describe('access', () => {
  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const endpoints: [string, Method, boolean][] = [
    ['add', 'POST', false],
    ['list', 'GET', false],
    ['fetch one', 'GET', true],
    ['edit', 'PATCH', true],
    ['delete', 'DELETE', true],
  ];
  const scopeOf: Record<Method, string> = { GET: 'READ', POST: 'CREATE', PATCH: 'UPDATE', DELETE: 'DELETE' };
  const cases = ['pre', 'post'].flatMap((stage) => endpoints.map((endpoint) => [stage, ...endpoint] as const));

  describe.each(cases)('%s %s', (stage, _name, method, withId) => {
    async function target() {
      const test = await createItem(lectern, stageUrl(stage), dataName, 'onlineTest', minimal);
      const url = withId ? `${stageUrl(stage)}/${test.onlineTestId}` : stageUrl(stage);
      return { test, url: method === 'GET' ? readUrl(url) : url };
    }
    const call = (url: string, token: string | null) => {
      const headers = token === null ? {} : lectern.auth(token);
      if (method === 'GET' || method === 'DELETE') return lectern.app.inject({ method, url, headers });
      return lectern.app.inject({
        method,
        url,
        headers: { ...headers, ...jsonType },
        payload: JSON.stringify(minimal),
      });
    };

    it('answers 401 without a token and 403 without the scope; 200 with just the scope', async () => {
      const { url } = await target();
      expect((await call(url, null)).statusCode).toBe(401);
      const wrong = await call(url, await lectern.token([method === 'GET' ? 'CREATE' : 'READ']));
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().message).toContain(`ZOHOPEOPLE.training.${scopeOf[method]}`);
      const right = await call(url, await lectern.token([scopeOf[method]]));
      expect(right.statusCode, right.body).toBe(200);
    });

    it('lets a course admin in and a plain employee only read; hides a drafted course from them', async () => {
      const { url } = await target();
      const plain = await call(url, world.plain.token);
      expect(plain.statusCode, plain.body).toBe(method === 'GET' ? 200 : 403);
      const admin = await call(url, world.courseAdmin.token);
      expect(admin.statusCode, admin.body).toBe(200);
      const db = lectern.app.lectern.db;
      await db.updateTable('courses').set({ status: 0 }).where('id', '=', courseId).execute();
      try {
        const { url: again } = await target();
        expect((await call(again, world.plain.token)).statusCode).toBe(403);
      } finally {
        await db.updateTable('courses').set({ status: 1 }).where('id', '=', courseId).execute();
      }
    });

    it('answers 404 for an unknown course or test, the other stage’s test, a module test and another portal', async () => {
      const { test, url } = await target();
      const unknown = '123456789012345678';
      const wrongs = [url.replace(courseId, unknown)];
      if (withId) {
        wrongs.push(url.replace(test.onlineTestId, unknown));
        const otherStage = await createItem(
          lectern,
          stageUrl(stage === 'pre' ? 'post' : 'pre'),
          dataName,
          'onlineTest',
          minimal,
        );
        wrongs.push(url.replace(test.onlineTestId, otherStage.onlineTestId));
        const family = world.families[0]!;
        const moduleTest = await createItem(
          lectern,
          `${family.moduleUrl}/onlineTests`,
          dataName,
          'onlineTest',
          minimal,
        );
        wrongs.push(url.replace(test.onlineTestId, moduleTest.onlineTestId));
      }
      for (const wrong of wrongs) expect((await call(wrong, lectern.adminToken)).statusCode, wrong).toBe(404);
      const other = await lectern.otherPortal();
      expect((await call(url, other.token)).statusCode).toBe(404);
    });

    it('answers 400 naming a non-numeric id', async () => {
      const { test, url } = await target();
      const names: [string, string][] = [['courseId', courseId]];
      if (withId) names.push(['testId', test.onlineTestId]);
      for (const [parameter, id] of names) {
        const response = await call(url.replace(id, 'abc'), lectern.adminToken);
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter });
      }
    });
  });
});
