/** The append-only learner history. Placeholder until the history feature lands. */
import type { Db } from '../../db/database.ts';
import type { LmsEvent } from '../events/event.types.ts';

/** Appends the events about learners to the history, in the caller's transaction. */
export async function appendHistory(_db: Db, _events: readonly LmsEvent[]): Promise<void> {}
