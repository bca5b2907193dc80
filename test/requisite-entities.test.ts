import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOnLink, type Built, blendedBatch, enrol, selfPacedCourse } from './helpers/completion.ts';
import { type Person, personNamed } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let learner: Person;
let otherLearner: Person;
let manager: Person;
let courseAdmin: Person;
let trainer: Person;
let built: Built;
beforeAll(async () => {
  lectern = await createTestLectern();
  learner = await personNamed(lectern, 'Fatima Zahra');
  otherLearner = await personNamed(lectern, 'Gustav Lind');
  manager = await personNamed(lectern, 'Emeka Okafor');
  courseAdmin = await personNamed(lectern, 'Julia Moreau');
  trainer = await personNamed(lectern, 'Divya Raman');
  built = await selfPacedCourse(
    lectern,
    { module: 2 },
    [
      { name: 'One', links: [{ name: 'l1' }, { name: 'l2' }, { name: 'optional', isMandatory: false }] },
      { name: 'Two', lockType: 2, links: [{ name: 'next' }] },
      { name: 'Dated', lockType: 1, lockUntil: '01-06-2026', links: [{ name: 'dated' }] },
    ],
    { courseAdmins: [courseAdmin.erecno] },
  );
  await enrol(lectern, built, [learner, otherLearner]);
});
afterAll(() => lectern.close());

function requisites(place: { courseId: string; batchId: string | null }, who: Person | string, entityId: string) {
  const token = typeof who === 'string' ? who : who.token;
  return lectern.app.inject({
    url: `/api/v1/courses/${place.courseId}/batches/${place.batchId ?? 0}/learners/${learner.erecno}/lockedEntities/${entityId}`,
    headers: lectern.auth(token),
  });
}

describe('requisite entities', () => {
  it("lists the previous module's uncompleted mandatory entities, in Zoho's exact shape (code the number 200)", async () => {
    const response = await requisites(built, learner, built.links.next!);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      code: 200,
      lockedEntities: [
        { lockedEntityName: 'l1', lockedEntityId: built.links.l1, lockedEntityType: '6' },
        { lockedEntityName: 'l2', lockedEntityId: built.links.l2, lockedEntityType: '6' },
      ],
      message: 'success',
    });
    expect(Object.keys(response.json())).toEqual(['code', 'lockedEntities', 'message']);
    expect((await actOnLink(lectern, built, 'l1', 'markAsComplete', learner.token)).statusCode).toBe(200);
    expect((await requisites(built, learner, built.links.next!)).json().lockedEntities).toEqual([
      { lockedEntityName: 'l2', lockedEntityId: built.links.l2, lockedEntityType: '6' },
    ]);
  });

  it('is empty for an entity locked only by a date, and for one that is not locked', async () => {
    expect((await requisites(built, learner, built.links.dated!)).json().lockedEntities).toEqual([]);
    expect((await requisites(built, learner, built.links.l1!)).json().lockedEntities).toEqual([]);
  });

  it('is readable by the learner, their manager, a course admin and the LMS admin; not by another learner', async () => {
    for (const who of [learner, manager, courseAdmin, lectern.adminToken]) {
      const response = await requisites(built, who, built.links.next!);
      expect(response.statusCode, response.body).toBe(200);
    }
    const refused = await requisites(built, otherLearner, built.links.next!);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().message).toMatch(/manager/);
  });

  it('is 404 for another portal, an unknown entity, and someone who is not enrolled', async () => {
    const other = await lectern.otherPortal();
    expect((await requisites(built, other.token, built.links.next!)).statusCode).toBe(404);
    expect((await requisites(built, learner, '123456789012345678')).statusCode).toBe(404);
    const notEnrolled = await lectern.app.inject({
      url: `/api/v1/courses/${built.courseId}/batches/0/learners/${manager.erecno}/lockedEntities/${built.links.next}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(notEnrolled.statusCode, notEnrolled.body).toBe(404);
  });

  it("works for a blended batch, readable by the batch's trainer", async () => {
    const batch = await blendedBatch(lectern, { module: 2 }, [
      { name: 'First', links: [{ name: 'b1' }] },
      { name: 'Second', lockType: 2, links: [{ name: 'b2' }] },
    ]);
    await enrol(lectern, batch, [learner]);
    const response = await requisites(batch, trainer, batch.links.b2!);
    expect(response.statusCode, response.body).toBe(200);
    // The session the batch was published with is mandatory too (entity type 5).
    expect(response.json().lockedEntities.map((entity: any) => entity.lockedEntityType)).toEqual(['6', '5']);
    expect((await requisites(batch, otherLearner, batch.links.b2!)).statusCode).toBe(403);
  });
});
