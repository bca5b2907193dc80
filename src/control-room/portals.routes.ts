/** The control room's portal routes under /lectern/v1/portals: list, delete, reset; snapshots and fixtures beside. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { PortalTable } from '../db/database.ts';
import { errorResponses, listEnvelope, page, pageSize, SuccessBody, success } from '../http/envelope.ts';
import { pathId, readStartIndex } from '../http/input.ts';
import { registerFixtureRoutes } from './fixtures.routes.ts';
import {
  ControlPortalSchema,
  listPortalsQuery,
  portalParams,
  resetPortalBody,
  resetPortalResponse200,
} from './portals.schemas.ts';
import { deletePortal, listPortals, type ResetTarget, resetPortal } from './portals.service.ts';
import { registerSnapshotRoutes } from './snapshots.routes.ts';

function presentPortal(row: PortalTable) {
  return {
    portalId: row.id,
    name: row.name,
    urlName: row.url_name,
    timeZone: row.time_zone,
    createdAt: Number(row.created_at),
  };
}

/** Registers the control room's portal, snapshot and fixture routes. */
export function registerPortalControlRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/lectern/v1/portals',
    {
      config: { scope: 'READ', access: 'admin' },
      schema: {
        operationId: 'listPortals',
        tags: ['lectern'],
        description: "Every portal of the store for the operator; the caller's own for a portal admin.",
        querystring: listPortalsQuery,
        response: { 200: listEnvelope('portals', ControlPortalSchema), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listPortals(context, request.caller, {
        startIndex: readStartIndex(request),
        limit: pageSize + 1,
      });
      const { items, hasMoreRecords } = page(rows);
      return { portals: items.map(presentPortal), code: '200', message: 'success', hasMoreRecords };
    },
  );

  app.delete(
    '/lectern/v1/portals/:portalId',
    {
      config: { scope: 'DELETE', access: 'operator' },
      schema: {
        operationId: 'deletePortal',
        tags: ['lectern'],
        description: 'Deletes the portal and all its rows in every table, in one transaction.',
        params: portalParams,
        response: { 200: SuccessBody, ...errorResponses },
      },
    },
    async (request) => {
      await deletePortal(context, request.caller, pathId(request.params, 'portalId'));
      return success;
    },
  );

  app.post(
    '/lectern/v1/portals/:portalId/reset',
    {
      config: { scope: 'UPDATE', access: 'admin' },
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        operationId: 'resetPortal',
        tags: ['lectern'],
        description:
          'Puts the portal back to its initial snapshot, or empties it, keeping the portal, its tokens, OAuth ' +
          'clients and snapshots.',
        params: portalParams,
        body: resetPortalBody,
        response: { 200: resetPortalResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const portalId = pathId(request.params, 'portalId');
      const to: ResetTarget = (request.body as { to?: ResetTarget }).to ?? 'initial';
      const { rowCount } = await resetPortal(context, request.caller, portalId, to);
      return { code: '200' as const, message: 'success' as const, portalId, to, rowCount };
    },
  );

  registerSnapshotRoutes(app, context);
  registerFixtureRoutes(app, context);
}
