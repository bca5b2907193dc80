import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Registers the Session API and attendance. */
export function registerSessionRoutes(_app: FastifyInstance, _context: AppContext): void {}
