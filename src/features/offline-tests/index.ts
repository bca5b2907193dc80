/** The public surface of features/offline-tests/: what other folders may use of it; everything else stays inside. */
export { maximumMarksLimit, sharedInputKeys, sharedSchemaKeys } from './assessment.schemas.ts';
export {
  presentShared,
  readOptionalDate,
  readWholeNumber,
  sharedFields,
  verifyAssessment,
} from './assessment-fields.ts';
export { registerMarksRoutes } from './entity-marks.routes.ts';
