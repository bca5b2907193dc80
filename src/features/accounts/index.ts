/** The public surface of features/accounts/ (password sign-in): what other folders may use of it. */
export { registerAccountRoutes, sessionCookie, setSessionCookie } from './account.routes.ts';
export { endSession, findSessionPerson, isPasswordPortal, startSession } from './account.service.ts';
export { issuePasswordLink, type LinkKind } from './password-link.service.ts';
