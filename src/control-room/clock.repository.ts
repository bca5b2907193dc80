/** Reads and writes a portal's clock columns. */
import type { PortalTime } from '../clock.ts';
import type { Db } from '../db/database.ts';

/** The portal's clock, or undefined when there is no such portal. */
export async function findPortalTime(db: Db, portalId: string): Promise<PortalTime | undefined> {
  const row = await db
    .selectFrom('portals')
    .select(['clock_offset_ms', 'clock_fixed_at'])
    .where('id', '=', portalId)
    .executeTakeFirst();
  return row === undefined ? undefined : { offsetMs: Number(row.clock_offset_ms), fixedAt: row.clock_fixed_at };
}

/** Stores the portal's clock; answers whether the portal exists. */
export async function savePortalTime(db: Db, portalId: string, time: PortalTime): Promise<boolean> {
  const result = await db
    .updateTable('portals')
    .set({ clock_offset_ms: time.offsetMs, clock_fixed_at: time.fixedAt })
    .where('id', '=', portalId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
