/** The admin dashboard: the portal's next sessions, batches' seats, waitlists, overdue learners, failed deliveries. */
import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { addDays, dateInZone, type IsoDate } from '../../dates.ts';
import { forbidden } from '../../errors.ts';
import { portalTimeZone } from '../people/index.ts';
import * as repository from './dashboard.repository.ts';
import { dashboardListLimit, upcomingSessionDays } from './dashboard.schemas.ts';

/** The rows the dashboard is made of, each list with its total. */
export interface DashboardRows {
  today: IsoDate;
  sessions: Awaited<ReturnType<typeof repository.findUpcomingSessions>>;
  batches: Awaited<ReturnType<typeof repository.findUpcomingBatches>>;
  waitlists: Awaited<ReturnType<typeof repository.findWaitlists>>;
  overdue: Awaited<ReturnType<typeof repository.findOverdueLearners>>;
  emails: Awaited<ReturnType<typeof repository.findFailedEmails>>;
  webhookDeliveries: Awaited<ReturnType<typeof repository.findFailedWebhookDeliveries>>;
}

/** Reads the dashboard of the caller's portal: LMS admins only; seven queries whatever the portal holds. */
export async function loadDashboard(context: AppContext, caller: Caller): Promise<DashboardRows> {
  // The route already asks for an admin; this keeps the rule true for any other caller of the service.
  if (!caller.isAdmin && !caller.isOperator) throw forbidden('the dashboard is for LMS admins');
  const portalId = caller.portalId;
  const limit = dashboardListLimit;
  // One connection for the whole read: on PostgreSQL seven pooled connections at once would starve other requests.
  return context.db.connection().execute(async (db) => {
    const today = dateInZone(context.clock.now(), await portalTimeZone(db, portalId));
    const [sessions, batches, waitlists, overdue, emails, webhookDeliveries] = await Promise.all([
      repository.findUpcomingSessions(db, portalId, today, addDays(today, upcomingSessionDays), limit),
      repository.findUpcomingBatches(db, portalId, today, limit),
      repository.findWaitlists(db, portalId, limit),
      repository.findOverdueLearners(db, portalId, today, limit),
      repository.findFailedEmails(db, portalId, limit),
      repository.findFailedWebhookDeliveries(db, portalId, limit),
    ]);
    return { today, sessions, batches, waitlists, overdue, emails, webhookDeliveries };
  });
}
