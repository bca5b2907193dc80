/** GET and PATCH /lectern/v1/portal/settings: the calling token's portal's settings. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import {
  PortalSettingsSchema,
  readPortalSettings,
  updatePortalSettings,
  updatePortalSettingsBody,
} from '../features/people/index.ts';
import { errorResponses } from '../http/envelope.ts';

const tags = ['lectern'];
const response = { 200: PortalSettingsSchema, ...errorResponses };

/** Registers the portal settings: read by any READ token of the portal, changed by its admin. */
export function registerPortalSettingsRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/lectern/v1/portal/settings',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getPortalSettings',
        tags,
        description:
          "The calling token's portal's settings: name, time zone, date format, week start, e-mail sender and " +
          'notification defaults. Any token of the portal may read them (every face of a client shows dates).',
        response,
      },
    },
    async (request) => readPortalSettings(context, request.caller.portalId),
  );

  app.patch(
    '/lectern/v1/portal/settings',
    {
      config: { scope: 'UPDATE', access: 'admin' },
      schema: {
        operationId: 'updatePortalSettings',
        tags,
        description:
          'Changes the settings the body names (keys not sent keep their values); the portal admin only. A bad ' +
          'field is a 400 naming it, and nothing is written.',
        body: updatePortalSettingsBody,
        response,
      },
      // The service checks every field and names the bad one; the schema documents the shapes.
      attachValidation: true,
    },
    async (request) => updatePortalSettings(context, request.caller.portalId, request.body ?? null),
  );
}
