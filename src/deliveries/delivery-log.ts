/** The delivery attempt log, as the outbox readers (notifications, webhooks) show it. */
import type { Db } from '../db/database.ts';
import * as queue from './delivery-queue.repository.ts';

/** Every attempt of the given deliveries, oldest first per delivery. */
export function findDeliveryAttempts(db: Db, deliveryIds: readonly string[]) {
  return queue.findAttempts(db, deliveryIds);
}
