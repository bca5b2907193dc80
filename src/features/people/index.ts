/** The public surface of features/people/: what other folders may use of it; everything else stays inside. */
export { photoUrl, presentPerson, rolesOf } from './employee.presenter.ts';
export { addEmployees, type EmployeeRow, findEmployee, findEmployees, listEmployees } from './employee.service.ts';
export { updateEmployee } from './employee-edit.service.ts';
export {
  checkPhoto,
  maxPhotoBytes,
  readPhoto,
  removePhoto,
  storePhoto,
} from './employee-photo.service.ts';
export { setEmployeeStatus } from './employee-status.service.ts';
export {
  addOrganisationPortal,
  type CreatedOrganisation,
  createOrganisationPortal,
  firstPortalId,
  type Organisation,
  storeInUseCode,
} from './organisation.service.ts';
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
  portalAdmin,
  portalClockSetting,
  portalExists,
  portalHoldsDemoData,
  portalTimeZone,
  validateScopes,
} from './portal.service.ts';
export { PortalSettingsSchema, updatePortalSettingsBody } from './portal-settings.schemas.ts';
export {
  checkEmailAddress,
  checkName,
  checkTimeZone,
  type PortalSettings,
  readPortalSettings,
  updatePortalSettings,
} from './portal-settings.service.ts';
export { presentToken } from './token.presenter.ts';
export {
  authenticateToken,
  listPortalTokens,
  maxTokenLifetimeSeconds,
  mintToken,
  revokeOAuthTokensOf,
  revokeTokenById,
  revokeTokenByValue,
  revokeTokenTree,
  type TokenRefusal,
  tokenHashOf,
} from './token.service.ts';
