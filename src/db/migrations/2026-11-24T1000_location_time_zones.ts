import type { Kysely } from 'kysely';

/**
 * A time zone per location (IANA name; null: the portal's), which a session in one of its rooms is held in. The demo
 * portal's three locations, the only ones a store can hold (no API creates locations), get the zones of their cities.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('locations').addColumn('time_zone', 'varchar(64)').execute();
  const demoZones: [name: string, timeZone: string][] = [
    ['Chennai, Estancia IT Park', 'Asia/Kolkata'],
    ['Austin, Texas', 'America/Chicago'],
    ['Utrecht, Netherlands', 'Europe/Amsterdam'],
  ];
  for (const [name, timeZone] of demoZones) {
    await db.updateTable('locations').set({ time_zone: timeZone }).where('name', '=', name).execute();
  }
}

/** Drops the column. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('locations').dropColumn('time_zone').execute();
}
