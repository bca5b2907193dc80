/** Routes: the six course-progress endpoints. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Registers the routes (placeholder until the feature lands). */
export function registerProgressReportRoutes(_app: FastifyInstance, _context: AppContext): void {}
