/**
 * POSTs queued webhook deliveries, signed, and records every attempt. A 2xx answer is delivered; anything else, a
 * network error or no answer within the timeout is retried with back-off; an address the operator does not allow
 * (webhook-address.ts) fails the delivery at once, before any connection. At least once: a crash between the POST
 * and recording it sends the delivery again after the claim's lease, with the same Lectern-Delivery id, which is
 * what receivers de-duplicate on.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { AppContext } from '../context.ts';
import { type ClaimBatchWork, type DeliveryRunCounts, runClaimRounds } from './claim-rounds.ts';
import type { AttemptOutcome, Claim } from './delivery-queue.repository.ts';
import { findDeliveriesByIds, findWebhooksByIds } from './delivery-rows.repository.ts';
import { addressRefusal, guardedLookup, literalAddress, RefusedAddressError } from './webhook-address.ts';
import { signatureHeader } from './webhook-signature.ts';

/** How long a receiver has to answer. */
export const webhookTimeoutMs = 5_000;

/** What one run did. */
export type WebhookRunResult = DeliveryRunCounts;

/** What a run may be given: the name resolver (tests stand in for DNS; the default is dns.lookup). */
export interface WebhookRunOptions {
  resolve?: LookupFunction;
}

/** Claims the due deliveries and POSTs them, a batch at a time while full batches come back. */
export async function runWebhookDeliveries(
  context: AppContext,
  options: WebhookRunOptions = {},
): Promise<WebhookRunResult> {
  // One agent pair a run, whose lookup refuses addresses the allowance does not cover; no connection outlives the run.
  const lookup = guardedLookup(context.config.webhookAllowPrivate, options.resolve);
  const agents = { http: new HttpAgent({ lookup }), https: new HttpsAgent({ lookup }) };
  try {
    return await runClaimRounds(context, 'webhook_deliveries', (claims) => prepareClaims(context, claims, agents));
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
}

interface Agents {
  http: HttpAgent;
  https: HttpsAgent;
}

/** Two queries load the claimed deliveries and their webhooks; then one POST and one commit each. */
async function prepareClaims(context: AppContext, claims: Claim[], agents: Agents): Promise<ClaimBatchWork> {
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
      return post(context, agents, webhook, delivery);
    },
    skipReason: 'the webhook is switched off or deleted',
  };
}

/** The answer's status; the body is read and dropped. Rejects on a network error, a refused address or the timeout. */
function send(url: URL, agents: Agents, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const signal = AbortSignal.timeout(webhookTimeoutMs);
    const request = (secure ? httpsRequest : httpRequest)(url, {
      method: 'POST',
      agent: secure ? agents.https : agents.http,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      signal,
    });
    request.on('error', (error) =>
      reject(signal.aborted ? new Error(`no answer within ${webhookTimeoutMs / 1000} s`) : error),
    );
    request.on('response', (response) => {
      response.on('error', reject);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.resume();
    });
    request.end(body);
  });
}

async function post(
  context: AppContext,
  agents: Agents,
  webhook: { url: string; secret: string },
  delivery: { id: string; event_type: string; payload: string },
): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const url = new URL(webhook.url);
  // The connection skips the lookup for an IP literal, so the literal is checked here (the allowance may have
  // narrowed since the webhook was made).
  const literal = literalAddress(url);
  const refusal = literal === null ? null : addressRefusal(literal, context.config.webhookAllowPrivate);
  if (refusal !== null)
    return { ok: false, statusCode: null, error: `refused: ${refusal}`, durationMs: 0, final: true };
  try {
    const status = await send(
      url,
      agents,
      {
        'content-type': 'application/json',
        'user-agent': 'Lectern-Webhooks/1',
        'lectern-event': delivery.event_type,
        'lectern-delivery': delivery.id,
        'lectern-signature': signatureHeader(webhook.secret, delivery.payload, context.clock.now()),
      },
      delivery.payload,
    );
    const ok = status >= 200 && status < 300;
    return { ok, statusCode: status, error: ok ? null : `the receiver answered ${status}`, durationMs: elapsed() };
  } catch (error) {
    if (error instanceof RefusedAddressError) {
      return { ok: false, statusCode: null, error: `refused: ${error.message}`, durationMs: elapsed(), final: true };
    }
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, statusCode: null, error: code ? `${message} (${code})` : message, durationMs: elapsed() };
  }
}
