/**
 * A world for the admin dashboard (GET /lectern/v1/dashboard), written straight into the tables at a known portal
 * day (2026-06-01): sessions in and out of the next 14 days, a full batch with a waitlist, an ended batch with one
 * learner who completed, one who never did and one whose completion was reopened, and failed deliveries.
 */
import { createBlendedCourse, insertBatch } from './blended.ts';
import { insertModule, insertSession } from './sessions.ts';
import type { TestLectern } from './test-app.ts';

/** The portal's today in the world: noon UTC on 1 June 2026. */
export const dashboardNow = Date.UTC(2026, 5, 1, 12, 0, 0);

/** What the world holds, for the assertions. */
export interface DashboardWorld {
  upcomingBatchId: string;
  endedBatchId: string;
  /** Never completed, and completed then reopened: both overdue. */
  overdue: string[];
  completed: string;
  webhookUrl: string;
}

type Row = Record<string, unknown>;

/** Writes the dashboard's world into the test's portal; the clock stands at `dashboardNow`. */
export async function seedDashboardWorld(lectern: TestLectern): Promise<DashboardWorld> {
  lectern.clock.set(dashboardNow);
  const db = lectern.app.lectern.db;
  const portalId = lectern.portalId;
  const learners = lectern.employees.map((employee) => employee.erecno).filter((e) => e !== lectern.adminErecno);
  const courseId = await createBlendedCourse(lectern);
  const upcomingBatchId = await insertBatch(lectern, courseId, {
    name: 'June batch',
    startDate: '2026-06-03',
    endDate: '2026-06-30',
    publishStatus: 'published',
    maximumCapacity: 2,
    allowWaitlisting: true,
  });
  const moduleId = await insertModule(lectern, courseId, upcomingBatchId);
  const path = { courseId, batchId: upcomingBatchId, moduleId };
  await insertSession(lectern, path, { date: '2026-05-31', name: 'Yesterday' });
  await insertSession(lectern, path, { date: '2026-06-01', name: 'Today', startMinute: 840, endMinute: 900 });
  await insertSession(lectern, path, { date: '2026-06-14', name: 'Day fourteen' });
  await insertSession(lectern, path, { date: '2026-06-15', name: 'Too far' });
  const endedBatchId = await insertBatch(lectern, courseId, {
    name: 'May batch',
    startDate: '2026-05-01',
    endDate: '2026-05-20',
    publishStatus: 'published',
  });
  const now = lectern.clock.now();
  const enrolment = (batchId: string, erecno: string, status: 'enrolled' | 'waitlisted', position = 0): Row => ({
    portal_id: portalId,
    course_id: courseId,
    batch_id: batchId,
    erecno,
    status,
    position,
    enrolled_by: lectern.adminErecno,
    created_at: now,
  });
  if (learners.length < 6) throw new Error('the dashboard world needs six learners');
  const [a, b, c, d, e, f] = learners as [string, string, string, string, string, string];
  await db
    .insertInto('enrolments')
    .values([
      enrolment(upcomingBatchId, a, 'enrolled'),
      enrolment(upcomingBatchId, b, 'enrolled'),
      enrolment(upcomingBatchId, c, 'waitlisted', 1),
      enrolment(upcomingBatchId, d, 'waitlisted', 2),
      enrolment(endedBatchId, d, 'enrolled'),
      enrolment(endedBatchId, e, 'enrolled'),
      enrolment(endedBatchId, f, 'enrolled'),
    ] as never)
    .execute();
  const history = (erecno: string, type: string, at: number): Row => ({
    portal_id: portalId,
    type,
    course_id: courseId,
    batch_id: endedBatchId,
    erecno,
    by_erecno: lectern.adminErecno,
    at,
    subject_kind: 'batch',
    subject_id: endedBatchId,
    subject_entity_type: null,
    before_state: null,
    after_state: null,
  });
  // e completed; f completed, then had it reopened; d never completed.
  for (const row of [
    history(e, 'course.completed.v1', now - 3000),
    history(f, 'course.completed.v1', now - 2000),
    history(f, 'course.reopened.v1', now - 1000),
  ]) {
    await db
      .insertInto('learner_history')
      .values(row as never)
      .execute();
  }
  const webhookUrl = 'https://hooks.example.com/lms';
  const webhookId = lectern.app.lectern.ids.next();
  await db
    .insertInto('webhooks')
    .values({
      id: webhookId,
      portal_id: portalId,
      url: webhookUrl,
      events: '["*"]',
      secret: 'a-secret-of-sixteen-characters',
      active: 1,
      created_by: lectern.adminErecno,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const queue = (status: 'failed' | 'sent') => ({
    status,
    attempts: 5,
    next_attempt_at: now,
    claimed_until: null,
    last_error: status === 'failed' ? 'HTTP 500' : null,
    created_at: now,
    sent_at: null,
  });
  for (const status of ['failed', 'sent'] as const) {
    await db
      .insertInto('webhook_deliveries')
      .values({
        id: lectern.app.lectern.ids.next(),
        portal_id: portalId,
        webhook_id: webhookId,
        event_id: lectern.app.lectern.ids.next(),
        event_type: 'learner.enrolled.v1',
        payload: '{}',
        ...queue(status),
      })
      .execute();
    await db
      .insertInto('notifications')
      .values({
        id: lectern.app.lectern.ids.next(),
        portal_id: portalId,
        erecno: a,
        email: 'learner@example.com',
        reason: 'learner',
        event_type: 'learner.enrolled.v1',
        course_id: courseId,
        batch_id: upcomingBatchId,
        subject_kind: 'batch',
        subject_id: upcomingBatchId,
        payload: '{}',
        ...queue(status),
      })
      .execute();
  }
  return { upcomingBatchId, endedBatchId, overdue: [d, f], completed: e, webhookUrl };
}
