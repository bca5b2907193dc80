import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse, type Person, patchCourse, publishCourse } from './helpers/courses.ts';
import { type Cast, castOf } from './helpers/roles.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let cast: Cast;
beforeAll(async () => {
  lectern = await createTestLectern();
  // Emeka Okafor manages Fatima Zahra and Gustav Lind; Kofi Mensah reports to Julia Moreau.
  cast = await castOf(lectern);
});
afterAll(() => lectern.close());

/** A published self-paced course administered by Julia, with the given enrol and unenrol rules. */
async function courseWith(whoCanEnroll: string[], whoCanUnenroll: string[] = whoCanEnroll): Promise<string> {
  const course = await createCourse(lectern, lectern.adminToken, { courseAdmins: [cast.courseAdmin.erecno] });
  const patched = await patchCourse(lectern, course.courseId, lectern.adminToken, {
    permissionSettings: { whoCanEnroll, whoCanUnenroll },
  });
  expect(patched.statusCode, patched.body).toBe(200);
  await publishCourse(lectern, course.courseId, lectern.adminToken);
  return course.courseId as string;
}

function send(courseId: string, verb: 'enroll' | 'unenroll', by: Person, people: Person[]) {
  return lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/${verb}?erecnosList=[${people.map((person) => person.erecno).join(',')}]`,
    headers: lectern.auth(by.token),
  });
}

async function expectStatus(courseId: string, verb: 'enroll' | 'unenroll', by: Person, person: Person, status: number) {
  const response = await send(courseId, verb, by, [person]);
  expect(response.statusCode, `${by.name} ${verb}s ${person.name}: ${response.body}`).toBe(status);
  return response;
}

describe('whoCanEnroll, from each role', () => {
  it("'admin': the LMS admin only", async () => {
    const courseId = await courseWith(['admin']);
    await expectStatus(courseId, 'enroll', cast.courseAdmin, cast.learner, 403);
    await expectStatus(courseId, 'enroll', cast.manager, cast.learner, 403);
    await expectStatus(courseId, 'enroll', cast.learner, cast.learner, 403);
    const ok = await expectStatus(courseId, 'enroll', cast.admin, cast.learner, 200);
    expect(ok.json().learners[0].status).toBe('enrolled');
  });

  it("'courseAdmin': course admins and the owner, not the LMS admin as such", async () => {
    const courseId = await courseWith(['courseAdmin']);
    await expectStatus(courseId, 'enroll', cast.learner, cast.learner, 403);
    await expectStatus(courseId, 'enroll', cast.courseAdmin, cast.learner, 200);
    // The LMS admin owns these courses, and the owner counts as a course admin.
    await expectStatus(courseId, 'enroll', cast.admin, cast.otherLearner, 200);
  });

  it("'manager': the learner's manager, for their own reports; a mixed list is reported per person", async () => {
    const courseId = await courseWith(['manager']);
    await expectStatus(courseId, 'enroll', cast.manager, cast.bystander, 403);
    await expectStatus(courseId, 'enroll', cast.admin, cast.learner, 403);
    await expectStatus(courseId, 'enroll', cast.learner, cast.learner, 403);
    const mixed = await send(courseId, 'enroll', cast.manager, [cast.learner, cast.bystander, cast.otherLearner]);
    expect(mixed.statusCode, mixed.body).toBe(200);
    const learners = mixed.json().learners;
    expect(learners.map((row: any) => [row.displayName, row.status])).toEqual([
      ['Fatima Zahra', 'enrolled'],
      ['Kofi Mensah', 'refused'],
      ['Gustav Lind', 'enrolled'],
    ]);
    expect(learners[1].reason).toMatch(/not authorized/);
    expect(learners[0].reason).toBeUndefined();
  });

  it("'learner': each person for themself only", async () => {
    const courseId = await courseWith(['learner']);
    await expectStatus(courseId, 'enroll', cast.otherLearner, cast.learner, 403);
    await expectStatus(courseId, 'enroll', cast.admin, cast.learner, 403);
    await expectStatus(courseId, 'enroll', cast.courseAdmin, cast.learner, 403);
    await expectStatus(courseId, 'enroll', cast.learner, cast.learner, 200);
  });

  it('a token of another portal sees no such course', async () => {
    const courseId = await courseWith(['admin', 'courseAdmin', 'manager', 'learner']);
    const other = await lectern.otherPortal();
    const response = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${courseId}/enroll?erecnosList=[${cast.learner.erecno}]`,
      headers: lectern.auth(other.token),
    });
    expect(response.statusCode).toBe(404);
    const remove = await lectern.app.inject({
      method: 'DELETE',
      url: `/api/v1/courses/${courseId}/learners/${cast.learner.erecno}`,
      headers: lectern.auth(other.token),
    });
    expect(remove.statusCode).toBe(404);
  });

  it('needs the CREATE scope to enrol and DELETE to remove', async () => {
    const courseId = await courseWith(['admin']);
    const readOnly = await lectern.token(['READ']);
    const response = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${courseId}/enroll?erecnosList=[${cast.learner.erecno}]`,
      headers: lectern.auth(readOnly),
    });
    expect(response.statusCode).toBe(403);
    const create = await lectern.token(['CREATE']);
    const remove = await lectern.app.inject({
      method: 'DELETE',
      url: `/api/v1/courses/${courseId}/learners/${cast.learner.erecno}`,
      headers: lectern.auth(create),
    });
    expect(remove.statusCode).toBe(403);
  });
});

describe('whoCanUnenroll and remove, from each role', () => {
  it('applies whoCanUnenroll per person: learner for themself, manager for reports', async () => {
    const courseId = await courseWith(['admin'], ['learner', 'manager']);
    const all = await send(courseId, 'enroll', cast.admin, [cast.learner, cast.otherLearner, cast.bystander]);
    expect(all.statusCode).toBe(200);
    await expectStatus(courseId, 'unenroll', cast.otherLearner, cast.learner, 403);
    await expectStatus(courseId, 'unenroll', cast.admin, cast.learner, 403);
    await expectStatus(courseId, 'unenroll', cast.courseAdmin, cast.learner, 403);
    await expectStatus(courseId, 'unenroll', cast.manager, cast.bystander, 403);
    const self = await expectStatus(courseId, 'unenroll', cast.learner, cast.learner, 200);
    expect(self.json().learners[0].status).toBe('unenrolled');
    const byManager = await expectStatus(courseId, 'unenroll', cast.manager, cast.otherLearner, 200);
    expect(byManager.json().learners[0].status).toBe('unenrolled');
  });

  it('remove is for course managers: the learner, their manager and others are refused', async () => {
    const courseId = await courseWith(['admin']);
    await send(courseId, 'enroll', cast.admin, [cast.learner, cast.otherLearner]);
    const remove = (by: Person, person: Person) =>
      lectern.app.inject({
        method: 'DELETE',
        url: `/api/v1/courses/${courseId}/learners/${person.erecno}`,
        headers: lectern.auth(by.token),
      });
    expect((await remove(cast.learner, cast.learner)).statusCode).toBe(403);
    expect((await remove(cast.manager, cast.learner)).statusCode).toBe(403);
    expect((await remove(cast.otherLearner, cast.learner)).statusCode).toBe(403);
    expect((await remove(cast.courseAdmin, cast.learner)).statusCode).toBe(200);
    expect((await remove(cast.admin, cast.otherLearner)).statusCode).toBe(200);
  });
});

describe('every whoCanEnroll and whoCanUnenroll value, from every role', () => {
  type Role = 'admin' | 'course admin' | 'manager' | 'the learner' | 'another learner' | 'another portal';
  const roles: Role[] = ['admin', 'course admin', 'manager', 'the learner', 'another learner', 'another portal'];
  /** Who each value lets act on Fatima (the LMS admin owns these courses, and an owner counts as a course admin). */
  const allowed: Record<string, Role[]> = {
    admin: ['admin'],
    courseAdmin: ['admin', 'course admin'],
    manager: ['manager'],
    learner: ['the learner'],
  };
  let otherPortalToken: string;
  beforeAll(async () => {
    otherPortalToken = (await lectern.otherPortal()).token;
  });
  const tokenOf = (role: Role) =>
    ({
      admin: cast.admin.token,
      'course admin': cast.courseAdmin.token,
      manager: cast.manager.token,
      'the learner': cast.learner.token,
      'another learner': cast.otherLearner.token,
      'another portal': otherPortalToken,
    })[role];

  /** Puts Fatima in (or out of) the course directly, so that each call starts from the same state. */
  async function setFatima(courseId: string, enrolled: boolean) {
    const db = lectern.app.lectern.db;
    await db
      .deleteFrom('enrolments')
      .where('course_id', '=', courseId)
      .where('erecno', '=', cast.learner.erecno)
      .execute();
    if (!enrolled) return;
    await db
      .insertInto('enrolments')
      .values({
        portal_id: lectern.portalId,
        course_id: courseId,
        batch_id: null,
        erecno: cast.learner.erecno,
        status: 'enrolled',
        position: 0,
        enrolled_by: cast.admin.erecno,
        created_at: lectern.clock.now(),
      })
      .execute();
  }

  async function seated(courseId: string): Promise<boolean> {
    const row = await lectern.app.lectern.db
      .selectFrom('enrolments')
      .select('erecno')
      .where('course_id', '=', courseId)
      .where('erecno', '=', cast.learner.erecno)
      .executeTakeFirst();
    return row !== undefined;
  }

  it.each(Object.keys(allowed))("'%s'", async (value) => {
    const courseId = await courseWith([value]);
    for (const verb of ['enroll', 'unenroll'] as const) {
      for (const role of roles) {
        await setFatima(courseId, verb === 'unenroll');
        const response = await lectern.app.inject({
          method: 'POST',
          url: `/api/v1/courses/${courseId}/${verb}?erecnosList=[${cast.learner.erecno}]`,
          headers: lectern.auth(tokenOf(role)),
        });
        const expected = role === 'another portal' ? 404 : allowed[value]!.includes(role) ? 200 : 403;
        expect(response.statusCode, `${value}: ${role} ${verb}s Fatima: ${response.body}`).toBe(expected);
        // A refused call changes nothing; an accepted one does what it says.
        expect(await seated(courseId), `${value}: ${role} ${verb}`).toBe(
          expected === 200 ? verb === 'enroll' : verb === 'unenroll',
        );
      }
    }
  });

  it('remove: the course admin and the LMS admin only, whatever the lists say', async () => {
    const courseId = await courseWith(['learner', 'manager'], ['learner', 'manager']);
    for (const role of roles) {
      await setFatima(courseId, true);
      const response = await lectern.app.inject({
        method: 'DELETE',
        url: `/api/v1/courses/${courseId}/learners/${cast.learner.erecno}`,
        headers: lectern.auth(tokenOf(role)),
      });
      const expected = role === 'another portal' ? 404 : ['admin', 'course admin'].includes(role) ? 200 : 403;
      expect(response.statusCode, `${role} removes Fatima: ${response.body}`).toBe(expected);
    }
  });
});
