/** How full the delivery queues are, for /metrics: rows per kind and status. */
import type { Db } from '../db/database.ts';
import { countByStatus } from './delivery-queue.repository.ts';

/** Rows of the e-mail and webhook queues per status; two queries. */
export async function deliveryQueueDepth(
  db: Db,
): Promise<{ kind: 'email' | 'webhook'; status: string; count: number }[]> {
  const [emails, webhooks] = await Promise.all([
    countByStatus(db, 'notifications'),
    countByStatus(db, 'webhook_deliveries'),
  ]);
  return [
    ...emails.map((row) => ({ kind: 'email' as const, ...row })),
    ...webhooks.map((row) => ({ kind: 'webhook' as const, ...row })),
  ];
}
