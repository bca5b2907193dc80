/** The public surface of access/: what other folders may use of it; everything else stays inside. */
export { type Caller, hasScope } from './caller.ts';
export {
  type CourseRelations,
  type CourseRoles,
  CourseStatus,
  canDelete,
  canManage,
  canView,
  enrolRefusal,
  roleListAllows,
  rolesOnCourse,
} from './course-permissions.ts';
export { mayManageReferenceData } from './reference-data.ts';
export {
  canonicalScope,
  type RouteScope,
  type Scope,
  scopeCovers,
  scopeNames,
  scopesAdmitting,
  trainingFamily,
  validateScopes,
} from './scopes.ts';
