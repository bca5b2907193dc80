/** The portal settings' reads and writes on the portals row. */

import type { Dialect } from '../../db/create-db.ts';
import type { Db } from '../../db/database.ts';
import { forUpdate } from '../../db/dialect.ts';

/** The columns the settings are made of. */
export interface PortalSettingsRow {
  id: string;
  name: string;
  time_zone: string;
  date_format: string;
  week_start: string;
  mail_sender_name: string | null;
  mail_sender_address: string | null;
  notification_defaults: string | null;
}

/**
 * A portal's settings columns, or undefined when there is no such portal; with a dialect, the row is locked for the
 * update (PostgreSQL), so that two changes of the notification defaults merge rather than one losing the other.
 */
export async function findPortalSettings(
  db: Db,
  portalId: string,
  lockFor?: Dialect,
): Promise<PortalSettingsRow | undefined> {
  const query = db
    .selectFrom('portals')
    .select([
      'id',
      'name',
      'time_zone',
      'date_format',
      'week_start',
      'mail_sender_name',
      'mail_sender_address',
      'notification_defaults',
    ])
    .where('id', '=', portalId);
  const row = await (lockFor === undefined ? query : forUpdate(query, lockFor)).executeTakeFirst();
  return row as PortalSettingsRow | undefined;
}

/** Writes the changed settings columns of a portal. */
export async function updatePortalSettingsRow(
  db: Db,
  portalId: string,
  changes: Partial<Omit<PortalSettingsRow, 'id'>>,
): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('portals').set(changes).where('id', '=', portalId).execute();
}
