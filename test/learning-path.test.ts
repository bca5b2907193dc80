/**
 * GET /lectern/v1/courses/{c}[/batches/{b}]/learners/{l}/learning-path: a learner's modules and entities in order
 * with why each locked one is locked (a date, or the module to finish first), who may read it, and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOnLink, type Built, blendedBatch, enrol, placeUrl, selfPacedCourse } from './helpers/completion.ts';
import { type Person, personNamed } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let learner: Person;
let otherLearner: Person;
let built: Built;
const start = Date.UTC(2026, 11, 1, 9, 0, 0);

beforeAll(async () => {
  lectern = await createTestLectern();
  lectern.clock.set(start);
  learner = await personNamed(lectern, 'Fatima Zahra');
  otherLearner = await personNamed(lectern, 'Gustav Lind');
  // Entity rule 1: the learner marks links; module rule 2: a module completes with its mandatory entities.
  built = await selfPacedCourse(lectern, { entity: 1, module: 2 }, [
    { name: 'Basics', links: [{ name: 'intro' }, { name: 'later', isMandatory: false, lockUntil: '10-12-2026' }] },
    { name: 'Module 2', lockType: 2, links: [{ name: 'deeper' }] },
    { name: 'Finale', lockType: 1, lockUntil: '05-12-2026', links: [{ name: 'last' }] },
  ]);
  await enrol(lectern, built, [learner]);
});
afterAll(() => lectern.close());

function readPath(place: Built | (Built & { batchId: string }), erecno: string, token: string) {
  return lectern.app.inject({
    method: 'GET',
    url: `${placeUrl(place, '/lectern/v1')}/learners/${erecno}/learning-path`,
    headers: lectern.auth(token),
  });
}

describe('the learning path', () => {
  it('names why each locked module and entity is locked, in order', async () => {
    const response = await readPath(built, learner.erecno, learner.token);
    expect(response.statusCode, response.body).toBe(200);
    const path = response.json().learningPath;
    expect(path).toMatchObject({
      courseId: built.courseId,
      batchId: null,
      learnerId: learner.erecno,
      percentageOfProgress: 0,
      progressAsDisplayString: '0 of 4 Completed',
    });
    const [basics, second, finale] = path.modules;
    expect(basics).toMatchObject({ moduleName: 'Basics', isLocked: false, lockReason: 'none', totalCount: 2 });
    expect(basics.entities[0]).toMatchObject({ entityName: 'intro', isLocked: false, canMarkAsComplete: true });
    expect(basics.entities[1]).toMatchObject({
      entityName: 'later',
      isLocked: true,
      lockReason: 'untilDate',
      opensOn: '2026-12-10',
      lockReasonAsDisplayString: 'Opens on 10-Dec-2026',
      canMarkAsComplete: false,
    });
    expect(second).toMatchObject({
      moduleName: 'Module 2',
      isLocked: true,
      lockReason: 'previousModule',
      waitsForModuleId: built.modules.Basics,
      waitsForModuleName: 'Basics',
      lockReasonAsDisplayString: 'Finish Basics first',
    });
    expect(second.entities[0]).toMatchObject({ isLocked: true, lockReason: 'module', waitsForModuleName: 'Basics' });
    expect(finale).toMatchObject({
      isLocked: true,
      lockReason: 'untilDate',
      opensOn: '2026-12-05',
      lockReasonAsDisplayString: 'Opens on 05-Dec-2026',
    });
  });

  it('follows the learner: completing a module opens the next, and the date lock lifts on its day', async () => {
    expect((await actOnLink(lectern, built, 'intro', 'markAsComplete', learner.token)).statusCode).toBe(200);
    const after = (await readPath(built, learner.erecno, learner.token)).json().learningPath;
    expect(after.modules[0]).toMatchObject({ isCompleted: true, completedCount: 1, percentageOfProgress: 50 });
    expect(after.modules[1]).toMatchObject({ isLocked: false, lockReason: 'none', lockReasonAsDisplayString: '' });
    expect(after.progressAsDisplayString).toBe('1 of 4 Completed');
    lectern.clock.set(Date.UTC(2026, 11, 5, 0, 0, 0));
    const opened = (await readPath(built, learner.erecno, learner.token)).json().learningPath;
    expect(opened.modules[2]).toMatchObject({ isLocked: false, lockReason: 'none', opensOn: null });
    lectern.clock.set(start);
  });

  it('answers in the batch family for a blended course', async () => {
    const batch = await blendedBatch(lectern, { entity: 1 }, [
      { name: 'One', links: [{ name: 'a' }] },
      { name: 'Two', lockType: 2, links: [{ name: 'b' }] },
    ]);
    await enrol(lectern, batch, [learner]);
    const response = await readPath(batch, learner.erecno, learner.token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().learningPath).toMatchObject({ batchId: batch.batchId });
    expect(response.json().learningPath.modules[1]).toMatchObject({ lockReasonAsDisplayString: 'Finish One first' });
  });

  it("refuses another learner's path, answers 404 when not enrolled and 400 for a bad id", async () => {
    const forbidden = await readPath(built, learner.erecno, otherLearner.token);
    expect(forbidden.statusCode, forbidden.body).toBe(403);
    const notEnrolled = await readPath(built, otherLearner.erecno, otherLearner.token);
    expect(notEnrolled.statusCode, notEnrolled.body).toBe(404);
    const bad = await lectern.app.inject({
      method: 'GET',
      url: `/lectern/v1/courses/abc/learners/${learner.erecno}/learning-path`,
      headers: lectern.auth(learner.token),
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().parameter).toBe('courseId');
    const admin = await readPath(built, learner.erecno, lectern.adminToken);
    expect(admin.statusCode).toBe(200);
  });
});
