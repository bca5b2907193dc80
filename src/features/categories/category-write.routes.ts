/**
 * Routes: /lectern/v1/categories and /lectern/v1/grade-categories (create, get, patch, delete; grade categories also
 * list), one declaration per kind; reads for the portal, writes for admins. Course categories are listed by Zoho's
 * own /api/v1/categories (a route of the same tail here would shadow it); Zoho documents no grade category list.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { CategoryTable } from '../../db/database.ts';
import { invalidInput } from '../../errors.ts';
import { errorResponses, listEnvelope, page, pageSize, SuccessBody, success } from '../../http/envelope.ts';
import { pathId, readStartIndex } from '../../http/input.ts';
import {
  CategoryBody,
  CategoryEnvelope,
  CategoryParams,
  CategorySchema,
  GradeCategoryEnvelope,
  GradeCategoryParams,
  GradeCategorySchema,
  listCategoriesQuery,
} from './category.schemas.ts';
import * as service from './category.service.ts';

function bodyOf(request: FastifyRequest): { name?: string } {
  const body = request.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw invalidInput('body', 'must be a JSON object');
  return body as { name?: string };
}

/** What differs between the two kinds' routes: path, keys, operation names and schemas. */
const kinds = [
  {
    kind: 'course' as const,
    path: '/lectern/v1/categories',
    one: 'category',
    operation: 'Category',
    idKey: 'categoryId',
    item: CategorySchema,
    params: CategoryParams,
    envelope: CategoryEnvelope,
  },
  {
    kind: 'grade' as const,
    path: '/lectern/v1/grade-categories',
    one: 'gradeCategory',
    operation: 'GradeCategory',
    idKey: 'gradeCategoryId',
    item: GradeCategorySchema,
    params: GradeCategoryParams,
    envelope: GradeCategoryEnvelope,
  },
];

function route(operationId: string, scope: 'READ' | 'CREATE' | 'UPDATE' | 'DELETE', schema: object) {
  return { config: { scope }, schema: { operationId, tags: ['lectern', 'reference data'], ...schema } };
}

/** GET /lectern/v1/grade-categories: a page of the portal's grade categories. */
function registerGradeCategoryList(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/lectern/v1/grade-categories',
    route('listGradeCategories', 'READ', {
      querystring: listCategoriesQuery,
      response: { 200: listEnvelope('gradeCategories', GradeCategorySchema), ...errorResponses },
    }),
    async (request) => {
      const offset = readStartIndex(request);
      const rows = await service.listCategoriesOfKind(context, request.caller, 'grade', offset, pageSize + 1);
      const { items, hasMoreRecords } = page(rows);
      const gradeCategories = items.map((row) => ({ gradeCategoryId: row.id, name: row.name }));
      return { gradeCategories, code: '200', message: 'success', hasMoreRecords };
    },
  );
}

/** Registers both kinds' collections and items. */
export function registerCategoryWriteRoutes(app: FastifyInstance, context: AppContext): void {
  for (const spec of kinds) {
    const { kind, one, operation, idKey } = spec;
    const present = (row: CategoryTable) => ({ [idKey]: row.id, name: row.name });
    const item = `${spec.path}/:${idKey}`;

    if (kind === 'grade') registerGradeCategoryList(app, context);

    app.post(
      spec.path,
      route(`create${operation}`, 'CREATE', {
        body: CategoryBody,
        response: { 201: spec.envelope, ...errorResponses },
      }),
      async (request, reply) => {
        const row = await service.createCategory(context, request.caller, kind, bodyOf(request));
        return reply.code(201).send({ code: '200', [one]: present(row), message: 'success' });
      },
    );

    app.get(
      item,
      route(`get${operation}`, 'READ', { params: spec.params, response: { 200: spec.envelope, ...errorResponses } }),
      async (request) => {
        const row = await service.getCategory(context, request.caller, kind, pathId(request.params, idKey));
        return { code: '200', [one]: present(row), message: 'success' };
      },
    );

    app.patch(
      item,
      route(`update${operation}`, 'UPDATE', {
        params: spec.params,
        body: CategoryBody,
        response: { 200: spec.envelope, ...errorResponses },
      }),
      async (request) => {
        const id = pathId(request.params, idKey);
        const row = await service.updateCategory(context, request.caller, kind, id, bodyOf(request));
        return { code: '200', [one]: present(row), message: 'success' };
      },
    );

    app.delete(
      item,
      route(`delete${operation}`, 'DELETE', { params: spec.params, response: { 200: SuccessBody, ...errorResponses } }),
      async (request) => {
        await service.deleteCategory(context, request.caller, kind, pathId(request.params, idKey));
        return success;
      },
    );
  }
}
