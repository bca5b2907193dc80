/** Online Test API in both families: the object, both questionsPerPage spellings, the timer rules, lists, update, delete. */
import { describe, expect, it } from 'vitest';
import { familyNamed, useAssessmentWorld } from './helpers/assessment-world.ts';
import {
  type AssessmentWorld,
  addFamilyModule,
  createItem,
  expectRefusal,
  type Family,
  fetch,
  sendData,
  setUpWorld,
} from './helpers/assessments.ts';
import { ownPath } from './helpers/route-table.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let world: AssessmentWorld;
useAssessmentWorld((started) => {
  ({ lectern, world } = started);
});

const dataName = 'onlineTestData';
const minimal = { name: 'Quiz', durationFor: 'none', maximumAttemptsAllowed: 1, questionPerPage: 'all' };
const familyOf = (name: string) => familyNamed(world, name);
const testsUrl = (family: Family) => `${family.moduleUrl}/onlineTests`;

describe.each(['self-paced', 'blended'])('%s online tests', (name) => {
  it('creates a test with every documented key and answers the whole object, with a preview URL and status', async () => {
    const family = await addFamilyModule(lectern, familyOf(name));
    const response = await sendData(lectern, {
      method: 'POST',
      url: testsUrl(family),
      dataName,
      form: 'query',
      data: {
        name: 'Final quiz',
        durationFor: 'test',
        duration: 45,
        maximumAttemptsAllowed: '3',
        questionsPerPage: 'one',
        passPercentage: 60,
        shuffleQuestions: true,
        showMarksToLearner: 'True',
        description: 'Ten questions',
        isMandatory: false,
        lockUntil: '31-01-2026',
        gradeCategoryId: world.grades.Quiz,
        resources: [{ resourceName: 'Guide', resourceURL: 'https://example.com/guide' }],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const id = body.onlineTest.onlineTestId;
    expect(body).toEqual({
      code: 200,
      onlineTest: {
        lockUntil: '31-01-2026',
        onlineTestId: id,
        isMandatoryOnlineTest: false,
        canMarkAsComplete: 0,
        isLocked: true,
        description: 'Ten questions',
        resources: [{ resourceURL: 'https://example.com/guide', resourceName: 'Guide' }],
        canUserEdit: true,
        moduleId: family.moduleId,
        onlineTestName: 'Final quiz',
        canUserDelete: true,
        durationFor: 'test',
        duration: 45,
        maximumAttemptsAllowed: 3,
        questionsPerPage: 'one',
        passPercentage: 60,
        shuffleQuestions: true,
        showMarksToLearner: true,
        gradeCategoryId: world.grades.Quiz,
        previewURL: `http://lectern.test/lectern/v1/online-tests/${id}/preview`,
        status: 'draft',
      },
      message: 'success',
    });
    expect(Object.keys(body.onlineTest)).toEqual([
      'lockUntil',
      'onlineTestId',
      'isMandatoryOnlineTest',
      'canMarkAsComplete',
      'isLocked',
      'description',
      'resources',
      'canUserEdit',
      'moduleId',
      'onlineTestName',
      'canUserDelete',
      'durationFor',
      'duration',
      'maximumAttemptsAllowed',
      'questionsPerPage',
      'passPercentage',
      'shuffleQuestions',
      'showMarksToLearner',
      'gradeCategoryId',
      'previewURL',
      'status',
    ]);
    expect((await fetch(lectern, `${testsUrl(family)}/${id}`)).json()).toEqual(body);
  });

  it('applies the defaults: mandatory, no timer, no pass percentage, no shuffling, marks hidden', async () => {
    const test = await createItem(lectern, testsUrl(familyOf(name)), dataName, 'onlineTest', minimal);
    expect(test).toMatchObject({
      isMandatoryOnlineTest: true,
      durationFor: 'none',
      duration: null,
      maximumAttemptsAllowed: 1,
      questionsPerPage: 'all',
      passPercentage: null,
      shuffleQuestions: false,
      showMarksToLearner: false,
      gradeCategoryId: '',
      lockUntil: '',
      resources: [],
    });
  });

  it('accepts questionPerPage (the table) and questionsPerPage (the templates), alone or agreeing', async () => {
    const url = testsUrl(familyOf(name));
    const { questionPerPage: _table, ...rest } = minimal;
    for (const data of [
      { ...rest, questionPerPage: 'one' },
      { ...rest, questionsPerPage: 'one' },
      { ...rest, questionPerPage: 'one', questionsPerPage: 'one' },
    ]) {
      const test = await createItem(lectern, url, dataName, 'onlineTest', data);
      expect(test.questionsPerPage).toBe('one');
    }
    const test = await createItem(lectern, url, dataName, 'onlineTest', minimal);
    const itemUrl = `${url}/${test.onlineTestId}`;
    for (const [key, value] of [
      ['questionsPerPage', 'one'],
      ['questionPerPage', 'all'],
    ] as const) {
      const response = await sendData(lectern, { method: 'PATCH', url: itemUrl, dataName, data: { [key]: value } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().onlineTest.questionsPerPage).toBe(value);
    }
    const clash = await sendData(lectern, {
      method: 'POST',
      url,
      dataName,
      data: { ...rest, questionPerPage: 'one', questionsPerPage: 'all' },
    });
    expectRefusal(clash, 'onlineTestData.questionsPerPage');
    const neither = await sendData(lectern, { method: 'POST', url, dataName, data: rest });
    expectRefusal(neither, 'onlineTestData.questionPerPage', 'INPUT_PARAMETER_MISSING');
    expect(neither.json().message).toContain('questionsPerPage');
  });

  it('takes maximumAttemptsAllowed as 1 to 10 (number or text) or unlimited (any case)', async () => {
    const url = testsUrl(familyOf(name));
    for (const [sent, answered] of [
      [10, 10],
      ['7', 7],
      ['unlimited', 'unlimited'],
      ['Unlimited', 'unlimited'],
    ] as const) {
      const test = await createItem(lectern, url, dataName, 'onlineTest', { ...minimal, maximumAttemptsAllowed: sent });
      expect(test.maximumAttemptsAllowed).toBe(answered);
    }
  });

  it('keeps the timer rules through updates: none drops the duration, test or question needs one', async () => {
    const url = testsUrl(familyOf(name));
    const test = await createItem(lectern, url, dataName, 'onlineTest', {
      ...minimal,
      durationFor: 'question',
      duration: '2',
    });
    expect(test).toMatchObject({ durationFor: 'question', duration: 2 });
    const itemUrl = `${url}/${test.onlineTestId}`;
    const patch = (data: Record<string, unknown>) =>
      sendData(lectern, { method: 'PATCH', url: itemUrl, dataName, data });
    const toTest = await patch({ durationFor: 'test' });
    expect(toTest.json().onlineTest).toMatchObject({ durationFor: 'test', duration: 2 });
    const longer = await patch({ duration: 90 });
    expect(longer.json().onlineTest).toMatchObject({ durationFor: 'test', duration: 90 });
    expectRefusal(await patch({ duration: null }), 'onlineTestData.duration');
    const none = await patch({ durationFor: 'none', duration: null });
    expect(none.json().onlineTest).toMatchObject({ durationFor: 'none', duration: null });
    expectRefusal(await patch({ duration: 5 }), 'onlineTestData.duration');
    expectRefusal(await patch({ durationFor: 'test' }), 'onlineTestData.duration', 'INPUT_PARAMETER_MISSING');
    const back = await patch({ durationFor: 'test', duration: 15 });
    expect(back.json().onlineTest).toMatchObject({ durationFor: 'test', duration: 15 });
  });

  it('updates only the keys sent and clears passPercentage, lock date and grade category', async () => {
    const url = testsUrl(familyOf(name));
    const test = await createItem(lectern, url, dataName, 'onlineTest', {
      ...minimal,
      passPercentage: '70',
      lockUntil: '01-02-2026',
      gradeCategoryId: world.grades.Assessment,
    });
    const itemUrl = `${url}/${test.onlineTestId}`;
    const renamed = await sendData(lectern, { method: 'PATCH', url: itemUrl, dataName, data: { name: 'Renamed' } });
    expect(renamed.json().onlineTest).toEqual({ ...test, onlineTestName: 'Renamed' });
    const cleared = await sendData(lectern, {
      method: 'PATCH',
      url: itemUrl,
      dataName,
      form: 'form field',
      data: { passPercentage: '', lockUntil: null, gradeCategoryId: null, shuffleQuestions: true },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().onlineTest).toEqual({
      ...test,
      onlineTestName: 'Renamed',
      passPercentage: null,
      lockUntil: '',
      isLocked: false,
      gradeCategoryId: '',
      shuffleQuestions: true,
    });
  });

  it('lists a module’s tests and the course’s or batch’s tests; deletes one', async () => {
    const family = await addFamilyModule(lectern, familyOf(name));
    const first = await createItem(lectern, testsUrl(family), dataName, 'onlineTest', { ...minimal, name: 'First' });
    const second = await createItem(lectern, testsUrl(family), dataName, 'onlineTest', { ...minimal, name: 'Second' });
    const list = (await fetch(lectern, testsUrl(family))).json();
    expect(list).toEqual({ code: 200, onlineTests: [first, second], message: 'success', hasMoreRecords: false });
    // Zoho lists no course's or batch's online tests: the whole list is Lectern's, under /lectern/v1.
    const whole = (await fetch(lectern, ownPath(`${family.parentUrl}/onlineTests`))).json();
    expect(whole.onlineTests).toEqual(expect.arrayContaining([first, second]));
    const deleted = await lectern.app.inject({
      method: 'DELETE',
      url: `${testsUrl(family)}/${first.onlineTestId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(deleted.json()).toEqual({ code: 200, message: 'success' });
    expect((await fetch(lectern, testsUrl(family))).json().onlineTests).toEqual([second]);
  });
});

it('builds the preview URL from the request’s host when LECTERN_PUBLIC_URL is not set', async () => {
  const own = await createTestLectern({ env: { LECTERN_PUBLIC_URL: '' } });
  try {
    const ownWorld = await setUpWorld(own);
    const family = ownWorld.families[0]!;
    const response = await own.app.inject({
      method: 'POST',
      url: `${family.moduleUrl}/onlineTests`,
      headers: { ...own.auth(own.adminToken), 'content-type': 'application/json', host: 'lms.example.org:8443' },
      payload: JSON.stringify(minimal),
    });
    expect(response.statusCode, response.body).toBe(200);
    const test = response.json().onlineTest;
    expect(test.previewURL).toBe(`http://lms.example.org:8443/lectern/v1/online-tests/${test.onlineTestId}/preview`);
  } finally {
    await own.close();
  }
});
