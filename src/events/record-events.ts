/** The one call services make after a change: history, outbox and webhooks, all in the change's transaction. */
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { LmsEvent } from './event.types.ts';
import { appendHistory } from './history-log.repository.ts';
import { enqueueDeliveries } from './outbox.ts';

/** Records events with the change that caused them: pass the transaction the change ran in. */
export async function recordEvents(db: Db, context: AppContext, events: readonly LmsEvent[]): Promise<void> {
  if (events.length === 0) return;
  await appendHistory(db, events);
  await enqueueDeliveries(db, context, events);
}
