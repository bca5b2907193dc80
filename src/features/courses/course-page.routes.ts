/** The page courseURL leads to: GET /app/courses/{courseId}, without a token (see course-page.service.ts). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { pathId } from '../../http/input.ts';
import { renderCoursePage } from './course-page.service.ts';

/** Registers the course page; it stays out of the OpenAPI document (a page for people, not an API operation). */
export function registerCoursePageRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/app/courses/:courseId', { schema: { hide: true, operationId: 'coursePage' } }, async (request, reply) => {
    const { status, html } = await renderCoursePage(context.db, pathId(request.params, 'courseId'));
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-cache')
      .send(html);
  });
}
