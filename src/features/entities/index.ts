/** The public surface of features/entities/: what other folders may use of it; everything else stays inside. */

export { type EntityKind, registerEntityRoutes } from './entity.routes.ts';
export {
  entityDataBody,
  entityDataQuery,
  entityItemEnvelope,
  familyParams,
  ResourceSchema,
  ResourcesInput,
} from './entity.schemas.ts';
export {
  createEntity,
  deleteEntitiesIn,
  deleteEntity,
  type EntityFields,
  type EntityPath,
  type EntityVerifier,
  type EntityView,
  getEntity,
  listEntities,
  locateEntity,
  readEntitySettings,
  requireEntityForChange,
  requireEntityForMarks,
  updateEntity,
} from './entity.service.ts';
export { cloneModuleEntities } from './entity-clone.service.ts';
export { commonEntityFields, completeEntityFields } from './entity-fields.ts';
export { type EntityFamily, entityFamilies, entityPath, familiesUnder } from './entity-paths.ts';
export { readResources, resourcesOf } from './entity-resources.ts';
