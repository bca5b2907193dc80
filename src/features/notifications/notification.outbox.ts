/** The notification outbox and webhook deliveries. Placeholder until the notifications feature lands. */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import type { LmsEvent } from '../events/event.types.ts';

/** Queues e-mails and webhook deliveries for the events, in the caller's transaction. */
export async function enqueueDeliveries(_db: Db, _context: AppContext, _events: readonly LmsEvent[]): Promise<void> {}
