/** Zoho's Offline Test API in both families, with Update Offline Test Marks. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { registerEntityRoutes } from '../entities/index.ts';
import { registerMarksRoutes } from './entity-marks.routes.ts';
import { offlineTestKind, offlineTestMaximumKey } from './offline-test.kind.ts';

/** Registers the offline test endpoints. */
export function registerOfflineTestRoutes(app: FastifyInstance, context: AppContext): void {
  registerEntityRoutes(app, context, offlineTestKind);
  registerMarksRoutes(app, context, {
    entityType: offlineTestKind.entityType,
    what: 'offline test',
    maximumKey: offlineTestMaximumKey,
    plural: offlineTestKind.plural,
    idParam: offlineTestKind.idParam,
    noun: offlineTestKind.noun,
  });
}
