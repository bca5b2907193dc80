/** The removal commands' request schemas. */
import { type TObject, Type } from '@sinclair/typebox';

/** The path of Delete Course. */
export const CourseParams = Type.Object({ courseId: Type.String() });

/** The path of Delete Batch. */
export const BatchParams = Type.Object({ courseId: Type.String(), batchId: Type.String() });

/** The path of Delete Module in a family: the family's own path parameters and the module. */
export const moduleRemovalParams = (familyParams: TObject) =>
  Type.Object({ ...familyParams.properties, moduleId: Type.String() });
