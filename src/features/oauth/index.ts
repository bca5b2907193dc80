/** The public surface of features/oauth/: what other folders may use of it; everything else stays inside. */

export { registerOAuthRoutes } from './oauth.routes.ts';
export { registerOAuthAdminRoutes } from './oauth-admin.routes.ts';
export { createClient, type Issuer, issueSelfClientCode, listClients } from './oauth-client.service.ts';
export { issueSignInTicket } from './oauth-consent.service.ts';
