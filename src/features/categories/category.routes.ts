import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses, listEnvelope, page, pageSize } from '../../http/envelope.ts';
import { readStartIndex } from '../../http/input.ts';
import { CategorySchema, listCategoriesQuery } from './category.schemas.ts';
import { listCourseCategories } from './category.service.ts';

/** Registers the categories endpoint. */
export function registerCategoryRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/api/v1/categories',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listCategories',
        tags: ['categories'],
        querystring: listCategoriesQuery,
        response: { 200: listEnvelope('categories', CategorySchema), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listCourseCategories(context.db, request.caller, readStartIndex(request), pageSize + 1);
      const { items, hasMoreRecords } = page(rows);
      return {
        categories: items.map((row) => ({ categoryId: row.id, name: row.name })),
        code: '200',
        message: 'success',
        hasMoreRecords,
      };
    },
  );
}
