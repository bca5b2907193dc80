/**
 * A whole blended course through the HTTP API only, as an integration would drive it: create the course, its batch,
 * a module with a link, an offline test and a session; publish; enrol 25 people into 20 seats with a waitlist;
 * unenrol 2 (the first two waiting are promoted); mark attendance; record marks; learners complete the link; then
 * read progress per learner and per course, the batch's counts, the history and the outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonType } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

type Body = Record<string, any>;

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, token = lectern.adminToken) {
  const response = await lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(token), ...(body === undefined ? {} : jsonType) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(200);
  return response.json() as Body;
}

const data = (name: string, value: unknown) => `${name}=${encodeURIComponent(JSON.stringify(value))}`;

describe('a blended course from creation to progress', () => {
  it('walks the whole way through the API', async () => {
    const admin = lectern.adminToken;
    const byName = (name: string) => lectern.employees.find((person) => person.display_name === name)!.erecno;

    // 1. The course (Julia Moreau administers it), completing when every mandatory entity is done.
    const course = await call(
      'POST',
      `/api/v1/courses?${data('courseData', { name: 'Forklift safety', type: 2, courseAdmins: [byName('Julia Moreau')] })}`,
    );
    const courseId = course.course.courseId as string;
    await call('PATCH', `/api/v1/courses/${courseId}`, {
      permissionSettings: {
        whenAnEntityIsConsideredAsCompleted: 1,
        whenAModuleIsConsideredAsCompleted: 2,
        whenACourseIsConsideredAsCompleted: 2,
      },
    });

    // 2. A batch of 20 seats with a waitlist, a module, a mandatory link, an offline test and a session.
    const batchData = {
      name: 'February run',
      startDate: '01-02-2026',
      endDate: '28-02-2026',
      minimumCapacity: 1,
      maximumCapacity: 20,
      allowWaitlisting: true,
    };
    const batchId = (await call('POST', `/api/v1/courses/${courseId}/batches?${data('batchData', batchData)}`)).batch
      .batchId as string;
    const batchUrl = `/api/v1/courses/${courseId}/batches/${batchId}`;
    const moduleId = (await call('POST', `${batchUrl}/modules?${data('moduleData', { name: 'Week one' })}`)).module
      .moduleId as string;
    const moduleUrl = `${batchUrl}/modules/${moduleId}`;
    const linkData = { name: 'Safety rules', embedURL: 'https://example.org/rules', isMandatory: true };
    const linkId = (await call('POST', `${moduleUrl}/links?${data('linkData', linkData)}`)).link.linkId as string;
    const testData = { name: 'Written check', marks: 50, duration: 30, isMandatory: true };
    const testId = (await call('POST', `${moduleUrl}/offlineTests?${data('offlineTestData', testData)}`)).offlineTest
      .offlineTestId as string;
    const sessionData = {
      name: 'Yard practice',
      trainerErecno: byName('Chen Wei'),
      type: '0',
      date: '10-02-2026',
      startTime: '10:00 AM',
      endTime: '12:00 PM',
      roomId: '',
    };
    const sessionId = (await call('POST', `${moduleUrl}/sessions`, sessionData)).session.sessionId as string;

    // 3. Publish the batch, telling the people concerned.
    await call('POST', `${batchUrl}/publish?notifyApplicableUsers=True`);

    // 4. Twenty-five people: the demo's active non-admins, and new employees for the rest.
    const demo = lectern.employees.filter((person) => person.status === 'active' && person.is_admin === 0);
    const newcomers = Array.from({ length: 25 - demo.length }, (_, index) => ({
      displayName: `Newcomer ${index + 1}`,
      emailId: `newcomer${index + 1}@example.com`,
    }));
    const added = (await call('POST', '/lectern/v1/employees', { employees: newcomers })).employees as Body[];
    const people = [...demo.map((person) => person.erecno), ...added.map((person) => person.erecno as string)];
    expect(people).toHaveLength(25);

    // 5. Enrol all 25 in one call: 20 seats, then 5 on the waitlist in the order sent.
    const enrolled = await call('POST', `${batchUrl}/enroll?erecnosList=[${people.join(',')}]`);
    const statuses = enrolled.learners.map((learner: Body) => learner.status);
    expect(statuses).toEqual([...Array(20).fill('enrolled'), ...Array(5).fill('waitlisted')]);
    let batch = (await call('GET', batchUrl)).batch;
    expect(batch).toMatchObject({ learnersCount: 20, waitlistedCount: 5 });

    // 6. Two leave; the first two waiting take their seats.
    const leaving = people.slice(0, 2);
    await call('POST', `${batchUrl}/unenroll?erecnosList=[${leaving.join(',')}]`);
    batch = (await call('GET', batchUrl)).batch;
    expect(batch).toMatchObject({ learnersCount: 20, waitlistedCount: 3 });
    const seated = [...people.slice(2, 20), people[20]!, people[21]!];

    // 7. Attendance: everyone present but the last two seated.
    for (const [index, learner] of seated.entries()) {
      const status = index < 18 ? 'Present' : 'Absent';
      await call('POST', `${moduleUrl}/sessions/${sessionId}/markAttendance?learnerErecno=${learner}&status=${status}`);
    }
    const session = (await call('GET', `${moduleUrl}/sessions/${sessionId}`)).session;
    expect(session).toMatchObject({ totalLearnersCount: 20, presentLeanersCount: 18 });
    // A waitlisted person is no learner of the batch: no attendance for them.
    const waiting = people[22]!;
    const refused = await lectern.app.inject({
      method: 'POST',
      url: `${moduleUrl}/sessions/${sessionId}/markAttendance?learnerErecno=${waiting}&status=Present`,
      headers: lectern.auth(admin),
    });
    expect(refused.statusCode, refused.body).toBe(400);

    // 8. Marks for every seated learner, in one list.
    const marksList = seated.map((learner) => ({ learnerErecno: learner, marks: 40 }));
    await call('POST', `${moduleUrl}/offlineTests/${testId}/updateMarks?${data('marksList', marksList)}`);

    // 9. The first 15 seated learners mark the link complete with their own tokens.
    for (const learner of seated.slice(0, 15)) {
      const token = await lectern.token(['CREATE', 'READ'], learner);
      await call(
        'POST',
        `${moduleUrl.replace('/api/v1/', '/lectern/v1/')}/links/${linkId}/markAsComplete`,
        undefined,
        token,
      );
    }

    // 10. Progress per learner: link, test and session done -> the course is complete.
    const done = await call('GET', `${batchUrl}/learners/${seated[0]}/course-progress`);
    expect(done.courseProgress).toMatchObject({
      completedCount: 3,
      totalCount: 3,
      percentageOfProgress: 100,
      progressAsDisplayString: '3 of 3 Completed',
      hasUserCompleted: true,
    });
    // Present but no link: 2 of 3.
    const partial = await call('GET', `${batchUrl}/learners/${seated[16]}/course-progress`);
    expect(partial.courseProgress).toMatchObject({ completedCount: 2, totalCount: 3, hasUserCompleted: false });
    // Absent and no link: the test only.
    const absent = await call('GET', `${batchUrl}/learners/${seated[19]}/course-progress`);
    expect(absent.courseProgress).toMatchObject({ completedCount: 1, percentageOfProgress: 33 });
    // The learner's own view of the course says the same.
    const ownToken = await lectern.token(['READ'], seated[0]);
    const ownCourse = (await call('GET', `/api/v1/courses/${courseId}`, undefined, ownToken)).course;
    expect(ownCourse).toMatchObject({ hasUserCompleted: true, progressAsDisplayString: '3 of 3 Completed' });

    // 11. Progress per course: 20 learners, 15 of them complete.
    const all = await call('GET', `${batchUrl}/course-progress`);
    expect(all.courseProgress).toHaveLength(20);
    const complete = all.courseProgress.filter((entry: Body) => entry.hasUserCompleted);
    expect(complete).toHaveLength(15);

    // 12. History of a promoted learner: waitlisted, then promoted, then attendance, marks, completions.
    const history = await call('GET', `/lectern/v1/learners/${people[20]}/history`);
    const types = history.history.map((entry: Body) => entry.type);
    expect(types).toEqual(
      expect.arrayContaining(['learner.waitlisted.v1', 'learner.promoted.v1', 'attendance.marked.v1']),
    );

    // 13. The outbox holds a notification for the publish and the enrolments.
    const outbox = await call('GET', '/lectern/v1/notifications');
    expect(outbox.notifications.length).toBeGreaterThan(0);
  });
});
