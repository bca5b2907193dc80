/** Routes: learners open and complete entities, modules and courses; requisite entities. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Registers the routes (placeholder until the feature lands). */
export function registerCompletionRoutes(_app: FastifyInstance, _context: AppContext): void {}
