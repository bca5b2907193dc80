/** The public surface of features/offline-tests/: what other folders may use of it; everything else stays inside. */
export {
  maximumMarksLimit,
  presentShared,
  readOptionalDate,
  readWholeNumber,
  sharedFields,
  sharedInputKeys,
  sharedSchemaKeys,
  verifyAssessment,
} from './assessment-fields.ts';
export { registerMarksRoutes } from './entity-marks.routes.ts';
