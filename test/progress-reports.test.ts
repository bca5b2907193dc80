import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blendedWorld, complete, enrol, lecternWithStartedCourse, read, type World } from './helpers/progress.ts';
import type { Cast } from './helpers/roles.ts';
import type { TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let cast: Cast;
let selfPaced: World;
let blended: World;
beforeAll(async () => {
  ({ lectern, cast, world: selfPaced } = await lecternWithStartedCourse());
  // Fatima has completed one mandatory link; with the content that makes 2 of 4 entities, 2 of 3 mandatory ones.
  await complete(lectern, selfPaced, cast.learner, 'contents', selfPaced.contentId);
  blended = await blendedWorld(lectern, cast);
  await enrol(lectern, blended, [cast.learner]);
  await complete(lectern, blended, cast.learner, 'links', blended.links[2]);
});
afterAll(() => lectern.close());

const admin = () => lectern.adminToken;

describe('#41 one learner, one course or batch', () => {
  it('counts exactly: 2 of 4 completed is 50%, mandatory 2 of 3', async () => {
    const response = await read(
      lectern,
      `/api/v1${selfPaced.path}/learners/${cast.learner.erecno}/course-progress`,
      admin(),
    );
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['code', 'courseProgress', 'message']);
    expect(body.courseProgress).toMatchObject({
      courseId: selfPaced.courseId,
      courseType: '1',
      batchId: null,
      learner: { erecno: cast.learner.erecno, displayName: 'Fatima Zahra' },
      hasUserStarted: true,
      hasUserCompleted: false,
      completedCount: 2,
      totalCount: 4,
      mandatoryCompletedCount: 2,
      mandatoryTotalCount: 3,
      percentageOfProgress: 50,
      progressAsDisplayString: '2 of 4 Completed',
    });
  });

  it('progressType 1 counts the mandatory entities only; other values are refused', async () => {
    const url = `/api/v1${selfPaced.path}/learners/${cast.learner.erecno}/course-progress`;
    const mandatory = await read(lectern, `${url}?progressType=1`, admin());
    expect(mandatory.json().courseProgress).toMatchObject({
      percentageOfProgress: 66,
      progressAsDisplayString: '2 of 3 Completed',
    });
    expect((await read(lectern, `${url}?progressType=0`, admin())).json().courseProgress.percentageOfProgress).toBe(50);
    const bad = await read(lectern, `${url}?progressType=2`, admin());
    expect(bad.statusCode).toBe(400);
    expect(bad.json().parameter).toBe('progressType');
  });

  it('a learner who did nothing has 0 of 4, not started', async () => {
    const response = await read(
      lectern,
      `/api/v1${selfPaced.path}/learners/${cast.otherLearner.erecno}/course-progress`,
      admin(),
    );
    expect(response.json().courseProgress).toMatchObject({
      hasUserStarted: false,
      completedCount: 0,
      totalCount: 4,
      percentageOfProgress: 0,
      progressAsDisplayString: '0 of 4 Completed',
    });
  });

  it('answers in the batch family for blended courses, and refuses the wrong family', async () => {
    const inBatch = await read(
      lectern,
      `/api/v1${blended.path}/learners/${cast.learner.erecno}/course-progress`,
      admin(),
    );
    expect(inBatch.statusCode, inBatch.body).toBe(200);
    expect(inBatch.json().courseProgress).toMatchObject({
      courseType: '2',
      batchId: blended.batchId,
      completedCount: 1,
      totalCount: 4,
      mandatoryCompletedCount: 0,
      percentageOfProgress: 25,
    });
    const noBatch = await read(
      lectern,
      `/api/v1/courses/${blended.courseId}/learners/${cast.learner.erecno}/course-progress`,
      admin(),
    );
    expect(noBatch.statusCode).toBe(400);
    expect(noBatch.json().code).toBe('UNSUPPORTED_OPERATION');
    const batchOfSelfPaced = await read(
      lectern,
      `/api/v1/courses/${selfPaced.courseId}/batches/${blended.batchId}/learners/${cast.learner.erecno}/course-progress`,
      admin(),
    );
    expect(batchOfSelfPaced.statusCode).toBe(400);
  });

  it('404 for someone not enrolled, an unknown learner, an unknown batch; 400 for a bad id', async () => {
    const base = `/api/v1${selfPaced.path}/learners`;
    const notEnrolled = await read(lectern, `${base}/${cast.bystander.erecno}/course-progress`, admin());
    expect(notEnrolled.statusCode).toBe(404);
    expect(notEnrolled.json().message).toMatch(/not enrolled/);
    expect((await read(lectern, `${base}/123456789012345678/course-progress`, admin())).statusCode).toBe(404);
    const unknownBatch = `/api/v1/courses/${blended.courseId}/batches/123456789012345678/learners/${cast.learner.erecno}/course-progress`;
    expect((await read(lectern, unknownBatch, admin())).statusCode).toBe(404);
    const bad = await read(lectern, `${base}/abc/course-progress`, admin());
    expect(bad.statusCode).toBe(400);
    expect(bad.json().parameter).toBe('learnerId');
  });
});

describe('#42 every learner of a course or batch', () => {
  it('lists each enrolled learner with exact counts, in enrolment order', async () => {
    const response = await read(lectern, `/api/v1${selfPaced.path}/course-progress`, admin());
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['courseProgress', 'code', 'message', 'hasMoreRecords']);
    expect(body.hasMoreRecords).toBe(false);
    expect(
      body.courseProgress.map((row: any) => [
        row.learner.displayName,
        row.progressAsDisplayString,
        row.percentageOfProgress,
      ]),
    ).toEqual([
      ['Fatima Zahra', '2 of 4 Completed', 50],
      ['Gustav Lind', '0 of 4 Completed', 0],
    ]);
    const batch = await read(lectern, `/api/v1${blended.path}/course-progress`, admin());
    expect(batch.json().courseProgress.map((row: any) => row.completedCount)).toEqual([1]);
  });
});

describe('#40 every course of one learner', () => {
  it('lists the self-paced course and the batch with their counts', async () => {
    const response = await read(lectern, `/api/v1/learners/${cast.learner.erecno}/course-progress`, admin());
    expect(response.statusCode, response.body).toBe(200);
    const rows = response.json().courseProgress as any[];
    expect(rows.map((row) => [row.courseId, row.batchId, row.completedCount, row.totalCount])).toEqual([
      [selfPaced.courseId, null, 2, 4],
      [blended.courseId, blended.batchId, 1, 4],
    ]);
    expect(response.json().hasMoreRecords).toBe(false);
  });

  it('a learner enrolled nowhere has an empty list for themself', async () => {
    const response = await read(
      lectern,
      `/api/v1/learners/${cast.bystander.erecno}/course-progress`,
      cast.bystander.token,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json().courseProgress).toEqual([]);
  });
});

describe('#43-#45 modules and entities', () => {
  it('#43 lists the module entity by entity', async () => {
    const response = await read(
      lectern,
      `/api/v1${selfPaced.path}/modules/${selfPaced.moduleId}/learners/${cast.learner.erecno}/progress`,
      admin(),
    );
    expect(response.statusCode, response.body).toBe(200);
    const module = response.json().moduleProgress;
    expect(module).toMatchObject({
      moduleId: selfPaced.moduleId,
      moduleName: 'Basics',
      completedCount: 2,
      totalCount: 4,
      percentageOfProgress: 50,
      progressAsDisplayString: '2 of 4 Completed',
    });
    expect(
      module.entities.map((entity: any) => [entity.entityName, entity.entityType, entity.isMandatory, entity.status]),
    ).toEqual([
      ['Link one', '6', true, 'completed'],
      ['Link two', '6', true, 'notStarted'],
      ['Extra', '6', false, 'notStarted'],
      ['Reading', '4', true, 'completed'],
    ]);
    const unknown = `/api/v1${selfPaced.path}/modules/123456789012345678/learners/${cast.learner.erecno}/progress`;
    expect((await read(lectern, unknown, admin())).statusCode).toBe(404);
  });

  it('#44 lists the entities of one type, by code or by name; the type is mandatory', async () => {
    const base = `/api/v1${selfPaced.path}/learners/${cast.learner.erecno}/progress`;
    const byCode = await read(lectern, `${base}?entityType=6`, admin());
    expect(byCode.statusCode, byCode.body).toBe(200);
    expect(Object.keys(byCode.json())).toEqual(['entities', 'code', 'message', 'hasMoreRecords']);
    expect(byCode.json().entities.map((entity: any) => entity.entityId)).toEqual(selfPaced.links);
    const byName = await read(lectern, `${base}?entityType=contents`, admin());
    expect(byName.json().entities).toMatchObject([{ entityId: selfPaced.contentId, isCompleted: true }]);
    expect((await read(lectern, `${base}?entityType=3`, admin())).json().entities).toEqual([]);
    const missing = await read(lectern, base, admin());
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('INPUT_PARAMETER_MISSING');
    const bad = await read(lectern, `${base}?entityType=9`, admin());
    expect(bad.statusCode).toBe(400);
    expect(bad.json().parameter).toBe('entityType');
  });

  it('#45 answers one entity by path segment or code; 404 for an entity of another type', async () => {
    const base = `/api/v1${selfPaced.path}/learners/${cast.learner.erecno}`;
    const link = await read(lectern, `${base}/links/${selfPaced.links[0]}/progress`, admin());
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json().entityProgress).toMatchObject({
      entityId: selfPaced.links[0],
      entityType: '6',
      entityTypeAsDisplayString: 'Link',
      isCompleted: true,
      status: 'completed',
    });
    expect(typeof link.json().entityProgress.completedTime).toBe('number');
    const byCode = await read(lectern, `${base}/6/${selfPaced.links[1]}/progress`, admin());
    expect(byCode.json().entityProgress).toMatchObject({ isCompleted: false, completedTime: null });
    expect((await read(lectern, `${base}/files/${selfPaced.links[0]}/progress`, admin())).statusCode).toBe(404);
    expect((await read(lectern, `${base}/widgets/${selfPaced.links[0]}/progress`, admin())).statusCode).toBe(400);
    const inBatch = await read(
      lectern,
      `/api/v1${blended.path}/learners/${cast.learner.erecno}/links/${blended.links[2]}/progress`,
      admin(),
    );
    expect(inBatch.json().entityProgress).toMatchObject({ isCompleted: true, isMandatory: false });
  });
});
