import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Registers the Batch Action API. */
export function registerBatchActionRoutes(_app: FastifyInstance, _context: AppContext): void {}
