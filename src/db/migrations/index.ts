import type { Migration } from 'kysely';
import * as core from './2026-11-23T1200_core.ts';
import * as counters from './2026-11-23T1300_counters.ts';

/** Every migration, by frozen dated name; Kysely runs them in name order. */
export const migrations: Record<string, Migration> = {
  '2026-11-23T1200_core': core,
  '2026-11-23T1300_counters': counters,
};
