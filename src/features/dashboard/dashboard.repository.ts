/**
 * The admin dashboard's queries: each list is one query, bounded by `limit`, carrying its full count in a window
 * column (`count(*) over ()`), so the dashboard is a fixed six queries whatever the portal holds.
 */
import { sql } from 'kysely';
import type { IsoDate } from '../../dates.ts';
import type { Db } from '../../db/database.ts';

/** A window count: PostgreSQL answers bigint as text, SQLite as a number. */
const total = sql<number | string>`count(*) over ()`.as('total');

/** The portal's sessions on days `from` (inclusive) to `until` (exclusive), soonest first, in batches still running. */
export function findUpcomingSessions(db: Db, portalId: string, from: IsoDate, until: IsoDate, limit: number) {
  return db
    .selectFrom('class_sessions as s')
    .innerJoin('batches as b', 'b.id', 's.batch_id')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .leftJoin('employees as t', (join) =>
      join.onRef('t.portal_id', '=', 's.portal_id').onRef('t.erecno', '=', 's.trainer_erecno'),
    )
    .innerJoin('portals as p', 'p.id', 's.portal_id')
    .leftJoin('rooms as r', 'r.id', 's.room_id')
    .leftJoin('locations as l', 'l.id', 'r.location_id')
    .select([
      'p.time_zone as portal_time_zone',
      'l.time_zone as location_time_zone',
      's.id',
      's.name',
      's.date',
      's.start_minute',
      's.end_minute',
      's.trainer_erecno',
      't.display_name as trainer_name',
      'c.id as course_id',
      'c.name as course_name',
      'b.id as batch_id',
      'b.name as batch_name',
      total,
    ])
    .where('s.portal_id', '=', portalId)
    .where('s.date', '>=', from)
    .where('s.date', '<', until)
    .where('b.publish_status', 'in', ['unpublished', 'published'])
    .orderBy('s.date')
    .orderBy('s.start_minute')
    .orderBy('s.id')
    .limit(limit)
    .execute();
}

/** Published batches starting on `from` or later, soonest first, with their seats taken and places waiting. */
export function findUpcomingBatches(db: Db, portalId: string, from: IsoDate, limit: number) {
  return db
    .selectFrom('batches as b')
    .innerJoin('courses as c', 'c.id', 'b.course_id')
    .select((eb) => {
      const count = (status: 'enrolled' | 'waitlisted', alias: 'enrolled' | 'waitlisted') =>
        eb
          .selectFrom('enrolments as e')
          .select(sql<number | string>`count(*)`.as('n'))
          .whereRef('e.batch_id', '=', 'b.id')
          .where('e.status', '=', status)
          .as(alias);
      return [
        'b.id',
        'b.name',
        'b.start_date',
        'b.end_date',
        'b.minimum_capacity',
        'b.maximum_capacity',
        'c.id as course_id',
        'c.name as course_name',
        count('enrolled', 'enrolled'),
        count('waitlisted', 'waitlisted'),
        total,
      ];
    })
    .where('b.portal_id', '=', portalId)
    .where('b.start_date', '>=', from)
    .where('b.publish_status', '=', 'published')
    .orderBy('b.start_date')
    .orderBy('b.id')
    .limit(limit)
    .execute();
}

/** Batches with learners waiting, longest waitlist first; `total` counts such batches, `waiting_total` the learners. */
export function findWaitlists(db: Db, portalId: string, limit: number) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('batches as b', 'b.id', 'e.batch_id')
    .innerJoin('courses as c', 'c.id', 'e.course_id')
    .select([
      'b.id',
      'b.name',
      'b.start_date',
      'b.maximum_capacity',
      'c.id as course_id',
      'c.name as course_name',
      sql<number | string>`count(*)`.as('waiting'),
      total,
      sql<number | string>`sum(count(*)) over ()`.as('waiting_total'),
    ])
    .where('e.portal_id', '=', portalId)
    .where('e.status', '=', 'waitlisted')
    .groupBy(['b.id', 'b.name', 'b.start_date', 'b.maximum_capacity', 'c.id', 'c.name'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('b.start_date')
    .orderBy('b.id')
    .limit(limit)
    .execute();
}

/**
 * Learners still enrolled in a batch that ended before `today` without completing it: no course.completed.v1 in
 * their history for the batch, or a course.reopened.v1 after the last one. Courses completed "by date" (rule 4)
 * complete when the batch ends, so they are never overdue.
 */
export function findOverdueLearners(db: Db, portalId: string, today: IsoDate, limit: number) {
  return (
    db
      .selectFrom('enrolments as e')
      .innerJoin('batches as b', 'b.id', 'e.batch_id')
      .innerJoin('courses as c', 'c.id', 'e.course_id')
      .leftJoin('employees as p', (join) =>
        join.onRef('p.portal_id', '=', 'e.portal_id').onRef('p.erecno', '=', 'e.erecno'),
      )
      .select([
        'e.erecno',
        'p.display_name',
        'c.id as course_id',
        'c.name as course_name',
        'b.id as batch_id',
        'b.name as batch_name',
        'b.end_date',
        total,
      ])
      .where('e.portal_id', '=', portalId)
      .where('e.status', '=', 'enrolled')
      .where('b.end_date', '<', today)
      .where('b.publish_status', 'in', ['published', 'completed'])
      // The settings are stored as JSON.stringify writes them (no spaces), so the rule reads as this exact text.
      .where('c.permission_settings', 'not like', '%"whenACourseIsConsideredAsCompleted":4%')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('learner_history as h')
              .select('h.id')
              .whereRef('h.portal_id', '=', 'e.portal_id')
              .whereRef('h.erecno', '=', 'e.erecno')
              .whereRef('h.batch_id', '=', 'e.batch_id')
              .where('h.type', '=', 'course.completed.v1')
              .where(({ not: none, exists: any, selectFrom: from }) =>
                none(
                  any(
                    from('learner_history as r')
                      .select('r.id')
                      .whereRef('r.portal_id', '=', 'h.portal_id')
                      .whereRef('r.erecno', '=', 'h.erecno')
                      .whereRef('r.batch_id', '=', 'h.batch_id')
                      .where('r.type', '=', 'course.reopened.v1')
                      .whereRef('r.id', '>', 'h.id'),
                  ),
                ),
              ),
          ),
        ),
      )
      .orderBy('b.end_date')
      .orderBy('b.id')
      .orderBy('e.erecno')
      .limit(limit)
      .execute()
  );
}

/** The portal's e-mails that failed for good, newest first. */
export function findFailedEmails(db: Db, portalId: string, limit: number) {
  return db
    .selectFrom('notifications')
    .select(['id', 'event_type', 'email', 'attempts', 'last_error', 'created_at', total])
    .where('portal_id', '=', portalId)
    .where('status', '=', 'failed')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The portal's webhook deliveries that failed for good, newest first, with the webhook's URL. */
export function findFailedWebhookDeliveries(db: Db, portalId: string, limit: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select([
      'd.id',
      'd.event_type',
      'w.id as webhook_id',
      'w.url',
      'd.attempts',
      'd.last_error',
      'd.created_at',
      total,
    ])
    .where('d.portal_id', '=', portalId)
    .where('d.status', '=', 'failed')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}
