/** The batch actions' request schemas. */
import { Type } from '@sinclair/typebox';

export const BatchParams = Type.Object({ courseId: Type.String(), batchId: Type.String() });
