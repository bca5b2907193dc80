/**
 * The loop e-mail and webhook deliveries share: claim due rows a batch at a time, attempt each claim within the time a
 * batch may take, settle it, and hand back what the time did not cover before the claims' lease could lapse.
 */
import { performance } from 'node:perf_hooks';
import type { AppContext } from '../context.ts';
import {
  type AttemptOutcome,
  type Claim,
  claimBatchSize,
  claimDue,
  claimWorkMs,
  type QueueTable,
  releaseClaims,
  settleClaim,
  skipClaims,
} from './delivery-queue.repository.ts';

/** What one run did. */
export interface DeliveryRunCounts {
  sent: number;
  failed: number;
  skipped: number;
}

/**
 * How a claimed batch is worked through: every claim skipped for one reason, or each claim attempted in turn
 * (`attempt` answers `skip` for a claim there is nothing to send for, which is skipped with `skipReason`).
 */
export type ClaimBatchWork =
  | { skipAll: string }
  | { attempt(claim: Claim): Promise<AttemptOutcome | 'skip'>; skipReason: string };

/** Claim batches one run takes at most (of claimBatchSize rows each), so that one run cannot go on for ever. */
const maxRoundsPerRun = 20;

/**
 * Claims due rows of a queue and works through them, a batch at a time while full batches come back (a full batch
 * means more may be due). `prepare` loads what one batch needs, in a fixed number of queries, and says how to work it.
 */
export async function runClaimRounds(
  context: AppContext,
  table: QueueTable,
  prepare: (claims: Claim[]) => Promise<ClaimBatchWork>,
): Promise<DeliveryRunCounts> {
  const counts: DeliveryRunCounts = { sent: 0, failed: 0, skipped: 0 };
  for (let round = 0; round < maxRoundsPerRun; round += 1) {
    const claims = await claimDue(context, table);
    if (claims.length === 0) break;
    await workClaims(context, table, claims, await prepare(claims), counts);
    if (claims.length < claimBatchSize) break;
  }
  return counts;
}

/** One attempt and one commit per claim, until the batch's time runs out. */
async function workClaims(
  context: AppContext,
  table: QueueTable,
  claims: Claim[],
  work: ClaimBatchWork,
  counts: DeliveryRunCounts,
): Promise<void> {
  if ('skipAll' in work) {
    await skipClaims(context, table, claims, work.skipAll);
    counts.skipped += claims.length;
    return;
  }
  const skipped: Claim[] = [];
  const started = performance.now();
  for (const [index, claim] of claims.entries()) {
    if (performance.now() - started > claimWorkMs) {
      // Slow receivers used up this batch's time: the rest go back to the queue before their lease could lapse.
      await releaseClaims(context, table, claims.slice(index));
      break;
    }
    const outcome = await work.attempt(claim);
    if (outcome === 'skip') {
      skipped.push(claim);
      continue;
    }
    await settleClaim(context, table, claim, outcome);
    if (outcome.ok) counts.sent += 1;
    else counts.failed += 1;
  }
  await skipClaims(context, table, skipped, work.skipReason);
  counts.skipped += skipped.length;
}
