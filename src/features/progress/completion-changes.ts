/**
 * Completion that follows from other changes (attendance, marks, an entity completed): take a snapshot before the
 * change, then record module.completed.v1 / course.completed.v1 (and their reopened twins) for what changed.
 * Placeholder until the completion engine lands; the signatures are the contract.
 */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import type { ProgressPlace } from './progress.types.ts';

/** Completion states of some learners at one place, before a change. */
export interface CompletionSnapshot {
  place: ProgressPlace;
  erecnos: readonly string[];
}

/** Reads where the learners stand now (call inside the change's transaction, before the change). */
export async function completionSnapshot(
  _db: Db,
  _context: AppContext,
  place: ProgressPlace,
  erecnos: readonly string[],
): Promise<CompletionSnapshot> {
  return { place, erecnos };
}

/** After the change: records an event for every module or course whose completion changed. */
export async function recordCompletionChanges(
  _db: Db,
  _context: AppContext,
  _before: CompletionSnapshot,
  _by: string | null,
): Promise<void> {}
