/** Offline Test API in both families: create, fetch, lists, update, delete, locks, input forms and the object's shape. */
import { describe, expect, it } from 'vitest';
import { familyNamed, useAssessmentWorld } from './helpers/assessment-world.ts';
import {
  type AssessmentWorld,
  addFamilyModule,
  createItem,
  type DataForm,
  type Family,
  fetch,
  sendData,
} from './helpers/assessments.ts';
import type { TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let world: AssessmentWorld;
useAssessmentWorld((started) => {
  ({ lectern, world } = started);
});

const dataName = 'offlineTestData';
const familyNames = ['self-paced', 'blended'] as const;
const familyOf = (name: string) => familyNamed(world, name);
const testsUrl = (family: Family) => `${family.moduleUrl}/offlineTests`;

describe.each(familyNames)('%s offline tests', (name) => {
  it('creates an offline test with every documented key and answers the whole object in order', async () => {
    const family = await addFamilyModule(lectern, familyOf(name));
    const response = await sendData(lectern, {
      method: 'POST',
      url: testsUrl(family),
      dataName,
      data: {
        name: '  Written exam ',
        marks: 80,
        duration: 90,
        description: 'Bring a pen',
        isMandatory: false,
        lockUntil: '20-01-2026',
        gradeCategoryId: world.grades.Assessment,
        resources: [{ resourceName: 'Syllabus', resourceURL: 'https://example.com/syllabus.pdf' }],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['code', 'offlineTest', 'message']);
    const id = body.offlineTest.offlineTestId;
    expect(id).toMatch(/^\d{18}$/);
    expect(body).toEqual({
      code: 200,
      offlineTest: {
        lockUntil: '20-01-2026',
        offlineTestId: id,
        isMandatoryOfflineTest: false,
        canMarkAsComplete: 0,
        isLocked: true,
        description: 'Bring a pen',
        resources: [{ resourceURL: 'https://example.com/syllabus.pdf', resourceName: 'Syllabus' }],
        canUserEdit: true,
        moduleId: family.moduleId,
        offlineTestName: 'Written exam',
        canUserDelete: true,
        marks: 80,
        duration: 90,
        gradeCategoryId: world.grades.Assessment,
      },
      message: 'success',
    });
    expect(Object.keys(body.offlineTest)).toEqual([
      'lockUntil',
      'offlineTestId',
      'isMandatoryOfflineTest',
      'canMarkAsComplete',
      'isLocked',
      'description',
      'resources',
      'canUserEdit',
      'moduleId',
      'offlineTestName',
      'canUserDelete',
      'marks',
      'duration',
      'gradeCategoryId',
    ]);
    const fetched = await fetch(lectern, `${testsUrl(family)}/${id}`);
    expect(fetched.json()).toEqual(body);
  });

  it('applies the defaults: mandatory, no description, no lock, no grade category, no resources', async () => {
    const family = familyOf(name);
    const test = await createItem(lectern, testsUrl(family), dataName, 'offlineTest', {
      name: 'Quiz',
      marks: 10,
      duration: 15,
    });
    expect(test).toMatchObject({
      lockUntil: '',
      isMandatoryOfflineTest: true,
      isLocked: false,
      description: '',
      resources: [],
      gradeCategoryId: '',
      marks: 10,
      duration: 15,
    });
  });

  it.each<DataForm>(['query', 'form field', 'wrapped JSON body', 'bare JSON body'])(
    'reads offlineTestData from a %s, with a bare 18-digit grade category id',
    async (form) => {
      const family = familyOf(name);
      const text = `{"name":"Form ${form}","marks":"20","duration":5,"gradeCategoryId":${world.grades.Quiz}}`;
      const response = await sendData(lectern, { method: 'POST', url: testsUrl(family), dataName, data: text, form });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().offlineTest).toMatchObject({
        offlineTestName: `Form ${form}`,
        marks: 20,
        gradeCategoryId: world.grades.Quiz,
      });
    },
  );

  it('lists a module’s tests in order and the course’s or batch’s tests across modules, 25 a page', async () => {
    const first = await addFamilyModule(lectern, familyOf(name));
    const second = await addFamilyModule(lectern, familyOf(name));
    const names: string[] = [];
    for (let index = 0; index < 26; index++) {
      names.push(`Test ${String(index).padStart(2, '0')}`);
      await createItem(lectern, testsUrl(first), dataName, 'offlineTest', {
        name: names.at(-1),
        marks: 5,
        duration: 5,
      });
    }
    await createItem(lectern, testsUrl(second), dataName, 'offlineTest', { name: 'Other', marks: 5, duration: 5 });
    const page1 = (await fetch(lectern, testsUrl(first))).json();
    expect(Object.keys(page1)).toEqual(['code', 'offlineTests', 'message', 'hasMoreRecords']);
    expect(page1.offlineTests.map((test: any) => test.offlineTestName)).toEqual(names.slice(0, 25));
    expect(page1.hasMoreRecords).toBe(true);
    const page2 = (await fetch(lectern, `${testsUrl(first)}?startIndex=25`)).json();
    expect(page2).toMatchObject({ code: 200, hasMoreRecords: false, message: 'success' });
    expect(page2.offlineTests.map((test: any) => test.offlineTestName)).toEqual([names[25]]);
    const all: string[] = [];
    for (let start = 0; ; start += 25) {
      const page = (await fetch(lectern, `${first.parentUrl}/offlineTests?startIndex=${start}`)).json();
      all.push(...page.offlineTests.map((test: any) => test.offlineTestId));
      if (!page.hasMoreRecords) break;
    }
    const secondIds = (await fetch(lectern, testsUrl(second)))
      .json()
      .offlineTests.map((test: any) => test.offlineTestId);
    expect(all).toEqual(
      expect.arrayContaining([...page1.offlineTests.map((test: any) => test.offlineTestId), ...secondIds]),
    );
    const bad = await fetch(lectern, `${testsUrl(first)}?startIndex=-1`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().parameter).toBe('startIndex');
  });

  it('updates only the keys sent, clears lock date and grade category with "", and keeps the rest', async () => {
    const family = familyOf(name);
    const test = await createItem(lectern, testsUrl(family), dataName, 'offlineTest', {
      name: 'Midterm',
      marks: 40,
      duration: 60,
      description: 'Chapters 1-3',
      lockUntil: '10-02-2026',
      gradeCategoryId: world.grades.Project,
      resources: [{ resourceName: 'Notes', resourceURL: 'http://example.com/notes' }],
    });
    const url = `${testsUrl(family)}/${test.offlineTestId}`;
    const renamed = await sendData(lectern, {
      method: 'PATCH',
      url,
      dataName,
      data: { name: 'Midterm II', marks: 45 },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().offlineTest).toEqual({ ...test, offlineTestName: 'Midterm II', marks: 45 });
    const cleared = await sendData(lectern, {
      method: 'PATCH',
      url,
      dataName,
      data: { lockUntil: '', gradeCategoryId: '', resources: [], isMandatory: false, duration: '75' },
      form: 'query',
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().offlineTest).toEqual({
      ...test,
      offlineTestName: 'Midterm II',
      marks: 45,
      lockUntil: '',
      isLocked: false,
      gradeCategoryId: '',
      resources: [],
      isMandatoryOfflineTest: false,
      duration: 75,
    });
    expect((await fetch(lectern, url)).json().offlineTest).toEqual(cleared.json().offlineTest);
  });

  it('names answer-only keys sent back in X-Lectern-Warning and ignores them', async () => {
    const family = familyOf(name);
    const test = await createItem(lectern, testsUrl(family), dataName, 'offlineTest', {
      name: 'Echo',
      marks: 5,
      duration: 5,
    });
    const url = `${testsUrl(family)}/${test.offlineTestId}`;
    const response = await sendData(lectern, { method: 'PATCH', url, dataName, data: { ...test, name: 'Echoed' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['x-lectern-warning']).toContain('offlineTestId');
    expect(response.headers['x-lectern-warning']).toContain('offlineTestName');
    expect(response.json().offlineTest).toEqual({ ...test, offlineTestName: 'Echoed' });
  });

  it('reads locked until the lock date in the portal’s time zone, and unlocked from that day', async () => {
    const family = familyOf(name);
    const test = await createItem(lectern, testsUrl(family), dataName, 'offlineTest', {
      name: 'Locked',
      marks: 5,
      duration: 5,
      lockUntil: '06-01-2026',
    });
    expect(test.isLocked).toBe(true);
    const url = `${testsUrl(family)}/${test.offlineTestId}`;
    const before = lectern.clock.now();
    lectern.clock.set(Date.UTC(2026, 0, 6, 0, 0, 0));
    try {
      expect((await fetch(lectern, url)).json().offlineTest.isLocked).toBe(false);
    } finally {
      lectern.clock.set(before);
    }
  });

  it('deletes a test (then 404) and answers {code:200,message:"success"}', async () => {
    const family = familyOf(name);
    const test = await createItem(lectern, testsUrl(family), dataName, 'offlineTest', {
      name: 'Gone',
      marks: 5,
      duration: 5,
    });
    const url = `${testsUrl(family)}/${test.offlineTestId}`;
    const response = await lectern.app.inject({ method: 'DELETE', url, headers: lectern.auth(lectern.adminToken) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ code: 200, message: 'success' });
    expect((await fetch(lectern, url)).statusCode).toBe(404);
    const again = await lectern.app.inject({ method: 'DELETE', url, headers: lectern.auth(lectern.adminToken) });
    expect(again.statusCode).toBe(404);
  });

  it('finds a test only under its own module', async () => {
    const family = familyOf(name);
    const other = await addFamilyModule(lectern, family);
    const test = await createItem(lectern, testsUrl(family), dataName, 'offlineTest', {
      name: 'Mine',
      marks: 5,
      duration: 5,
    });
    expect((await fetch(lectern, `${testsUrl(other)}/${test.offlineTestId}`)).statusCode).toBe(404);
  });
});

it('keeps a plain employee’s view read-only: canUserEdit and canUserDelete are false', async () => {
  const family = familyOf('self-paced');
  const test = await createItem(lectern, testsUrl(family), dataName, 'offlineTest', {
    name: 'Visible',
    marks: 5,
    duration: 5,
  });
  const response = await fetch(lectern, `${testsUrl(family)}/${test.offlineTestId}`, world.plain.token);
  expect(response.json().offlineTest).toEqual({ ...test, canUserEdit: false, canUserDelete: false });
});

it('hides a drafted course’s tests from a plain employee (403)', async () => {
  const family = await addFamilyModule(lectern, familyOf('self-paced'));
  await createItem(lectern, testsUrl(family), dataName, 'offlineTest', { name: 'Draft', marks: 5, duration: 5 });
  const db = lectern.app.lectern.db;
  await db.updateTable('courses').set({ status: 0 }).where('id', '=', family.courseId).execute();
  try {
    expect((await fetch(lectern, testsUrl(family), world.plain.token)).statusCode).toBe(403);
  } finally {
    await db.updateTable('courses').set({ status: 1 }).where('id', '=', family.courseId).execute();
  }
});
