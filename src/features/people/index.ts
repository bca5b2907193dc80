/** The public surface of features/people/: what other folders may use of it; everything else stays inside. */
export { presentPerson, rolesOf } from './employee.presenter.ts';
export { addEmployees, type EmployeeRow, findEmployee, findEmployees, listEmployees } from './employee.service.ts';
export { MintedTokenSchema, PersonSchema, TokenSchema } from './people.schemas.ts';
export {
  createPortal,
  ensureDefaultPortal,
  findPortalSummary,
  hasPortal,
  installOperatorToken,
  issueToken,
  onPortalClock,
  type PortalCreationStep,
  portalClockSetting,
  portalExists,
  portalHoldsDemoData,
  portalTimeZone,
  validateScopes,
} from './portal.service.ts';
export { presentToken } from './token.presenter.ts';
export {
  authenticateToken,
  listPortalTokens,
  maxTokenLifetimeSeconds,
  mintToken,
  revokeTokenById,
  revokeTokenByValue,
  revokeTokenTree,
  type TokenRefusal,
} from './token.service.ts';
