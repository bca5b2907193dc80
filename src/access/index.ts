/** The public surface of access/: what other folders may use of it; everything else stays inside. */
export {
  type Caller,
  hasScope,
  knownScopeNames,
  type Scope,
  scopeCovers,
  scopeNames,
  trainingFamily,
} from './caller.ts';
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
