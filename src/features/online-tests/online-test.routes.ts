import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/envelope.ts';
import { pathId } from '../../http/input.ts';
import { registerEntityRoutes } from '../entities/index.ts';
import { onlineTestKind } from './online-test.kind.ts';
import { previewOnlineTestParams, previewOnlineTestResponse200 } from './online-test.schemas.ts';
import { loadPreview, renderPreview } from './online-test-preview.ts';
import { registerQuestionRoutes } from './question.routes.ts';

/** Registers the online test endpoints, the preview page, and Lectern's questions and attempts. */
export function registerOnlineTestRoutes(app: FastifyInstance, context: AppContext): void {
  // Zoho's menu has no course- or batch-wide list of this kind: Lectern's is under /lectern/v1.
  registerEntityRoutes(app, context, onlineTestKind, { parentListPrefix: '/lectern/v1' });
  registerQuestionRoutes(app, context);
  app.get(
    '/lectern/v1/online-tests/:onlineTestId/preview',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'previewOnlineTest',
        description: "An online test's settings as an HTML page (the course's managers); the previewURL of a test.",
        tags: ['onlineTests'],
        params: previewOnlineTestParams,
        response: { 200: previewOnlineTestResponse200, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await loadPreview(context, request.caller, pathId(request.params, 'onlineTestId'));
      return reply.type('text/html; charset=utf-8').send(renderPreview(view));
    },
  );
}
