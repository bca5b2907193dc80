/** Zoho's Link API in both families. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { registerEntityRoutes } from '../entities/index.ts';
import { linkKind } from './link.kind.ts';

/** Registers the link endpoints. */
export function registerLinkRoutes(app: FastifyInstance, context: AppContext): void {
  registerEntityRoutes(app, context, linkKind);
}
