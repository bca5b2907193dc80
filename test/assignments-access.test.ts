/** Assignment API access in both families, including the update with the id inside assignmentData. */
import { describe, expect, it } from 'vitest';
import { useAssessmentWorld } from './helpers/assessment-world.ts';
import {
  type AssessmentWorld,
  addFamilyModule,
  createItem,
  describeAccess,
  type Family,
} from './helpers/assessments.ts';
import { jsonType } from './helpers/courses.ts';
import type { TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let world: AssessmentWorld;
useAssessmentWorld((started) => {
  ({ lectern, world } = started);
});

const validData = (family: Family) => ({
  name: 'Access essay',
  maximumMarks: 10,
  submissionType: 'noSubmission',
  ...(family.batchId === null ? {} : { submissionFrom: '01-03-2026', submissionTo: '02-03-2026' }),
});

describeAccess(
  () => lectern,
  () => world,
  {
    plural: 'assignments',
    singular: 'assignment',
    idKey: 'assignmentId',
    dataName: 'assignmentData',
    validData,
    marks: true,
  },
);

describe.each(['self-paced', 'blended'])('%s update with the id in assignmentData', (name) => {
  async function target() {
    const family = await addFamilyModule(lectern, world.families.find((candidate) => candidate.name === name)!);
    const url = `${family.moduleUrl}/assignments`;
    const item = await createItem(lectern, url, 'assignmentData', 'assignment', validData(family));
    return { family, url, item };
  }
  const patch = (url: string, token: string | null, id: string) =>
    lectern.app.inject({
      method: 'PATCH',
      url,
      headers: { ...(token === null ? {} : lectern.auth(token)), ...jsonType },
      payload: `{"assignmentId":${id},"name":"Changed"}`,
    });

  it('answers 401 without a token and 403 without UPDATE or for a plain employee, writing nothing', async () => {
    const { url, item } = await target();
    expect((await patch(url, null, item.assignmentId)).statusCode).toBe(401);
    const scope = await patch(url, await lectern.token(['READ', 'CREATE']), item.assignmentId);
    expect(scope.statusCode).toBe(403);
    expect(scope.json().message).toContain('ZOHOPEOPLE.training.UPDATE');
    expect((await patch(url, world.plain.token, item.assignmentId)).statusCode).toBe(403);
    const fetched = await lectern.app.inject({
      url: `${url}/${item.assignmentId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(fetched.json().assignment).toEqual(item);
    const admin = await patch(url, world.courseAdmin.token, item.assignmentId);
    expect(admin.statusCode, admin.body).toBe(200);
    expect((await patch(url, await lectern.token(['UPDATE']), item.assignmentId)).statusCode).toBe(200);
  });

  it('answers 404 for unknown course, batch or module and for another portal; 400 naming a non-numeric id', async () => {
    const { family, url, item } = await target();
    const unknown = '123456789012345678';
    const wrongs = [url.replace(family.courseId, unknown), url.replace(family.moduleId, unknown)];
    if (family.batchId !== null) wrongs.push(url.replace(family.batchId, unknown));
    for (const wrong of wrongs)
      expect((await patch(wrong, lectern.adminToken, item.assignmentId)).statusCode).toBe(404);
    const other = await lectern.otherPortal();
    expect((await patch(url, other.token, item.assignmentId)).statusCode).toBe(404);
    const names: [string, string][] = [
      ['courseId', family.courseId],
      ['moduleId', family.moduleId],
    ];
    if (family.batchId !== null) names.push(['batchId', family.batchId]);
    for (const [parameter, id] of names) {
      const response = await patch(url.replace(id, 'abc'), lectern.adminToken, item.assignmentId);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter });
    }
  });
});
