/** The completion API's request and response schemas. */
import { Type } from '@sinclair/typebox';
import { wholeNumberShape } from '../../http/input-shapes.ts';
import { documentedAs, idParameter, textParameter } from '../../http/parameters.ts';
import { familyParams } from '../entities/index.ts';

/** The body of every completion action: read as nothing, or the query's parameters, read by the handler. */
export const completionActionBody = Type.Optional(Type.Unknown());

/** The querystring of recordOnlineTestResult: whose result, and the marks out of what. */
export const recordOnlineTestResultQuery = Type.Object({
  learnerId: idParameter("The learner's erecno", { required: true }),
  marks: textParameter(wholeNumberShape(0, 100_000), { description: 'Marks scored', required: true }),
  maximumMarks: textParameter(wholeNumberShape(1, 100_000), { description: 'Out of; 100 by default' }),
});

/** The path of listRequisiteEntities: its batchId may be 0, for a course without batches. */
export const listRequisiteEntitiesParams = Type.Object({
  ...familyParams(true, ['learnerId', 'entityId']).properties,
  batchId: documentedAs(
    Type.String(),
    Type.String({
      pattern: '^(0|[1-9][0-9]{0,19})$',
      description: 'The batch; 0 for a course without batches',
    }),
  ),
});

/** Where the learner stands after an action (Lectern's addition to Zoho's success body). */
export const OutcomeBody = Type.Object({
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  completion: Type.Object({
    state: Type.String({ description: 'notStarted, inProgress or completed (an entity); completed or notCompleted' }),
    isModuleCompleted: Type.Boolean(),
    isCourseCompleted: Type.Boolean(),
  }),
});

/** Zoho's requisite-entities sample (code is the number 200 here). */
export const LockedEntitiesBody = Type.Object({
  code: Type.Literal(200),
  lockedEntities: Type.Array(
    Type.Object({ lockedEntityName: Type.String(), lockedEntityId: Type.String(), lockedEntityType: Type.String() }),
  ),
  message: Type.Literal('success'),
});
