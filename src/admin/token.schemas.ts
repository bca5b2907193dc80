/** The token control plane's request schemas. */
import { Type } from '@sinclair/typebox';
import { scopeNames } from '../access/index.ts';
import { maxTokenLifetimeSeconds } from '../features/people/index.ts';
import { documentedAs } from '../http/parameters.ts';

/** The body of createToken: the scopes to mint (within the caller's own), for whom, and for how long. */
export const MintBody = Type.Object({
  scopes: documentedAs(
    Type.Array(Type.String(), {
      description:
        'ZOHOPEOPLE.training.{ALL,READ,CREATE,UPDATE,DELETE}, ZOHOPEOPLE.forms.{ALL,READ,CREATE,UPDATE}, ZOHOPEOPLE.employee.ALL',
    }),
    Type.Array(Type.Union(scopeNames.map((name) => Type.Literal(name))), { minItems: 1 }),
  ),
  erecno: Type.Optional(
    Type.Union([Type.String(), Type.Number()], { description: "the person the token acts as; default the admin's" }),
  ),
  expiresInSeconds: Type.Optional(
    Type.Union([Type.Integer({ minimum: 1, maximum: maxTokenLifetimeSeconds }), Type.String()], {
      description: "lifetime; default never (or the calling token's expiry, when it has one)",
    }),
  ),
  operator: Type.Optional(Type.Boolean({ description: 'an operator token (operators only)' })),
  portalId: Type.Optional(
    Type.Union([Type.String(), Type.Number()], {
      description: "another portal (operators only); default the caller's",
    }),
  ),
});

/** The querystring of listTokens. */
export const listTokensQuery = Type.Object({ startIndex: Type.Optional(Type.String()) });

/** The path parameters of revokeToken. */
export const revokeTokenParams = Type.Object({ tokenId: Type.String() });

/** The querystring of revokeTokenByValue. */
export const revokeTokenByValueQuery = Type.Object({ token: Type.Optional(Type.String()) });

/** The body of revokeTokenByValue. */
export const revokeTokenByValueBody = Type.Object({ token: Type.Optional(Type.String()) });
