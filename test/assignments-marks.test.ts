/** Update Assignment Marks in both families: up to maximumMarks, one learner or a list, a partly invalid list writes nothing. */
import { describe, expect, it } from 'vitest';
import { familyNamed, useAssessmentWorld } from './helpers/assessment-world.ts';
import { type AssessmentWorld, createItem, expectRefusal, type Family, sendData } from './helpers/assessments.ts';
import { employeeNamed, jsonType } from './helpers/courses.ts';
import { enrol } from './helpers/enrolments.ts';
import type { TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let world: AssessmentWorld;
useAssessmentWorld(async (started) => {
  ({ lectern, world } = started);
  // Only enrolled learners may be marked.
  const learners = ['Fatima Zahra', 'Gustav Lind'].map((name) => employeeNamed(lectern, name).erecno);
  for (const family of world.families) await enrol(lectern, family, learners);
});

const dataName = 'assignmentData';
const familyOf = (name: string) => familyNamed(world, name);
const listUrl = (family: Family) => `${family.moduleUrl}/assignments`;
const validFor = (family: Family) => ({
  name: 'Essay',
  maximumMarks: 100,
  submissionType: 'text',
  ...(family.batchId === null ? {} : { submissionFrom: '05-03-2026', submissionTo: '20-03-2026' }),
});

describe.each(['self-paced', 'blended'])('%s assignment marks', (name) => {
  it('records marks up to maximumMarks, one learner or a list, and writes nothing for a partly invalid list', async () => {
    const family = familyOf(name);
    const item = await createItem(lectern, listUrl(family), dataName, 'assignment', {
      ...validFor(family),
      maximumMarks: 20,
    });
    const marksUrl = `${listUrl(family)}/${item.assignmentId}/updateMarks`;
    const fatima = employeeNamed(lectern, 'Fatima Zahra').erecno;
    const gustav = employeeNamed(lectern, 'Gustav Lind').erecno;
    const post = (query: string, payload?: string) =>
      lectern.app.inject({
        method: 'POST',
        url: `${marksUrl}${query}`,
        headers: { ...lectern.auth(lectern.adminToken), ...(payload === undefined ? {} : jsonType) },
        ...(payload === undefined ? {} : { payload }),
      });
    const one = await post(`?learnerErecno=${fatima}&marks=20`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().learners).toEqual([
      {
        learnerErecno: fatima,
        displayName: 'Fatima Zahra',
        employeeId: employeeNamed(lectern, 'Fatima Zahra').employee_id,
        marks: 20,
        maximumMarks: 20,
      },
    ]);
    expectRefusal(await post(`?learnerErecno=${fatima}&marks=21`), 'marks');
    expectRefusal(await post(`?learnerErecno=${fatima}&marks=-1`), 'marks');
    const outsider = await post(`?learnerErecno=${employeeNamed(lectern, 'Kofi Mensah').erecno}&marks=1`);
    expectRefusal(outsider, 'learnerErecno');
    expect(outsider.json().message).toContain(
      `is not a learner of this ${family.batchId === null ? 'course' : 'batch'}`,
    );
    const partly = await post(
      '',
      JSON.stringify({
        marksList: [
          { learnerErecno: gustav, marks: 10 },
          { learnerErecno: fatima, marks: 25 },
        ],
      }),
    );
    expectRefusal(partly, 'marksList.1.marks');
    const rows = await lectern.app.lectern.db
      .selectFrom('entity_marks')
      .select(['erecno', 'marks'])
      .where('entity_id', '=', item.assignmentId)
      .execute();
    expect(rows.map((row) => [row.erecno, Number(row.marks)])).toEqual([[fatima, 20]]);
    const lowered = await sendData(lectern, {
      method: 'PATCH',
      url: `${listUrl(family)}/${item.assignmentId}`,
      dataName,
      data: { maximumMarks: 19 },
    });
    expectRefusal(lowered, 'assignmentData.maximumMarks');
  });
});
