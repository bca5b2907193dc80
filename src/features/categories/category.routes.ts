/** Zoho's Categories API: GET /api/v1/categories (course categories). */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses, listEnvelope, page, pageSize } from '../../http/envelope.ts';
import { readStartIndex } from '../../http/input.ts';
import { startIndexParameter } from '../../http/parameters.ts';
import { CategorySchema } from './category.schemas.ts';
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
        querystring: Type.Object({ startIndex: startIndexParameter }),
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
