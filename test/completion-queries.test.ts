import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/database.ts';
import { loadLearnerProgress, loadProgressOfLearner } from '../src/features/progress/progress.service.ts';
import { actOnLink, type Built, blendedBatch, enrol, selfPacedCourse } from './helpers/completion.ts';
import type { Person } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let learners: Person[];
let course: Built;
let batch: Built;
beforeAll(async () => {
  lectern = await createTestLectern();
  const active = lectern.employees.filter((employee) => employee.status === 'active');
  learners = await Promise.all(
    active.map(async (employee) => ({
      erecno: employee.erecno,
      name: employee.display_name,
      token: await lectern.token(['ALL'], employee.erecno),
    })),
  );
  course = await selfPacedCourse(lectern, { module: 2, course: 2 }, [
    { name: 'One', links: [{ name: 'a' }, { name: 'b' }] },
    { name: 'Two', lockType: 2, links: [{ name: 'c' }] },
  ]);
  batch = await blendedBatch(lectern, { module: 2 }, [{ name: 'First', links: [{ name: 'x' }] }]);
  await enrol(lectern, course, learners);
  await enrol(lectern, batch, learners.slice(0, 10));
  for (const learner of learners.slice(0, 5)) {
    expect((await actOnLink(lectern, course, 'a', 'markAsComplete', learner.token)).statusCode).toBe(200);
  }
});
afterAll(() => lectern.close());

/** The app's database, counting every query run through it (prepared ones too: results pass every plugin). */
function countingDb(): { db: Db; count: () => number } {
  let queries = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      queries += 1;
      return args.result;
    },
  };
  return { db: lectern.app.lectern.db.withPlugin(plugin), count: () => queries };
}

describe('progress loads in a fixed number of queries', () => {
  it('the same number for 1 and for 20 learners of a course', async () => {
    expect(learners.length).toBeGreaterThanOrEqual(18);
    const place = { portalId: lectern.portalId, courseId: course.courseId, batchId: null };
    const one = countingDb();
    const single = await loadLearnerProgress(one.db, lectern.app.lectern, place, [learners[0]!.erecno]);
    const many = countingDb();
    const all = await loadLearnerProgress(
      many.db,
      lectern.app.lectern,
      place,
      learners.map((learner) => learner.erecno),
    );
    expect(single.size).toBe(1);
    expect(all.size).toBe(learners.length);
    expect(many.count()).toBe(one.count());
    expect(one.count()).toBeLessThanOrEqual(12);
    const first = all.get(learners[0]!.erecno)!;
    expect(first).toMatchObject({ isEnrolled: true, completedCount: 1, totalCount: 3, percentage: 33 });
    expect(first.modules.map((module) => module.isLocked)).toEqual([false, true]);
    expect(all.get(learners[10]!.erecno)).toMatchObject({ completedCount: 0, hasStarted: false });
  });

  it('the same number for one learner in 1 and in 2 places', async () => {
    const learner = learners[0]!.erecno;
    const coursePlace = { portalId: lectern.portalId, courseId: course.courseId, batchId: null };
    const batchPlace = { portalId: lectern.portalId, courseId: batch.courseId, batchId: batch.batchId };
    const one = countingDb();
    await loadProgressOfLearner(one.db, lectern.app.lectern, lectern.portalId, learner, [batchPlace]);
    const two = countingDb();
    const both = await loadProgressOfLearner(two.db, lectern.app.lectern, lectern.portalId, learner, [
      coursePlace,
      batchPlace,
    ]);
    expect(two.count()).toBe(one.count());
    expect(both.map((progress) => [progress.place.batchId, progress.totalCount])).toEqual([
      [null, 3],
      // A link and the session the batch was published with.
      [batch.batchId, 2],
    ]);
  });
});
