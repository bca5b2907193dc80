/** The removal commands' request schemas. */
import { Type } from '@sinclair/typebox';

export const CourseParams = Type.Object({ courseId: Type.String() });

export const BatchParams = Type.Object({ courseId: Type.String(), batchId: Type.String() });
