/** The control room's portal clock: GET/PUT/DELETE /lectern/v1/portals/{portalId}/clock and POST .../clock/advance. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../http/envelope.ts';
import { advancePortalClockBody, PortalClockSchema, portalClockParams, setPortalClockBody } from './clock.schemas.ts';
import {
  advancePortalClock,
  assertMayControl,
  readPortalClock,
  resetPortalClock,
  setPortalClock,
} from './clock.service.ts';
import { reachPortal } from './portals.access.ts';

const tags = ['lectern'];

/** The path's portal, once the caller is known to control it (a demo portal's admin, or the operator). */
async function controlled(context: AppContext, request: FastifyRequest): Promise<string> {
  const { portalId } = request.params as { portalId: string };
  assertMayControl(request.caller, portalId);
  await reachPortal(context, request.caller, portalId);
  return portalId;
}
const response = { 200: PortalClockSchema, ...errorResponses };

/** Registers the portal clock routes (operator, or the admin of that portal). */
export function registerPortalClockRoutes(app: FastifyInstance, context: AppContext): void {
  const path = '/lectern/v1/portals/:portalId/clock';
  app.get(
    path,
    {
      config: { scope: 'READ', access: 'admin' },
      schema: { operationId: 'getPortalClock', tags, params: portalClockParams, response },
    },
    async (request) => readPortalClock(context, await controlled(context, request)),
  );

  app.put(
    path,
    {
      config: { scope: 'UPDATE', access: 'admin' },
      // An empty body freezes nothing and moves nothing: it pins the offset the clock has now.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        operationId: 'setPortalClock',
        tags,
        description:
          "Sets the portal's time. Every time-dependent rule of the portal follows it: locks, schedulers, " +
          'minimum-capacity cancellation, rate-limit windows and token expiry.',
        params: portalClockParams,
        body: setPortalClockBody,
        response,
      },
    },
    async (request) =>
      setPortalClock(
        context,
        await controlled(context, request),
        request.body as { now?: string | number; frozen?: boolean },
      ),
  );

  app.post(
    `${path}/advance`,
    {
      config: { scope: 'UPDATE', access: 'admin' },
      schema: {
        operationId: 'advancePortalClock',
        tags,
        params: portalClockParams,
        body: advancePortalClockBody,
        response,
      },
    },
    async (request) =>
      advancePortalClock(context, await controlled(context, request), (request.body as { by: string | number }).by),
  );

  app.delete(
    path,
    {
      config: { scope: 'UPDATE', access: 'admin' },
      schema: { operationId: 'resetPortalClock', tags, params: portalClockParams, response },
    },
    async (request) => resetPortalClock(context, await controlled(context, request)),
  );
}
