/** Assignment API in both families: the object, the submission window, update at both documented paths, marks. */
import { describe, expect, it } from 'vitest';
import { EntityType } from '../src/entity-types.ts';
import { familyNamed, useAssessmentWorld } from './helpers/assessment-world.ts';
import {
  type AssessmentWorld,
  addFamilyModule,
  countEntities,
  createItem,
  type DataForm,
  expectRefusal,
  type Family,
  fetch,
  sendData,
} from './helpers/assessments.ts';
import { ownPath } from './helpers/route-table.ts';
import type { TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let world: AssessmentWorld;
useAssessmentWorld((started) => {
  ({ lectern, world } = started);
});

const dataName = 'assignmentData';
const window = { submissionFrom: '05-03-2026', submissionTo: '20-03-2026' };
const familyOf = (name: string) => familyNamed(world, name);
const listUrl = (family: Family) => `${family.moduleUrl}/assignments`;
const validFor = (family: Family) => ({
  name: 'Essay',
  maximumMarks: 100,
  submissionType: 'text',
  ...(family.batchId === null ? {} : window),
});

describe.each(['self-paced', 'blended'])('%s assignments', (name) => {
  it('creates an assignment with every documented key and answers the whole object in order', async () => {
    const family = await addFamilyModule(lectern, familyOf(name));
    const response = await sendData(lectern, {
      method: 'POST',
      url: listUrl(family),
      dataName,
      form: 'wrapped JSON body',
      data: {
        name: 'Case study',
        maximumMarks: '60',
        submissionType: 'fileAttachment',
        submissionFrom: '05_03_2026',
        submissionTo: '05-03-2026',
        lateSubmission: 'doNotAllow',
        description: 'Two pages',
        isMandatory: true,
        lockUntil: '01-03-2026',
        gradeCategoryId: world.grades.Project,
        resources: [{ resourceName: 'Brief', resourceURL: 'https://example.com/brief' }],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const id = body.assignment.assignmentId;
    expect(body).toEqual({
      code: 200,
      assignment: {
        lockUntil: '01-03-2026',
        assignmentId: id,
        isMandatoryAssignment: true,
        canMarkAsComplete: 0,
        isLocked: true,
        description: 'Two pages',
        resources: [{ resourceURL: 'https://example.com/brief', resourceName: 'Brief' }],
        canUserEdit: true,
        moduleId: family.moduleId,
        assignmentName: 'Case study',
        canUserDelete: true,
        maximumMarks: 60,
        submissionType: 'fileAttachment',
        submissionFrom: '05-03-2026',
        submissionTo: '05-03-2026',
        lateSubmission: 'doNotAllow',
        gradeCategoryId: world.grades.Project,
      },
      message: 'success',
    });
    expect(Object.keys(body.assignment)).toEqual([
      'lockUntil',
      'assignmentId',
      'isMandatoryAssignment',
      'canMarkAsComplete',
      'isLocked',
      'description',
      'resources',
      'canUserEdit',
      'moduleId',
      'assignmentName',
      'canUserDelete',
      'maximumMarks',
      'submissionType',
      'submissionFrom',
      'submissionTo',
      'lateSubmission',
      'gradeCategoryId',
    ]);
    expect((await fetch(lectern, `${listUrl(family)}/${id}`)).json()).toEqual(body);
    const list = (await fetch(lectern, listUrl(family))).json();
    expect(list).toEqual({ code: 200, assignments: [body.assignment], message: 'success', hasMoreRecords: false });
    // Zoho lists no course's or batch's assignments: the whole list is Lectern's, under /lectern/v1.
    const whole = (await fetch(lectern, ownPath(`${family.parentUrl}/assignments`))).json();
    expect(whole.assignments).toContainEqual(body.assignment);
  });

  it('refuses a submission window that ends before it starts, on create and on update', async () => {
    const family = familyOf(name);
    const before = await countEntities(lectern, EntityType.assignment);
    const bad = await sendData(lectern, {
      method: 'POST',
      url: listUrl(family),
      dataName,
      data: { ...validFor(family), submissionFrom: '10-03-2026', submissionTo: '09-03-2026' },
    });
    expectRefusal(bad, 'assignmentData.submissionTo');
    expect(bad.json().message).toContain('10-03-2026');
    expect(await countEntities(lectern, EntityType.assignment)).toBe(before);
    const item = await createItem(lectern, listUrl(family), dataName, 'assignment', { ...validFor(family), ...window });
    const url = `${listUrl(family)}/${item.assignmentId}`;
    const late = await sendData(lectern, { method: 'PATCH', url, dataName, data: { submissionFrom: '21-03-2026' } });
    expectRefusal(late, 'assignmentData.submissionTo');
    const moved = await sendData(lectern, {
      method: 'PATCH',
      url,
      dataName,
      data: { submissionFrom: '21-03-2026', submissionTo: '22-03-2026' },
    });
    expect(moved.json().assignment).toEqual({ ...item, submissionFrom: '21-03-2026', submissionTo: '22-03-2026' });
  });

  it.each<DataForm>(['query', 'form field', 'bare JSON body', 'wrapped JSON body'])(
    'updates at .../assignments with the id inside assignmentData (%s), and at .../assignments/{id}',
    async (form) => {
      const family = familyOf(name);
      const item = await createItem(lectern, listUrl(family), dataName, 'assignment', validFor(family));
      const byData = await sendData(lectern, {
        method: 'PATCH',
        url: listUrl(family),
        dataName,
        form,
        data: `{"assignmentId":${item.assignmentId},"name":"Essay (${form})","lateSubmission":"allow"}`,
      });
      expect(byData.statusCode, byData.body).toBe(200);
      expect(byData.json()).toEqual({
        code: 200,
        assignment: { ...item, assignmentName: `Essay (${form})`, lateSubmission: 'allow' },
        message: 'success',
      });
      const byPath = await sendData(lectern, {
        method: 'PATCH',
        url: `${listUrl(family)}/${item.assignmentId}`,
        dataName,
        form,
        data: { maximumMarks: 90, assignmentId: item.assignmentId },
      });
      expect(byPath.statusCode, byPath.body).toBe(200);
      expect(byPath.json().assignment).toEqual({
        ...item,
        assignmentName: `Essay (${form})`,
        lateSubmission: 'allow',
        maximumMarks: 90,
      });
      expect((await fetch(lectern, `${listUrl(family)}/${item.assignmentId}`)).json().assignment).toEqual(
        byPath.json().assignment,
      );
    },
  );

  it('refuses the id-in-data update without an id, with a bad one, with an unknown one; and a mismatching id', async () => {
    const family = familyOf(name);
    const item = await createItem(lectern, listUrl(family), dataName, 'assignment', validFor(family));
    const patch = (url: string, data: Record<string, unknown>) =>
      sendData(lectern, { method: 'PATCH', url, dataName, data });
    expectRefusal(
      await patch(listUrl(family), { name: 'No id' }),
      'assignmentData.assignmentId',
      'INPUT_PARAMETER_MISSING',
    );
    expectRefusal(await patch(listUrl(family), { assignmentId: 'abc', name: 'x' }), 'assignmentData.assignmentId');
    const unknown = await patch(listUrl(family), { assignmentId: '123456789012345678', name: 'x' });
    expect(unknown.statusCode).toBe(404);
    const offline = await createItem(lectern, `${family.moduleUrl}/offlineTests`, 'offlineTestData', 'offlineTest', {
      name: 'Not an assignment',
      marks: 5,
      duration: 5,
    });
    expect((await patch(listUrl(family), { assignmentId: offline.offlineTestId, name: 'x' })).statusCode).toBe(404);
    const other = await addFamilyModule(lectern, family);
    expect((await patch(listUrl(other), { assignmentId: item.assignmentId, name: 'x' })).statusCode).toBe(404);
    const mismatch = await patch(`${listUrl(family)}/${item.assignmentId}`, {
      assignmentId: offline.offlineTestId,
      name: 'x',
    });
    expectRefusal(mismatch, 'assignmentData.assignmentId');
    expectRefusal(
      await patch(listUrl(family), { assignmentId: item.assignmentId, maximumMarks: 0 }),
      'assignmentData.maximumMarks',
    );
    expect((await fetch(lectern, `${listUrl(family)}/${item.assignmentId}`)).json().assignment).toEqual(item);
  });
});

describe('the submission window by course type', () => {
  it('makes submissionFrom and submissionTo mandatory in blended courses', async () => {
    const blended = familyOf('blended');
    const base = { name: 'Essay', maximumMarks: 10, submissionType: 'noSubmission' };
    const before = await countEntities(lectern, EntityType.assignment);
    for (const [data, parameter] of [
      [base, 'assignmentData.submissionFrom'],
      [{ ...base, submissionFrom: '01-03-2026' }, 'assignmentData.submissionTo'],
      [{ ...base, submissionTo: '01-03-2026' }, 'assignmentData.submissionFrom'],
    ] as const) {
      const response = await sendData(lectern, { method: 'POST', url: listUrl(blended), dataName, data });
      expectRefusal(response, parameter, 'INPUT_PARAMETER_MISSING');
    }
    const blank = await sendData(lectern, {
      method: 'POST',
      url: listUrl(blended),
      dataName,
      data: { ...base, ...window, submissionTo: '' },
    });
    expectRefusal(blank, 'assignmentData.submissionTo');
    expect(await countEntities(lectern, EntityType.assignment)).toBe(before);
    const item = await createItem(lectern, listUrl(blended), dataName, 'assignment', { ...base, ...window });
    const cleared = await sendData(lectern, {
      method: 'PATCH',
      url: `${listUrl(blended)}/${item.assignmentId}`,
      dataName,
      data: { submissionFrom: null },
    });
    expectRefusal(cleared, 'assignmentData.submissionFrom');
    expect(cleared.json().message).toContain('blended');
  });

  it('keeps them optional in self-paced courses: none, one, or both, and "" clears one', async () => {
    const selfPaced = familyOf('self-paced');
    const base = { name: 'Essay', maximumMarks: 10, submissionType: 'text' };
    const none = await createItem(lectern, listUrl(selfPaced), dataName, 'assignment', base);
    expect(none).toMatchObject({ submissionFrom: '', submissionTo: '', lateSubmission: '' });
    const from = await createItem(lectern, listUrl(selfPaced), dataName, 'assignment', {
      ...base,
      submissionFrom: '01-02-2026',
    });
    expect(from).toMatchObject({ submissionFrom: '01-02-2026', submissionTo: '' });
    const cleared = await sendData(lectern, {
      method: 'PATCH',
      url: `${listUrl(selfPaced)}/${from.assignmentId}`,
      dataName,
      data: { submissionFrom: '' },
    });
    expect(cleared.json().assignment).toEqual({ ...from, submissionFrom: '' });
  });
});
