import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Registers the Batch API. */
export function registerBatchRoutes(_app: FastifyInstance, _context: AppContext): void {}
