/** Tokens as /lectern/v1 shows them: never the value or its hash. */
import type { Static } from '@sinclair/typebox';
import type { TokenSchema } from './people.schemas.ts';
import type { TokenRow } from './token.repository.ts';

/** Presents a token as it stands at `now`. */
export function presentToken(row: TokenRow, now: number): Static<typeof TokenSchema> {
  const expired = row.expires_at !== null && now >= row.expires_at;
  return {
    tokenId: row.id,
    erecno: row.erecno,
    scopes: row.scopes.split(','),
    operator: row.is_operator === 1,
    status: row.revoked_at !== null ? 'revoked' : expired ? 'expired' : 'active',
    createdAt: Number(row.created_at),
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    mintedBy: row.minted_by,
  };
}
