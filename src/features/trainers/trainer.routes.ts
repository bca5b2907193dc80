import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Registers the Trainer API. */
export function registerTrainerRoutes(_app: FastifyInstance, _context: AppContext): void {}
