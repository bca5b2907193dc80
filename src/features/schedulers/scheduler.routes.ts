import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Registers the Batch Scheduler API. */
export function registerSchedulerRoutes(_app: FastifyInstance, _context: AppContext): void {}
