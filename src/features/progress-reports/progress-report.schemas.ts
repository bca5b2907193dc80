/** The progress report API's request and response schemas. */
import { Type } from '@sinclair/typebox';
import { EntityType } from '../../entity-types.ts';
import { listEnvelope, successEnvelope } from '../../http/envelope.ts';
import { documentedAs, startIndexParameter, textParameter } from '../../http/parameters.ts';
import { PersonSchema } from '../people/index.ts';

/** The path segments Zoho uses for each kind, and the kinds' codes (0 to 6) themselves. */
export const entitySegments: Record<string, number> = {
  offlineTests: EntityType.offlineTest,
  onlineTests: EntityType.onlineTest,
  assignments: EntityType.assignment,
  files: EntityType.file,
  contents: EntityType.content,
  sessions: EntityType.session,
  links: EntityType.link,
};

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

/** The querystring of the progress lists: the page's start. */
export const progressListQuery = Type.Object({ startIndex: startIndexParameter });

/** An entity type as the code 0 to 6 or its path segment (any case). */
export const EntityTypeShape = Type.Union(
  [Type.Integer({ minimum: 0, maximum: 6 }), Type.Union(Object.keys(entitySegments).map((name) => Type.Literal(name)))],
  {
    description:
      '0 offline test, 1 online test, 2 assignment, 3 file, 4 content, 5 session, 6 link; or the segment (any case)',
  },
);

/** The path of a progress report: the ids it names; `entityType` is a code or a segment name. */
export const reportPathParams = (...names: string[]) =>
  Type.Object(
    Object.fromEntries(
      names.map((name) => [name, name === 'entityType' ? documentedAs(Type.String(), EntityTypeShape) : Type.String()]),
    ),
  );

/** The querystring of getLearnerCourseProgress: whether only mandatory entities count. */
export const getLearnerCourseProgressQuery = Type.Object({
  progressType: textParameter(Type.Integer({ minimum: 0, maximum: 1 }), {
    description: '0 (default) counts every entity, 1 the mandatory ones only',
  }),
  startIndex: startIndexParameter,
});

/** The querystring of getLearnerEntityTypeProgress: the entity type, and the page's start. */
export const getLearnerEntityTypeProgressQuery = Type.Object({
  entityType: textParameter(EntityTypeShape, { required: true }),
  startIndex: startIndexParameter,
});

/** A page of learners' course progress. */
export const CourseProgressListEnvelope = listEnvelope('courseProgress', CourseProgressSchema);

/** One learner's course progress. */
export const CourseProgressEnvelope = successEnvelope('courseProgress', CourseProgressSchema);

/** One learner's progress in one module. */
export const ModuleProgressEnvelope = successEnvelope('moduleProgress', ModuleProgressSchema);

/** A page of one learner's entities of one type. */
export const EntityProgressListEnvelope = listEnvelope('entities', EntityProgressSchema);

/** One learner's progress in one entity. */
export const EntityProgressEnvelope = successEnvelope('entityProgress', EntityProgressSchema);
