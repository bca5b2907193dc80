import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Registers the Module API (both families). */
export function registerModuleRoutes(_app: FastifyInstance, _context: AppContext): void {}
