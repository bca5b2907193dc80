/** Tokens as /lectern/v1 shows them: never the value or its hash. */
import { type Static, Type } from '@sinclair/typebox';
import type { TokenRow } from './token.repository.ts';

/** A token in a list. */
export const TokenSchema = Type.Object({
  tokenId: Type.String(),
  erecno: Type.String(),
  scopes: Type.Array(Type.String()),
  operator: Type.Boolean(),
  status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
  createdAt: Type.Number({ description: 'epoch ms' }),
  expiresAt: Type.Union([Type.Number(), Type.Null()], { description: 'epoch ms; null: never' }),
  revokedAt: Type.Union([Type.Number(), Type.Null()]),
  mintedBy: Type.Union([Type.String(), Type.Null()], {
    description: 'the token that minted this one (revoking it revokes this); null when made by the operator',
  }),
});

/** A token just minted: its value, shown this once. */
export const MintedTokenSchema = Type.Object({
  token: Type.String({ description: 'shown once; only its hash is stored' }),
  tokenId: Type.String(),
  erecno: Type.String(),
  scopes: Type.Array(Type.String()),
  expiresAt: Type.Union([Type.Number(), Type.Null()], { description: 'epoch ms; null: never' }),
});

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
