/** Numbers each process that starts on a store, so that id generators of processes sharing it never collide. */
import type { Db } from './database.ts';

/**
 * Bumps the `process` counter atomically (UPDATE ... RETURNING on both engines) and answers it modulo 256:
 * any 256 processes started one after another get distinct tags.
 */
export async function claimProcessTag(db: Db): Promise<number> {
  const row = await db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'process')
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) % 256;
}
