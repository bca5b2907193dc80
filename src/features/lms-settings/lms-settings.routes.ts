/** Zoho's Settings API, Fetch Settings: GET /api/v1/lmssettings (scope READ). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses, pageSize, successEnvelope } from '../../http/envelope.ts';
import { presentLmsSettings } from './lms-settings.presenter.ts';
import { LmsSettingsSchema } from './lms-settings.schemas.ts';
import { getLmsSettings } from './lms-settings.service.ts';

/** Registers Fetch Settings. */
export function registerLmsSettingsRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/api/v1/lmssettings',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getLmsSettings',
        description:
          "The portal's LMS settings as Lectern holds them (provisional shape: Zoho's page shows no response). " +
          'Takes no parameters.',
        tags: ['settings'],
        response: { 200: successEnvelope('settings', LmsSettingsSchema), ...errorResponses },
      },
    },
    async (request) => ({
      code: '200' as const,
      settings: presentLmsSettings(await getLmsSettings(context, request.caller), pageSize),
      message: 'success' as const,
    }),
  );
}
