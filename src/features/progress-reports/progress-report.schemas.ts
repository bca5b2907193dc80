/** The progress report API's output schemas. */
import { Type } from '@sinclair/typebox';
import { PersonSchema } from '../people/index.ts';

/** One entity for one learner. */
export const EntityProgressSchema = Type.Object({
  entityId: Type.String(),
  entityType: Type.String({ description: "Zoho's entity-type code: 0 offline test ... 5 session, 6 link" }),
  entityTypeAsDisplayString: Type.String(),
  entityName: Type.String(),
  moduleId: Type.String(),
  isMandatory: Type.Boolean(),
  isLocked: Type.Boolean(),
  status: Type.String({ description: 'notStarted, inProgress or completed' }),
  isCompleted: Type.Boolean(),
  completedTime: Type.Union([Type.Number(), Type.Null()], { description: 'epoch ms' }),
  marks: Type.Union([Type.Number(), Type.Null()]),
});

/** One learner in one course or batch. */
export const CourseProgressSchema = Type.Object({
  courseId: Type.String(),
  courseName: Type.String(),
  courseType: Type.String({ description: '1 self paced, 2 blended learning, 3 e-material' }),
  batchId: Type.Union([Type.String(), Type.Null()]),
  batchName: Type.Union([Type.String(), Type.Null()]),
  learner: PersonSchema,
  enrolledTime: Type.Number({ description: 'epoch ms' }),
  hasUserStarted: Type.Boolean(),
  hasUserCompleted: Type.Boolean(),
  completedTime: Type.Union([Type.Number(), Type.Null()], { description: 'epoch ms' }),
  completedCount: Type.Integer(),
  totalCount: Type.Integer(),
  mandatoryCompletedCount: Type.Integer(),
  mandatoryTotalCount: Type.Integer(),
  percentageOfProgress: Type.Integer(),
  progressAsDisplayString: Type.String({ description: '"3 of 7 Completed"' }),
});

/** One learner in one module. */
export const ModuleProgressSchema = Type.Object({
  moduleId: Type.String(),
  moduleName: Type.String(),
  isLocked: Type.Boolean(),
  isCompleted: Type.Boolean(),
  completedTime: Type.Union([Type.Number(), Type.Null()]),
  completedCount: Type.Integer(),
  totalCount: Type.Integer(),
  percentageOfProgress: Type.Integer(),
  progressAsDisplayString: Type.String(),
  learner: PersonSchema,
  entities: Type.Array(EntityProgressSchema),
});
