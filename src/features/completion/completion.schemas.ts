/** The completion API's request schemas. */
import { Type } from '@sinclair/typebox';

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
