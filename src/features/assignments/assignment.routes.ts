/**
 * Zoho's Assignment API in both families, with Update Assignment Marks and the update as the pages print it:
 * `PATCH .../modules/{m}/assignments?assignmentData={...}` with the assignment's id inside the data.
 */

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { missingInput } from '../../errors.ts';
import { readDataObjectInput } from '../../http/data-object.ts';
import { errorResponses } from '../../http/envelope.ts';
import { publicBase } from '../../http/public-base.ts';
import { entityFamilies, entityPath, familyParams, registerEntityRoutes, updateEntity } from '../entities/index.ts';
import { registerMarksRoutes } from '../offline-tests/index.ts';
import { assignmentKind, assignmentMaximumKey } from './assignment.kind.ts';
import {
  AssignmentEnvelope,
  type AssignmentInput,
  AssignmentUpdateInput,
  assignmentDataName,
  updateAssignmentByDataBody,
  updateAssignmentByDataQuery,
} from './assignment.schemas.ts';

/** Registers the assignment endpoints. */
export function registerAssignmentRoutes(app: FastifyInstance, context: AppContext): void {
  // Zoho's menu has no course- or batch-wide list of this kind: Lectern's is under /lectern/v1.
  registerEntityRoutes(app, context, assignmentKind, { parentListPrefix: '/lectern/v1' });
  registerMarksRoutes(app, context, {
    entityType: assignmentKind.entityType,
    what: 'assignment',
    maximumKey: assignmentMaximumKey,
    plural: assignmentKind.plural,
    idParam: assignmentKind.idParam,
    noun: assignmentKind.noun,
  });

  for (const family of entityFamilies) {
    app.patch(
      `${family.base}/modules/:moduleId/assignments`,
      {
        config: { scope: 'UPDATE' },
        schema: {
          operationId: `update${family.infix}AssignmentByData`,
          description: 'Update Assignment as the page prints it: the id is assignmentData.assignmentId.',
          tags: ['assignments'],
          params: familyParams(family.batch, ['moduleId']),
          querystring: updateAssignmentByDataQuery,
          body: updateAssignmentByDataBody,
          response: { 200: AssignmentEnvelope, ...errorResponses },
        },
      },
      async (request, reply) => {
        const path = entityPath(request.params);
        const input = readDataObjectInput<AssignmentInput>(request, reply, assignmentDataName, AssignmentUpdateInput);
        if (input.assignmentId === undefined) throw missingInput('assignmentData.assignmentId');
        const view = await updateEntity(
          context,
          request.caller,
          path,
          assignmentKind.entityType,
          input.assignmentId,
          assignmentKind.singular,
          (current) => assignmentKind.toFields!(input, current, path),
          assignmentKind.verify,
        );
        return {
          code: 200 as const,
          assignment: assignmentKind.present(view, publicBase(request, context.config)),
          message: 'success' as const,
        };
      },
    );
  }
}
