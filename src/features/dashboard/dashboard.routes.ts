/** Route: GET /lectern/v1/dashboard, the admin console's first page in one read-only call. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/envelope.ts';
import { presentDashboard } from './dashboard.presenter.ts';
import { getDashboardResponse200 } from './dashboard.schemas.ts';
import { loadDashboard } from './dashboard.service.ts';

/** Registers the dashboard (LMS admins; scope READ). */
export function registerDashboardRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/lectern/v1/dashboard',
    {
      config: { scope: 'READ', access: 'admin' },
      schema: {
        operationId: 'getDashboard',
        description:
          "The portal's next 14 days of sessions, published batches still to start with their seats, waitlists, " +
          'learners past their batch end date without completing it, and failed e-mails and webhook deliveries: ' +
          'each list its first 10 items and its total. Takes no parameters.',
        tags: ['lectern'],
        response: { 200: getDashboardResponse200, ...errorResponses },
      },
    },
    async (request) => ({
      code: '200' as const,
      dashboard: presentDashboard(await loadDashboard(context, request.caller)),
      message: 'success' as const,
    }),
  );
}
