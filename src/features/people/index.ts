/** The public surface of features/people/: what other folders may use of it; everything else stays inside. */
export { PersonSchema, presentPerson, rolesOf } from './employee.presenter.ts';
export { addEmployees, type EmployeeRow, findEmployee, findEmployees, listEmployees } from './employee.service.ts';
export {
  createPortal,
  ensureDefaultPortal,
  hasPortal,
  installOperatorToken,
  issueToken,
  portalTimeZone,
  validateScopes,
} from './portal.service.ts';
export { MintedTokenSchema, presentToken, TokenSchema } from './token.presenter.ts';
export {
  authenticateToken,
  listPortalTokens,
  maxTokenLifetimeSeconds,
  mintToken,
  revokeTokenById,
  revokeTokenByValue,
  type TokenRefusal,
} from './token.service.ts';
