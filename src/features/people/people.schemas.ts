/** How people and tokens are answered: Zoho's person shape and Lectern's token shapes. */
import { Type } from '@sinclair/typebox';

/** Schema of a person as Zoho's samples show one; every value a string. */
export const PersonSchema = Type.Object({
  erecno: Type.String(),
  displayName: Type.String(),
  employeeId: Type.String(),
  emailId: Type.String(),
  displayPictureURL: Type.String(),
});

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
