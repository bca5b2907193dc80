/**
 * The delivery run: sends due e-mails and webhook deliveries. `lectern serve` runs it on a timer
 * (LECTERN_DELIVERY_INTERVAL_SECONDS); tests call runDeliveries directly after moving their clock.
 */
import type { AppContext } from '../context.ts';
import { type PeriodicTask, type PeriodicTaskLog, startPeriodicTask } from '../periodic-task.ts';
import { type MailTransport, runEmailDeliveries } from './notification.delivery.ts';
import { runWebhookDeliveries, type WebhookRunOptions } from './webhook.delivery.ts';

/** What one run did, per kind. */
export interface DeliveryRunResult {
  emails: { sent: number; failed: number; skipped: number };
  webhooks: { sent: number; failed: number; skipped: number };
}

/**
 * One run: e-mails, then webhooks. A transport may be passed in (otherwise the SMTP settings decide), and a name
 * resolver for webhooks (otherwise DNS).
 */
export async function runDeliveries(
  context: AppContext,
  options: { transport?: MailTransport | null } & WebhookRunOptions = {},
): Promise<DeliveryRunResult> {
  const emails = await runEmailDeliveries(context, options);
  const webhooks = await runWebhookDeliveries(context, options);
  return { emails, webhooks };
}

/** Where the timer reports (a pino logger fits). */
export type DeliveryLog = PeriodicTaskLog;

/**
 * Runs deliveries now and then every `intervalMs`, never two runs at once in this process. The timer does not keep
 * the process alive; errors are logged, never thrown. stop() clears it and waits for a running run to finish.
 */
export function startDeliveryTimer(
  context: AppContext,
  options: { intervalMs: number; log: DeliveryLog },
): PeriodicTask {
  const { intervalMs, log } = options;
  const run = async () => {
    const result = await runDeliveries(context);
    const { emails, webhooks } = result;
    if (emails.sent + emails.failed + emails.skipped + webhooks.sent + webhooks.failed + webhooks.skipped > 0) {
      log.info(result, 'delivery run');
    }
  };
  return startPeriodicTask(run, {
    intervalMs,
    log,
    failureMessage: 'delivery run failed; it is retried at the next run',
  });
}
