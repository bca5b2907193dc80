import type { Kysely } from 'kysely';

/**
 * PKCE (RFC 7636) on grant codes: the S256 challenge the consent request carried, which the token request must answer
 * with its verifier. Null on codes asked without one (Zoho's confidential flow, self-client codes).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('oauth_codes').addColumn('code_challenge', 'varchar(64)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('oauth_codes').dropColumn('code_challenge').execute();
}
