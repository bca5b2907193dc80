/** The removal commands' request schemas. */
import { Type } from '@sinclair/typebox';

/** The path of Delete Course. */
export const CourseParams = Type.Object({ courseId: Type.String() });

/** The path of Delete Batch. */
export const BatchParams = Type.Object({ courseId: Type.String(), batchId: Type.String() });
