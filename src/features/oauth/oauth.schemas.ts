/** Request and response schemas of Zoho Accounts' OAuth endpoints (/oauth/v2) and Lectern's control plane of them. */
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../http/envelope.ts';
import { startIndexParameter } from '../../http/parameters.ts';

// The /oauth/v2 endpoints answer in Zoho Accounts' words, not the LMS's error body: their inputs are declared as
// anything, so that Fastify never refuses them first, and the services check and refuse them Zoho's way.
const anything = Type.Optional(Type.Unknown());

/** The query of the consent page. */
export const authorizeQuery = Type.Object({
  response_type: anything,
  client_id: anything,
  scope: anything,
  redirect_uri: anything,
  access_type: anything,
  state: anything,
  prompt: anything,
  code_challenge: anything,
  code_challenge_method: anything,
});

/** The consent form's fields. */
export const consentFormBody = Type.Optional(Type.Object({ nonce: anything, erecno: anything, decision: anything }));

/** The query of a sign-in link. */
export const signInQuery = Type.Object({ ticket: anything });

/** The parameters of a token request, in the query or a form body. */
const tokenParameters = {
  grant_type: anything,
  client_id: anything,
  client_secret: anything,
  code: anything,
  redirect_uri: anything,
  refresh_token: anything,
  code_verifier: anything,
};

/** The query of the token endpoint. */
export const tokenQuery = Type.Object(tokenParameters);

/** The form body of the token endpoint (Zoho's samples send an empty one). */
export const tokenBody = Type.Optional(Type.Object(tokenParameters));

const tokenFields = {
  scope: Type.String(),
  api_domain: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
};

/**
 * The token endpoint's answers: tokens (with a refresh token first, so the serializer keeps Zoho's key order), or
 * `{"error": ...}` (HTTP 200 as Zoho answers).
 */
export const tokenResponse200 = Type.Union([
  Type.Object({ access_token: Type.String(), refresh_token: Type.String(), ...tokenFields }),
  Type.Object({ access_token: Type.String(), ...tokenFields }),
  Type.Object({ error: Type.String() }),
]);

/** Zoho's throttling answer, or Lectern's error body for a body it cannot read at all. */
export const tokenResponse400 = Type.Union([
  Type.Object({ error_description: Type.String(), error: Type.String(), status: Type.String() }),
  Type.Ref(ErrorBody),
]);

/** The query and form body of the revoke endpoint. */
export const revokeQuery = Type.Object({ token: anything });
/** The form body of the revoke endpoint. */
export const revokeBody = Type.Optional(Type.Object({ token: anything }));

/** The revoke endpoint's answers. */
export const revokeResponse200 = Type.Object({ status: Type.Literal('success') });
/** The revoke endpoint's refusal, or Lectern's error body for a body it cannot read at all. */
export const revokeResponse400 = Type.Union([
  Type.Object({ status: Type.Literal('failure'), error: Type.String() }),
  Type.Ref(ErrorBody),
]);

/** An OAuth client as the control plane shows it. */
export const OAuthClientSchema = Type.Object(
  {
    clientId: Type.String(),
    name: Type.String(),
    portalId: Type.String(),
    redirectUris: Type.Array(Type.String()),
    createdTime: Type.Integer({ description: 'epoch milliseconds' }),
  },
  { title: 'OAuthClient' },
);

/** The body of createOAuthClient. */
export const createClientBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  redirectUris: Type.Array(Type.String({ maxLength: 2000 }), {
    minItems: 1,
    maxItems: 10,
    description: 'absolute http(s) URLs; /oauth/v2/auth accepts exactly these',
  }),
  portalId: Type.Optional(
    Type.Union([Type.String(), Type.Number()], {
      description: "another portal (operators only); default the caller's",
    }),
  ),
});

/** The 201 answer of createOAuthClient: the secret, shown this once. */
export const createClientResponse201 = Type.Composite([
  OAuthClientSchema,
  Type.Object({ clientSecret: Type.String() }),
]);

/** The querystring of listOAuthClients. */
export const listClientsQuery = Type.Object({ startIndex: startIndexParameter });

/** The 200 answer of listOAuthClients. */
export const listClientsResponse200 = Type.Object({
  clients: Type.Array(OAuthClientSchema),
  hasMoreRecords: Type.Boolean(),
});

/** The path parameters of one client's routes. */
export const clientParams = Type.Object({ clientId: Type.String({ maxLength: 64 }) });

/** The body of createOAuthGrantCode (Zoho's self client "Generate Code"). */
export const createGrantCodeBody = Type.Object({
  clientId: Type.String({ maxLength: 64 }),
  erecno: Type.Union([Type.String(), Type.Number()], { description: 'the person the tokens will act as' }),
  scope: Type.String({ maxLength: 2000, description: 'comma-separated, e.g. ZOHOPEOPLE.training.ALL' }),
  expiresIn: Type.Optional(
    Type.Union([Type.Integer(), Type.String()], { description: 'seconds: 180 (default), 300, 420 or 600' }),
  ),
});

/** The 201 answer of createOAuthGrantCode. */
export const createGrantCodeResponse201 = Type.Object({ code: Type.String(), expiresIn: Type.Integer() });

/** The query of the web app's client lookup: the portal (the first one when left out). */
export const webClientQuery = Type.Object({ portalId: anything });

/** The web app's built-in client of a portal, and what the sign-in page needs to know of the portal. */
export const webClientResponse = Type.Object({
  clientId: Type.String(),
  portalId: Type.String(),
  portalName: Type.String(),
  demo: Type.Boolean(),
  scope: Type.String(),
  redirectPath: Type.String(),
});

/** A refusal of the web client lookup or the user info endpoint. */
export const accountsErrorResponse = Type.Object({ error: Type.String(), error_description: Type.String() });

/** Zoho Accounts' user info (its five fields), with Lectern's erecno, roles and portal after them. */
export const userInfoResponse = Type.Object({
  First_Name: Type.String(),
  Email: Type.String(),
  Last_Name: Type.String(),
  Display_Name: Type.String(),
  ZUID: Type.String(),
  erecno: Type.String(),
  roles: Type.Array(Type.String()),
  portalId: Type.String(),
  portalName: Type.String(),
  demo: Type.Boolean(),
});
