/** The learning path read's schemas: a learner's modules in order, with what is locked and why (Lectern's own). */
import { Type } from '@sinclair/typebox';
import { successEnvelope } from '../../http/envelope.ts';

/** Why something is locked: not at all, until a date, until the previous module is completed, or by its module. */
const LockReason = Type.Union(
  [Type.Literal('none'), Type.Literal('untilDate'), Type.Literal('previousModule'), Type.Literal('module')],
  {
    description:
      'none; untilDate (opens on opensOn); previousModule (opens once waitsForModuleName is completed); module (an entity inside a locked module)',
  },
);

const lockKeys = {
  isLocked: Type.Boolean(),
  lockReason: LockReason,
  opensOn: Type.Union([Type.String({ description: 'YYYY-MM-DD' }), Type.Null()], {
    description: 'The day it opens (lockReason untilDate, or module when the module waits for a date); else null',
  }),
  waitsForModuleId: Type.Union([Type.String(), Type.Null()], {
    description: 'The module to finish first (lockReason previousModule, or module when the module waits for it)',
  }),
  waitsForModuleName: Type.Union([Type.String(), Type.Null()]),
  lockReasonAsDisplayString: Type.String({
    description: '"Opens on 05-Dec-2026" (portal date format) or "Finish Module 2 first"; empty when unlocked',
  }),
};

/** One entity of a module on the learner's path. */
export const PathEntitySchema = Type.Object({
  entityId: Type.String(),
  entityType: Type.String({ description: "Zoho's entity-type code: 0 offline test ... 5 session, 6 link" }),
  entityTypeAsDisplayString: Type.String(),
  entityName: Type.String(),
  isMandatory: Type.Boolean(),
  ...lockKeys,
  status: Type.String({ description: 'notStarted, inProgress or completed' }),
  isCompleted: Type.Boolean(),
  canMarkAsComplete: Type.Boolean({ description: 'The learner may mark it completed now' }),
  marks: Type.Union([Type.Number(), Type.Null()]),
});

/** One module on the learner's path. */
export const PathModuleSchema = Type.Object({
  moduleId: Type.String(),
  moduleName: Type.String(),
  lockType: Type.String({ description: '"0" unlocked, "1" until a date, "2" until the previous module is completed' }),
  ...lockKeys,
  isCompleted: Type.Boolean(),
  completedCount: Type.Integer(),
  totalCount: Type.Integer(),
  percentageOfProgress: Type.Integer(),
  entities: Type.Array(PathEntitySchema),
});

/** A learner's path through one course or batch. */
export const LearningPathSchema = Type.Object({
  courseId: Type.String(),
  batchId: Type.Union([Type.String(), Type.Null()]),
  learnerId: Type.String(),
  hasUserCompleted: Type.Boolean(),
  percentageOfProgress: Type.Integer(),
  progressAsDisplayString: Type.String({ description: '"3 of 7 Completed"' }),
  modules: Type.Array(PathModuleSchema),
});

/** `{"code":"200","learningPath":{...},"message":"success"}`. */
export const LearningPathEnvelope = successEnvelope('learningPath', LearningPathSchema);
