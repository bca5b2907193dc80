/** Update Offline Test Marks in both families: one learner or a list, the maximum, negatives, unknown learners, atomicity. */
import { describe, expect, it } from 'vitest';
import { familyNamed, useAssessmentWorld } from './helpers/assessment-world.ts';
import { type AssessmentWorld, createItem, expectRefusal, type Family, sendData } from './helpers/assessments.ts';
import { employeeNamed, formType, jsonType } from './helpers/courses.ts';
import { enrol } from './helpers/enrolments.ts';
import type { TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let world: AssessmentWorld;
let fatima: string;
let gustav: string;
let hana: string;
useAssessmentWorld(async (started) => {
  ({ lectern, world } = started);
  fatima = employeeNamed(lectern, 'Fatima Zahra').erecno;
  gustav = employeeNamed(lectern, 'Gustav Lind').erecno;
  hana = employeeNamed(lectern, 'Hana Sato').erecno;
  // Only enrolled learners may be marked: the three learners join both the course and the batch.
  for (const family of world.families) await enrol(lectern, family, [fatima, gustav, hana]);
});

const familyOf = (name: string) => familyNamed(world, name);

async function newTest(family: Family, marks = 50) {
  const url = `${family.moduleUrl}/offlineTests`;
  const test = await createItem(lectern, url, 'offlineTestData', 'offlineTest', {
    name: 'Marked',
    marks,
    duration: 30,
  });
  return { test, url: `${url}/${test.offlineTestId}`, marksUrl: `${url}/${test.offlineTestId}/updateMarks` };
}

function post(url: string, options: { query?: string; payload?: string; headers?: object; token?: string } = {}) {
  return lectern.app.inject({
    method: 'POST',
    url: `${url}${options.query ?? ''}`,
    headers: { ...lectern.auth(options.token ?? lectern.adminToken), ...options.headers },
    ...(options.payload === undefined ? {} : { payload: options.payload }),
  });
}

async function storedMarks(entityId: string) {
  const rows = await lectern.app.lectern.db
    .selectFrom('entity_marks')
    .select(['erecno', 'marks', 'marked_by'])
    .where('entity_id', '=', entityId)
    .orderBy('erecno')
    .execute();
  return rows.map((row) => ({ erecno: row.erecno, marks: Number(row.marks), markedBy: row.marked_by }));
}

describe.each(['self-paced', 'blended'])('%s offline test marks', (name) => {
  it('records one learner’s marks from the query and answers the learner’s marks', async () => {
    const { test, marksUrl } = await newTest(familyOf(name));
    const response = await post(marksUrl, { query: `?learnerErecno=${fatima}&marks=42` });
    expect(response.statusCode, response.body).toBe(200);
    const learner = employeeNamed(lectern, 'Fatima Zahra');
    expect(response.json()).toEqual({
      code: 200,
      learners: [
        {
          learnerErecno: fatima,
          displayName: 'Fatima Zahra',
          employeeId: learner.employee_id,
          marks: 42,
          maximumMarks: 50,
        },
      ],
      message: 'success',
    });
    expect(await storedMarks(test.offlineTestId)).toEqual([
      { erecno: fatima, marks: 42, markedBy: lectern.adminErecno },
    ]);
  });

  it('reads a form body and a JSON body (bare number erecno); a second mark replaces the first; 0 and the maximum are fine', async () => {
    const { test, marksUrl } = await newTest(familyOf(name));
    const form = await post(marksUrl, { payload: `learnerErecno=${gustav}&marks=0`, headers: formType });
    expect(form.statusCode, form.body).toBe(200);
    const json = await post(marksUrl, { payload: `{"learnerErecno":${gustav},"marks":50}`, headers: jsonType });
    expect(json.statusCode, json.body).toBe(200);
    expect(json.json().learners[0]).toMatchObject({ learnerErecno: gustav, marks: 50 });
    expect(await storedMarks(test.offlineTestId)).toEqual([
      { erecno: gustav, marks: 50, markedBy: lectern.adminErecno },
    ]);
  });

  it('records a whole marksList in one go (query JSON or JSON body), in the order sent', async () => {
    const { test, marksUrl } = await newTest(familyOf(name));
    const list = JSON.stringify([
      { learnerErecno: hana, marks: 30 },
      { learnerErecno: fatima, marks: '25' },
    ]);
    const response = await post(marksUrl, { query: `?marksList=${encodeURIComponent(list)}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().learners.map((row: any) => [row.learnerErecno, row.marks])).toEqual([
      [hana, 30],
      [fatima, 25],
    ]);
    const body = await post(marksUrl, {
      payload: `{"marksList":[{"learnerErecno":${hana},"marks":31},{"learnerErecno":"${gustav}","marks":1}]}`,
      headers: jsonType,
    });
    expect(body.statusCode, body.body).toBe(200);
    const stored = await storedMarks(test.offlineTestId);
    expect(Object.fromEntries(stored.map((row) => [row.erecno, row.marks]))).toEqual({
      [hana]: 31,
      [fatima]: 25,
      [gustav]: 1,
    });
  });

  it('refuses marks above the maximum, negative, fractional or missing, and writes nothing', async () => {
    const { test, marksUrl } = await newTest(familyOf(name));
    await post(marksUrl, { query: `?learnerErecno=${fatima}&marks=10` });
    const cases: [string, string, string?][] = [
      [`?learnerErecno=${fatima}&marks=51`, 'marks'],
      [`?learnerErecno=${fatima}&marks=-1`, 'marks'],
      [`?learnerErecno=${fatima}&marks=2.5`, 'marks'],
      [`?learnerErecno=${fatima}&marks=ten`, 'marks'],
      [`?learnerErecno=${fatima}`, 'marks', 'INPUT_PARAMETER_MISSING'],
      [`?marks=5`, 'learnerErecno', 'INPUT_PARAMETER_MISSING'],
      ['', 'learnerErecno', 'INPUT_PARAMETER_MISSING'],
      [`?learnerErecno=abc&marks=5`, 'learnerErecno'],
    ];
    for (const [query, parameter, code] of cases) {
      const response = await post(marksUrl, { query });
      expectRefusal(response, parameter, code);
    }
    const above = await post(marksUrl, { query: `?learnerErecno=${fatima}&marks=51` });
    expect(above.json().message).toContain('maximum of 50 marks');
    const negative = await post(marksUrl, { query: `?learnerErecno=${fatima}&marks=-1` });
    expect(negative.json().message).toContain('must not be negative');
    const negativeJson = await post(marksUrl, { payload: `{"learnerErecno":${fatima},"marks":-3}`, headers: jsonType });
    expect(negativeJson.json().message).toContain('must not be negative');
    expect(await storedMarks(test.offlineTestId)).toEqual([
      { erecno: fatima, marks: 10, markedBy: lectern.adminErecno },
    ]);
  });

  it('refuses an unknown learner, another portal’s employee and an inactive employee', async () => {
    const { test, marksUrl } = await newTest(familyOf(name));
    const other = await lectern.otherPortal();
    const foreign = await lectern.app.lectern.db
      .selectFrom('employees')
      .select('erecno')
      .where('portal_id', '=', other.portalId)
      .executeTakeFirstOrThrow();
    const inactive = employeeNamed(lectern, 'Tove Berg').erecno;
    for (const [erecno, text] of [
      ['123456789012345678', 'no employee'],
      [foreign.erecno, 'no employee'],
      [inactive, 'inactive'],
    ]) {
      const response = await post(marksUrl, { query: `?learnerErecno=${erecno}&marks=5` });
      expectRefusal(response, 'learnerErecno');
      expect(response.json().message).toContain(text);
    }
    expect(await storedMarks(test.offlineTestId)).toEqual([]);
  });

  it('refuses an employee who is not a learner where the test is, naming the entry, and writes nothing', async () => {
    const { test, marksUrl } = await newTest(familyOf(name));
    const kofi = employeeNamed(lectern, 'Kofi Mensah').erecno;
    const one = await post(marksUrl, { query: `?learnerErecno=${kofi}&marks=5` });
    expectRefusal(one, 'learnerErecno');
    const where = name === 'blended' ? 'batch' : 'course';
    expect(one.json().message).toContain(`Kofi Mensah (${kofi}) is not a learner of this ${where}`);
    const list = JSON.stringify({
      marksList: [
        { learnerErecno: fatima, marks: 5 },
        { learnerErecno: kofi, marks: 6 },
      ],
    });
    expectRefusal(await post(marksUrl, { payload: list, headers: jsonType }), 'marksList.1.learnerErecno');
    expect(await storedMarks(test.offlineTestId)).toEqual([]);
  });

  it('writes a marks.recorded.v1 history entry per learner, with the marks before and after', async () => {
    const { test, marksUrl } = await newTest(familyOf(name));
    await post(marksUrl, { query: `?learnerErecno=${gustav}&marks=10` });
    const list = JSON.stringify([
      { learnerErecno: gustav, marks: 12 },
      { learnerErecno: hana, marks: 3 },
    ]);
    await post(marksUrl, { query: `?marksList=${encodeURIComponent(list)}` });
    const family = familyOf(name);
    const history = await lectern.app.inject({
      url: `/lectern/v1/courses/${family.courseId}/history?type=marks.recorded.v1&limit=200`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(history.statusCode, history.body).toBe(200);
    const entries = history.json().history.filter((entry: any) => entry.subject.id === test.offlineTestId);
    expect(entries.map((entry: any) => [entry.learner.displayName, entry.before, entry.after])).toEqual([
      ['Gustav Lind', null, { marks: 10, maximumMarks: 50 }],
      ['Gustav Lind', { marks: 10 }, { marks: 12, maximumMarks: 50 }],
      ['Hana Sato', null, { marks: 3, maximumMarks: 50 }],
    ]);
    expect(entries[0]).toMatchObject({
      courseId: family.courseId,
      batchId: family.batchId,
      subject: { kind: 'entity', id: test.offlineTestId, entityType: 0 },
    });
  });

  it('writes nothing when any entry of a list is invalid, naming that entry', async () => {
    const { test, marksUrl } = await newTest(familyOf(name));
    await post(marksUrl, { query: `?learnerErecno=${hana}&marks=7` });
    const cases: [unknown[], string, string?][] = [
      [
        [
          { learnerErecno: fatima, marks: 5 },
          { learnerErecno: gustav, marks: 99 },
        ],
        'marksList.1.marks',
      ],
      [
        [
          { learnerErecno: fatima, marks: 5 },
          { learnerErecno: '123456789012345678', marks: 1 },
        ],
        'marksList.1.learnerErecno',
      ],
      [
        [
          { learnerErecno: hana, marks: 9 },
          { learnerErecno: gustav, marks: -2 },
        ],
        'marksList.1.marks',
      ],
      [
        [
          { learnerErecno: fatima, marks: 5 },
          { learnerErecno: fatima, marks: 6 },
        ],
        'marksList.1.learnerErecno',
      ],
      [[{ learnerErecno: fatima }], 'marksList.0.marks', 'INPUT_PARAMETER_MISSING'],
      [[5], 'marksList.0'],
      [[], 'marksList'],
    ];
    for (const [list, parameter, code] of cases) {
      const response = await post(marksUrl, { payload: JSON.stringify({ marksList: list }), headers: jsonType });
      expectRefusal(response, parameter, code);
    }
    expectRefusal(await post(marksUrl, { query: '?marksList=%5Bnot%20json' }), 'marksList');
    expectRefusal(await post(marksUrl, { query: '?marksList=%7B%7D' }), 'marksList');
    const both = await post(marksUrl, {
      query: `?learnerErecno=${fatima}&marks=1&marksList=${encodeURIComponent(JSON.stringify([{ learnerErecno: gustav, marks: 1 }]))}`,
    });
    expectRefusal(both, 'marksList');
    expect(await storedMarks(test.offlineTestId)).toEqual([{ erecno: hana, marks: 7, markedBy: lectern.adminErecno }]);
  });

  it('lets a course admin mark; a plain employee gets 403; an unknown test 404', async () => {
    const { test, marksUrl } = await newTest(familyOf(name));
    const admin = await post(marksUrl, { query: `?learnerErecno=${fatima}&marks=3`, token: world.courseAdmin.token });
    expect(admin.statusCode, admin.body).toBe(200);
    expect((await storedMarks(test.offlineTestId))[0]!.markedBy).toBe(world.courseAdmin.erecno);
    const plain = await post(marksUrl, { query: `?learnerErecno=${fatima}&marks=4`, token: world.plain.token });
    expect(plain.statusCode).toBe(403);
    const unknown = await post(marksUrl.replace(test.offlineTestId, '123456789012345678'), {
      query: `?learnerErecno=${fatima}&marks=4`,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses lowering the maximum below marks already given, and allows it down to them', async () => {
    const { test, url, marksUrl } = await newTest(familyOf(name));
    await post(marksUrl, { query: `?learnerErecno=${fatima}&marks=40` });
    const lower = await sendData(lectern, { method: 'PATCH', url, dataName: 'offlineTestData', data: { marks: 39 } });
    expectRefusal(lower, 'offlineTestData.marks');
    expect(lower.json().message).toContain('up to 40 marks');
    const fine = await sendData(lectern, { method: 'PATCH', url, dataName: 'offlineTestData', data: { marks: 40 } });
    expect(fine.statusCode, fine.body).toBe(200);
    expect(fine.json().offlineTest).toEqual({ ...test, marks: 40 });
    expectRefusal(await post(marksUrl, { query: `?learnerErecno=${fatima}&marks=41` }), 'marks');
  });

  it('removes the marks with the test', async () => {
    const { test, url, marksUrl } = await newTest(familyOf(name));
    await post(marksUrl, { query: `?learnerErecno=${fatima}&marks=40` });
    const deleted = await lectern.app.inject({ method: 'DELETE', url, headers: lectern.auth(lectern.adminToken) });
    expect(deleted.statusCode).toBe(200);
    expect(await storedMarks(test.offlineTestId)).toEqual([]);
  });
});
