/** Routes: learner history under /lectern/v1. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Registers the routes (placeholder until the feature lands). */
export function registerHistoryRoutes(_app: FastifyInstance, _context: AppContext): void {}
