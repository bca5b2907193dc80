/** The dashboard's rows as the API shows them (ids as text, counts as numbers, times as 10:00 AM). */
import type { Static } from '@sinclair/typebox';
import { twelveHourText } from '../../dates.ts';
import { sessionTimeZone } from '../sessions/index.ts';
import type { DashboardSchema } from './dashboard.schemas.ts';
import type { DashboardRows } from './dashboard.service.ts';

type Dashboard = Static<typeof DashboardSchema>;

/** PostgreSQL answers counts (bigint) as text. */
const count = (value: number | string | null | undefined): number => Number(value ?? 0);

/** The total of a list read with a window count: the first row's, or 0 for none. */
const totalOf = (rows: readonly { total: number | string }[]): number => count(rows[0]?.total);

/** The dashboard of one portal. */
export function presentDashboard(rows: DashboardRows): Dashboard {
  return {
    today: rows.today,
    upcomingSessions: {
      total: totalOf(rows.sessions),
      items: rows.sessions.map((row) => ({
        sessionId: row.id,
        name: row.name,
        date: row.date,
        startTime: twelveHourText(row.start_minute),
        endTime: twelveHourText(row.end_minute),
        timeZone: sessionTimeZone(row.location_time_zone, row.portal_time_zone),
        trainerErecno: row.trainer_erecno,
        trainerName: row.trainer_name ?? '',
        courseId: row.course_id,
        courseName: row.course_name,
        batchId: row.batch_id,
        batchName: row.batch_name,
      })),
    },
    upcomingBatches: {
      total: totalOf(rows.batches),
      items: rows.batches.map((row) => ({
        batchId: row.id,
        name: row.name,
        courseId: row.course_id,
        courseName: row.course_name,
        startDate: row.start_date,
        endDate: row.end_date,
        minimumCapacity: row.minimum_capacity,
        maximumCapacity: row.maximum_capacity,
        enrolled: count(row.enrolled),
        waitlisted: count(row.waitlisted),
      })),
    },
    waitlists: {
      total: totalOf(rows.waitlists),
      learners: count(rows.waitlists[0]?.waiting_total),
      items: rows.waitlists.map((row) => ({
        batchId: row.id,
        name: row.name,
        courseId: row.course_id,
        courseName: row.course_name,
        startDate: row.start_date,
        maximumCapacity: row.maximum_capacity,
        waiting: count(row.waiting),
      })),
    },
    overdueLearners: {
      total: totalOf(rows.overdue),
      items: rows.overdue.map((row) => ({
        erecno: row.erecno,
        name: row.display_name ?? row.erecno,
        courseId: row.course_id,
        courseName: row.course_name,
        batchId: row.batch_id,
        batchName: row.batch_name,
        endDate: row.end_date,
      })),
    },
    failedEmails: {
      total: totalOf(rows.emails),
      items: rows.emails.map((row) => ({
        kind: 'email' as const,
        id: row.id,
        type: row.event_type,
        to: row.email,
        webhookId: null,
        attempts: row.attempts,
        lastError: row.last_error,
        createdAt: Number(row.created_at),
      })),
    },
    failedWebhookDeliveries: {
      total: totalOf(rows.webhookDeliveries),
      items: rows.webhookDeliveries.map((row) => ({
        kind: 'webhook' as const,
        id: row.id,
        type: row.event_type,
        to: row.url,
        webhookId: row.webhook_id,
        attempts: row.attempts,
        lastError: row.last_error,
        createdAt: Number(row.created_at),
      })),
    },
  };
}
