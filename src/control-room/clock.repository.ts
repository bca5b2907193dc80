/** Writes a portal's clock columns (the people feature reads them with the portal). */
import type { PortalTime } from '../clock.ts';
import type { Db } from '../db/database.ts';

/** Stores the portal's clock; answers whether the portal exists. */
export async function savePortalTime(db: Db, portalId: string, time: PortalTime): Promise<boolean> {
  const result = await db
    .updateTable('portals')
    .set({ clock_offset_ms: time.offsetMs, clock_fixed_at: time.fixedAt })
    .where('id', '=', portalId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
