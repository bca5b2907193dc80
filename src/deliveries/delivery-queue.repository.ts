/**
 * Claiming and settling queued deliveries, for e-mails (`notifications`) and webhook deliveries alike (both tables
 * share the queue columns). A claim is its own committed transaction: the row becomes `sending` with a lease
 * (claimed_until) before anything is sent, so a crash mid-send leaves a row that is claimed again once the lease
 * has passed, and a row already `sent` is never claimed again.
 */

import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { forUpdateSkipLocked } from '../db/dialect.ts';
import type { DeliveryAttemptTable } from '../db/tables/notifications.ts';

/** The two queues. */
export type QueueTable = 'notifications' | 'webhook_deliveries';

/** How long a claim holds a row. A run stops sending a claimed batch half-way through the lease (see releaseClaims). */
export const claimLeaseMs = 600_000;
/** Real time a run may spend on one claimed batch before it hands the rest back (well inside the lease). */
export const claimWorkMs = claimLeaseMs / 2;
/** The first retry waits this long; each later one twice as long as the one before, up to backOffCapMs. */
export const backOffBaseMs = 30_000;
/** The longest wait between two attempts. */
export const backOffCapMs = 3_600_000;
/** Rows one run claims from a queue at most; the rest wait for the next run. */
export const claimBatchSize = 50;

/** When the retry after the given number of failed attempts is due. */
export function nextAttemptAfter(now: number, failedAttempts: number): number {
  return now + Math.min(backOffCapMs, backOffBaseMs * 2 ** Math.max(0, failedAttempts - 1));
}

/** A claimed row: its id, portal and the attempt number this claim is. */
export interface Claim {
  id: string;
  portalId: string;
  attempt: number;
  claimedUntil: number;
}

/**
 * Claims due rows (pending and due, or `sending` with a lapsed lease) in one committed transaction. On PostgreSQL
 * the candidates are locked with FOR UPDATE SKIP LOCKED, so two processes never claim the same row; SQLite has one
 * writer at a time.
 */
export async function claimDue(context: AppContext, table: QueueTable, limit = claimBatchSize): Promise<Claim[]> {
  const now = context.clock.server.now();
  return context.db.transaction().execute(async (trx) => {
    // Both tables have the queue columns; Kysely is told one of them so that the column names type-check.
    let query = trx
      .selectFrom(table as 'notifications')
      .select(['id', 'portal_id', 'attempts'])
      .where((where) =>
        where.or([
          where.and([where('status', '=', 'pending'), where('next_attempt_at', '<=', now)]),
          where.and([where('status', '=', 'sending'), where('claimed_until', '<=', now)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit);
    query = forUpdateSkipLocked(query, context.dialect);
    const rows = await query.execute();
    if (rows.length === 0) return [];
    const claimedUntil = now + claimLeaseMs;
    await trx
      .updateTable(table as 'notifications')
      .set((set) => ({ status: 'sending', claimed_until: claimedUntil, attempts: set('attempts', '+', 1) }))
      .where(
        'id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    return rows.map((row) => ({ id: row.id, portalId: row.portal_id, attempt: row.attempts + 1, claimedUntil }));
  });
}

/** How one attempt ended. */
export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** A failure no retry can mend (a refused address): the row is marked failed at once. */
  final?: boolean;
}

/**
 * Records an attempt in the log and settles the row: `sent`, back to `pending` with a back-off, or `failed` after
 * the last attempt. Only while this claim still holds the row: a run whose lease lapsed (and whose row another run
 * claimed) changes nothing but the log.
 */
export async function settleClaim(
  context: AppContext,
  table: QueueTable,
  claim: Claim,
  outcome: AttemptOutcome,
): Promise<void> {
  const now = context.clock.server.now();
  const kind = table === 'notifications' ? 'email' : 'webhook';
  await context.db.transaction().execute(async (trx) => {
    await logAttempt(trx, context, { kind, claim, outcome, now });
    const lastAttempt = claim.attempt >= context.config.deliveryMaxAttempts;
    const update = outcome.ok
      ? { status: 'sent' as const, sent_at: now, claimed_until: null, last_error: null }
      : lastAttempt || outcome.final === true
        ? { status: 'failed' as const, claimed_until: null, last_error: outcome.error }
        : {
            status: 'pending' as const,
            claimed_until: null,
            last_error: outcome.error,
            next_attempt_at: nextAttemptAfter(now, claim.attempt),
          };
    await trx
      .updateTable(table as 'notifications')
      .set(update)
      .where('id', '=', claim.id)
      .where('status', '=', 'sending')
      .where('claimed_until', '=', claim.claimedUntil)
      .execute();
  });
}

/**
 * Hands claimed rows back unsent (a slow receiver used up the time the run may spend on its batch): pending again and
 * due at once, and the claim is not counted as an attempt. Only rows this claim still holds.
 */
export async function releaseClaims(context: AppContext, table: QueueTable, claims: readonly Claim[]) {
  // The claims of one claimDue share their lease, so this is one statement per batch handed back.
  const byLease = new Map<number, string[]>();
  for (const claim of claims) byLease.set(claim.claimedUntil, [...(byLease.get(claim.claimedUntil) ?? []), claim.id]);
  for (const [claimedUntil, ids] of byLease) {
    await context.db
      .updateTable(table as 'notifications')
      .set((set) => ({ status: 'pending', claimed_until: null, attempts: set('attempts', '-', 1) }))
      .where('id', 'in', ids)
      .where('status', '=', 'sending')
      .where('claimed_until', '=', claimedUntil)
      .execute();
  }
}

/** Marks claimed rows that can never be sent (no SMTP settings), with the reason. */
export async function skipClaims(context: AppContext, table: QueueTable, claims: readonly Claim[], reason: string) {
  if (claims.length === 0) return;
  await context.db
    .updateTable(table as 'notifications')
    .set({ status: 'skipped', claimed_until: null, last_error: reason })
    .where(
      'id',
      'in',
      claims.map((claim) => claim.id),
    )
    .where('status', '=', 'sending')
    .execute();
}

async function logAttempt(
  db: Db,
  context: AppContext,
  entry: { kind: 'email' | 'webhook'; claim: Claim; outcome: AttemptOutcome; now: number },
): Promise<void> {
  const row: DeliveryAttemptTable = {
    id: context.ids.next(),
    portal_id: entry.claim.portalId,
    kind: entry.kind,
    delivery_id: entry.claim.id,
    attempt: entry.claim.attempt,
    at: entry.now,
    outcome: entry.outcome.ok ? 'sent' : 'failed',
    status_code: entry.outcome.statusCode,
    error: entry.outcome.error === null ? null : entry.outcome.error.slice(0, 2000),
    duration_ms: Math.max(0, Math.round(entry.outcome.durationMs)),
  };
  await db.insertInto('delivery_attempts').values(row).execute();
}

/** The log of the given deliveries, oldest attempt first. */
export async function findAttempts(db: Db, deliveryIds: readonly string[]) {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom('delivery_attempts')
    .selectAll()
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('delivery_id')
    .orderBy('attempt')
    .orderBy('at')
    .execute();
}

/** Rows of a queue table per status (pending, sending, sent, failed, skipped), for the metrics. */
export async function countByStatus(db: Db, table: QueueTable): Promise<{ status: string; count: number }[]> {
  const rows = await db
    .selectFrom(table as 'notifications')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
    .groupBy('status')
    .execute();
  return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
}
