import type { Kysely } from 'kysely';

/** Placeholder: tables come with the feature. */
export async function up(_db: Kysely<any>): Promise<void> {}

/** Placeholder. */
export async function down(_db: Kysely<any>): Promise<void> {}
