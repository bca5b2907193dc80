/**
 * POSTs queued webhook deliveries, signed, and records every attempt. A 2xx answer is delivered; anything else, a
 * network error or no answer within the timeout is retried with back-off. At least once: a crash between the POST
 * and recording it sends the delivery again after the claim's lease, with the same Lectern-Delivery id, which is
 * what receivers de-duplicate on.
 */
import { performance } from 'node:perf_hooks';
import type { AppContext } from '../../context.ts';
import type { AttemptOutcome, Claim } from '../events/delivery-queue.repository.ts';
import { type ClaimBatchWork, type DeliveryRunCounts, runClaimRounds } from '../notifications/claim-rounds.ts';
import { findDeliveriesByIds, findWebhooksByIds } from './webhook.repository.ts';
import { signatureHeader } from './webhook-signature.ts';

/** How long a receiver has to answer. */
export const webhookTimeoutMs = 5_000;

/** What one run did. */
export type WebhookRunResult = DeliveryRunCounts;

/** Claims the due deliveries and POSTs them, a batch at a time while full batches come back. */
export async function runWebhookDeliveries(context: AppContext): Promise<WebhookRunResult> {
  return runClaimRounds(context, 'webhook_deliveries', (claims) => prepareClaims(context, claims));
}

/** Two queries load the claimed deliveries and their webhooks; then one POST and one commit each. */
async function prepareClaims(context: AppContext, claims: Claim[]): Promise<ClaimBatchWork> {
  const deliveries = await findDeliveriesByIds(
    context.db,
    claims.map((claim) => claim.id),
  );
  const webhooks = await findWebhooksByIds(context.db, [...new Set(deliveries.map((row) => row.webhook_id))]);
  const webhookById = new Map(webhooks.map((webhook) => [webhook.id, webhook]));
  const deliveryById = new Map(deliveries.map((row) => [row.id, row]));
  return {
    attempt: async (claim) => {
      const delivery = deliveryById.get(claim.id);
      const webhook = delivery === undefined ? undefined : webhookById.get(delivery.webhook_id);
      // Deleted with its webhook, or the webhook was switched off after the event: nothing to send.
      if (delivery === undefined || webhook === undefined || webhook.active !== 1) return 'skip';
      return post(context, webhook, delivery);
    },
    skipReason: 'the webhook is switched off or deleted',
  };
}

async function post(
  context: AppContext,
  webhook: { url: string; secret: string },
  delivery: { id: string; event_type: string; payload: string },
): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  try {
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Lectern-Webhooks/1',
        'lectern-event': delivery.event_type,
        'lectern-delivery': delivery.id,
        'lectern-signature': signatureHeader(webhook.secret, delivery.payload, context.clock.now()),
      },
      body: delivery.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(webhookTimeoutMs),
    });
    // The answer's body is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      statusCode: response.status,
      error: ok ? null : `the receiver answered ${response.status}`,
      durationMs: elapsed(),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, statusCode: null, error: cause ? `${message} (${cause})` : message, durationMs: elapsed() };
  }
}
