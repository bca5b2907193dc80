/** Tokens: stored as SHA-256 hashes, looked up by hash. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db/database.ts';
import { prepareQuery } from '../../db/prepared.ts';
import type { Caller } from './caller.ts';

/** The stored form of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random token in Zoho's `1000.<hex>.<hex>` form. */
export function generateToken(): string {
  return `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
}

/** Stores a token for an employee with the given scopes. */
export async function insertToken(
  db: Db,
  token: { value: string; portalId: string; erecno: string; scopes: string[]; isOperator: boolean; now: number },
): Promise<void> {
  await db
    .insertInto('tokens')
    .values({
      hash: hashToken(token.value),
      portal_id: token.portalId,
      erecno: token.erecno,
      scopes: token.scopes.join(','),
      is_operator: token.isOperator ? 1 : 0,
      created_at: token.now,
    })
    .onConflict((conflict) => conflict.column('hash').doNothing())
    .execute();
}

/** The token's row with its employee and portal: compiled once, it runs on every authenticated request. */
const callerQuery = prepareQuery((db: Kysely<Database>, hash: string) =>
  db
    .selectFrom('tokens')
    .innerJoin('employees', 'employees.erecno', 'tokens.erecno')
    .innerJoin('portals', 'portals.id', 'tokens.portal_id')
    .select([
      'tokens.hash',
      'tokens.portal_id',
      'tokens.erecno',
      'tokens.scopes',
      'tokens.is_operator',
      'portals.url_name',
      'employees.status',
      'employees.is_admin',
      'employees.is_settings_admin',
      'employees.is_data_admin',
      'employees.is_trainer',
    ])
    .where('tokens.hash', '=', hash),
);

/** The caller behind a token, or undefined for an unknown token or an inactive employee. One query. */
export async function findCaller(db: Db, token: string): Promise<Caller | undefined> {
  const hash = hashToken(token);
  const row = await callerQuery.first(db, hash);
  // The lookup is by hash, so timing reveals nothing of the token; the compare guards against a lax index.
  if (!row || !timingSafeEqual(Buffer.from(row.hash), Buffer.from(hash)) || row.status !== 'active') return undefined;
  return {
    portalId: row.portal_id,
    portalUrlName: row.url_name,
    erecno: row.erecno,
    tokenHash: hash,
    scopes: new Set(row.scopes.split(',')),
    isOperator: row.is_operator === 1,
    isAdmin: row.is_admin === 1,
    isSettingsAdmin: row.is_settings_admin === 1,
    isDataAdmin: row.is_data_admin === 1,
    isTrainer: row.is_trainer === 1,
  };
}
