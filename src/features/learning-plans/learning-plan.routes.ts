/** Routes: learning plans and their progress. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Registers the routes (placeholder until the feature lands). */
export function registerLearningPlanRoutes(_app: FastifyInstance, _context: AppContext): void {}
