/** The control room's snapshot routes: take, list, restore and delete a portal's named snapshots. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { errorResponses, SuccessBody, success } from '../http/envelope.ts';
import { pathId } from '../http/input.ts';
import { portalParams } from './portals.schemas.ts';
import {
  createSnapshotBody,
  createSnapshotResponse200,
  listSnapshotsResponse200,
  restoreSnapshotResponse200,
  snapshotParams,
} from './snapshots.schemas.ts';
import { deleteSnapshot, listSnapshots, restoreSnapshot, takeSnapshot } from './snapshots.service.ts';

function snapshotName(params: unknown): string {
  return (params as { snapshotName: string }).snapshotName;
}

/** Registers /lectern/v1/portals/{portalId}/snapshots and its children. */
export function registerSnapshotRoutes(app: FastifyInstance, context: AppContext): void {
  app.post(
    '/lectern/v1/portals/:portalId/snapshots',
    {
      config: { scope: 'CREATE', access: 'admin' },
      schema: {
        operationId: 'createSnapshot',
        tags: ['lectern'],
        description: "Copies the portal's data into a named snapshot (replacing one of that name).",
        params: portalParams,
        body: createSnapshotBody,
        response: { 200: createSnapshotResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const portalId = pathId(request.params, 'portalId');
      const name = (request.body as { name: string }).name;
      const snapshot = await takeSnapshot(context, request.caller, portalId, name);
      return { code: '200' as const, message: 'success' as const, snapshot };
    },
  );

  app.get(
    '/lectern/v1/portals/:portalId/snapshots',
    {
      config: { scope: 'READ', access: 'admin' },
      schema: {
        operationId: 'listSnapshots',
        tags: ['lectern'],
        params: portalParams,
        response: { 200: listSnapshotsResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const snapshots = await listSnapshots(context, request.caller, pathId(request.params, 'portalId'));
      return { code: '200' as const, message: 'success' as const, snapshots };
    },
  );

  app.post(
    '/lectern/v1/portals/:portalId/snapshots/:snapshotName/restore',
    {
      config: { scope: 'UPDATE', access: 'admin' },
      schema: {
        operationId: 'restoreSnapshot',
        tags: ['lectern'],
        description: "Replaces the portal's data by the snapshot's, in one transaction.",
        params: snapshotParams,
        response: { 200: restoreSnapshotResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const portalId = pathId(request.params, 'portalId');
      const rowCount = await restoreSnapshot(context, request.caller, portalId, snapshotName(request.params));
      return { code: '200' as const, message: 'success' as const, rowCount };
    },
  );

  app.delete(
    '/lectern/v1/portals/:portalId/snapshots/:snapshotName',
    {
      config: { scope: 'DELETE', access: 'admin' },
      schema: {
        operationId: 'deleteSnapshot',
        tags: ['lectern'],
        params: snapshotParams,
        response: { 200: SuccessBody, ...errorResponses },
      },
    },
    async (request) => {
      const portalId = pathId(request.params, 'portalId');
      await deleteSnapshot(context, request.caller, portalId, snapshotName(request.params));
      return success;
    },
  );
}
