/**
 * Contents: Zoho's read endpoints in both families (`/api/v1/...`), and Lectern's own write API under
 * `/lectern/v1/courses/{c}[/batches/{b}]/modules/{m}/contents[/{contentId}]`, since Zoho documents no way to make them.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/envelope.ts';
import { pathId } from '../../http/input.ts';
import { entityPath, familyParams, readEntityData, registerEntityRoutes } from '../entities/entity.routes.ts';
import * as entities from '../entities/entity.service.ts';
import {
  ContentDataInput,
  type ContentInput,
  ContentSchema,
  ContentUpdateInput,
  contentFields,
  contentKind,
  presentContent,
} from './content.kind.ts';

/** Lectern's own families: the same shapes as Zoho's, under the control-plane prefix. */
const writeFamilies = [
  { base: '/lectern/v1/courses/:courseId', infix: '', batch: false },
  { base: '/lectern/v1/courses/:courseId/batches/:batchId', infix: 'Batch', batch: true },
] as const;

// The same envelope as Zoho's entity answers (`code` the number 200, as the link samples have it).
const single = Type.Object({ code: Type.Literal(200), content: ContentSchema, message: Type.Literal('success') });
const done = Type.Object({ code: Type.Literal(200), message: Type.Literal('success') });
const dataQuery = Type.Object({ contentData: Type.Optional(Type.String({ description: 'JSON' })) });
const body = Type.Optional(
  Type.Unknown({ description: 'contentData as a JSON body, bare or wrapped, or a form field' }),
);
const tags = ['contents'];

function answer(view: entities.EntityView) {
  return { code: 200 as const, content: presentContent(view), message: 'success' as const };
}

/** Registers the read endpoints (Zoho's) and the write endpoints (Lectern's own). */
export function registerContentRoutes(app: FastifyInstance, context: AppContext): void {
  registerEntityRoutes(app, context, contentKind);

  for (const family of writeFamilies) {
    const modulePath = `${family.base}/modules/:moduleId/contents`;
    const itemPath = `${modulePath}/:contentId`;
    const moduleParams = familyParams(family.batch, ['moduleId']);
    const itemParams = familyParams(family.batch, ['moduleId', 'contentId']);
    const opId = (verb: string) => `${verb}${family.infix}Content`;

    app.post(
      modulePath,
      {
        config: { scope: 'CREATE' },
        schema: {
          operationId: opId('create'),
          tags,
          params: moduleParams,
          querystring: dataQuery,
          body,
          response: { 200: single, ...errorResponses },
        },
      },
      async (request, reply) => {
        const path = entityPath(request.params);
        const input = readEntityData<ContentInput>(request, reply, 'contentData', ContentDataInput);
        const fields = contentFields(input) as entities.EntityFields;
        return answer(await entities.createEntity(context, request.caller, path, contentKind.entityType, fields));
      },
    );
    app.patch(
      itemPath,
      {
        config: { scope: 'UPDATE' },
        schema: {
          operationId: opId('update'),
          tags,
          params: itemParams,
          querystring: dataQuery,
          body,
          response: { 200: single, ...errorResponses },
        },
      },
      async (request, reply) => {
        const path = entityPath(request.params);
        const id = pathId(request.params, 'contentId');
        const input = readEntityData<ContentInput>(request, reply, 'contentData', ContentUpdateInput);
        const view = await entities.updateEntity(
          context,
          request.caller,
          path,
          contentKind.entityType,
          id,
          'content',
          (current) => contentFields(input, current),
        );
        return answer(view);
      },
    );
    app.delete(
      itemPath,
      {
        config: { scope: 'DELETE' },
        schema: { operationId: opId('delete'), tags, params: itemParams, response: { 200: done, ...errorResponses } },
      },
      async (request) => {
        const id = pathId(request.params, 'contentId');
        const path = entityPath(request.params);
        await entities.deleteEntity(context, request.caller, path, contentKind.entityType, id, 'content');
        return { code: 200 as const, message: 'success' as const };
      },
    );
  }
}
