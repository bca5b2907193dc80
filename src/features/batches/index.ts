/** The public surface of features/batches/: what other folders may use of it; everything else stays inside. */

export { BatchStatusEnvelope } from './batch.schemas.ts';
export {
  batchLearnerCount,
  changeBatchStatus,
  countBatchLearners,
  deleteBatchRow,
  deleteCourseBatches,
  syncCoursePublication,
} from './batch.service.ts';
export {
  batchOfView,
  blendedCourseType,
  findCourseBatch,
  loadBatchForChange,
  requireBatch,
  requireBlendedCourse,
} from './batch-access.service.ts';
export { batchPublishedEvent } from './batch-events.ts';
