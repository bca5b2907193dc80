/**
 * GET /lectern/v1/dashboard: the portal's next 14 days of sessions, the seats of batches still to start, waitlists,
 * overdue learners and failed deliveries, each bounded to 10 with a total; admins of the portal only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardWorld, seedDashboardWorld } from './helpers/dashboard.ts';
import { insertModule, insertSession } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let world: DashboardWorld;
beforeAll(async () => {
  lectern = await createTestLectern();
  world = await seedDashboardWorld(lectern);
});
afterAll(() => lectern.close());

const getDashboard = (token: string, url = '/lectern/v1/dashboard') =>
  lectern.app.inject({ url, headers: lectern.auth(token) });

describe('GET /lectern/v1/dashboard', () => {
  it("answers the admin the portal's numbers, each list with its total", async () => {
    const response = await getDashboard(lectern.adminToken);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['code', 'dashboard', 'message']);
    const { dashboard } = body;
    expect(dashboard.today).toBe('2026-06-01');
    // Today's and day fourteen's sessions; not yesterday's, not the fifteenth's.
    expect(dashboard.upcomingSessions.total).toBe(2);
    expect(dashboard.upcomingSessions.items.map((s: { name: string }) => s.name)).toEqual(['Today', 'Day fourteen']);
    expect(dashboard.upcomingSessions.items[0]).toMatchObject({
      date: '2026-06-01',
      startTime: '02:00 PM',
      endTime: '03:00 PM',
      // No room: the portal's zone.
      timeZone: 'UTC',
      batchName: 'June batch',
      trainerName: 'Adam Fischer',
    });
    expect(dashboard.upcomingBatches).toEqual({
      total: 1,
      items: [
        expect.objectContaining({
          batchId: world.upcomingBatchId,
          name: 'June batch',
          startDate: '2026-06-03',
          maximumCapacity: 2,
          enrolled: 2,
          waitlisted: 2,
        }),
      ],
    });
    expect(dashboard.waitlists.total).toBe(1);
    expect(dashboard.waitlists.learners).toBe(2);
    expect(dashboard.waitlists.items[0]).toMatchObject({ batchId: world.upcomingBatchId, waiting: 2 });
    expect(dashboard.overdueLearners.total).toBe(2);
    expect(dashboard.overdueLearners.items.map((o: { erecno: string }) => o.erecno).sort()).toEqual(
      [...world.overdue].sort(),
    );
    expect(dashboard.overdueLearners.items[0]).toMatchObject({ batchId: world.endedBatchId, endDate: '2026-05-20' });
    expect(dashboard.failedEmails.total).toBe(1);
    expect(dashboard.failedEmails.items[0]).toMatchObject({ kind: 'email', to: 'learner@example.com', attempts: 5 });
    expect(dashboard.failedWebhookDeliveries.total).toBe(1);
    expect(dashboard.failedWebhookDeliveries.items[0]).toMatchObject({
      kind: 'webhook',
      to: world.webhookUrl,
      lastError: 'HTTP 500',
    });
  });

  it('bounds each list to 10 items and counts them all in total', async () => {
    const batch = (await getDashboard(lectern.adminToken)).json().dashboard.upcomingBatches.items[0];
    const moduleId = await insertModule(lectern, batch.courseId, batch.batchId);
    for (let day = 2; day <= 13; day++) {
      const date = `2026-06-${String(day).padStart(2, '0')}`;
      await insertSession(lectern, { courseId: batch.courseId, batchId: batch.batchId, moduleId }, { date });
    }
    const sessions = (await getDashboard(lectern.adminToken)).json().dashboard.upcomingSessions;
    expect(sessions.total).toBe(14);
    expect(sessions.items).toHaveLength(10);
    expect(sessions.items.map((s: { date: string }) => s.date)).toEqual(
      [...sessions.items.map((s: { date: string }) => s.date)].sort(),
    );
  });

  it('follows the portal clock: once the June batch has ended its learners are overdue', async () => {
    lectern.clock.set(Date.UTC(2026, 6, 2, 12));
    try {
      const dashboard = (await getDashboard(lectern.adminToken)).json().dashboard;
      expect(dashboard.today).toBe('2026-07-02');
      expect(dashboard.upcomingSessions.total).toBe(0);
      expect(dashboard.upcomingBatches.total).toBe(0);
      expect(dashboard.overdueLearners.total).toBe(4);
    } finally {
      lectern.clock.set(Date.UTC(2026, 5, 1, 12));
    }
  });

  it('refuses a learner, a token without READ, and no token', async () => {
    const learner = lectern.employees.find((employee) => employee.erecno !== lectern.adminErecno)!.erecno;
    const asLearner = await getDashboard(await lectern.token(['ALL'], learner));
    expect(asLearner.statusCode).toBe(403);
    expect(asLearner.json().code).toBeDefined();
    expect((await getDashboard(await lectern.token(['CREATE']))).statusCode).toBe(403);
    expect((await lectern.app.inject({ url: '/lectern/v1/dashboard' })).statusCode).toBe(401);
    expect((await getDashboard(await lectern.token(['READ']))).statusCode).toBe(200);
  });

  it("shows another portal's admin only their own portal", async () => {
    const other = await lectern.otherPortal();
    const dashboard = (await getDashboard(other.token)).json().dashboard;
    expect(dashboard.upcomingSessions.total).toBe(0);
    expect(dashboard.upcomingBatches.total).toBe(0);
    expect(dashboard.overdueLearners.total).toBe(0);
    expect(dashboard.failedEmails.total).toBe(0);
    expect(dashboard.failedWebhookDeliveries.total).toBe(0);
  });
});
