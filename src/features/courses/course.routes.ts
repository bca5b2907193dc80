import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Registers the Course API. */
export function registerCourseRoutes(_app: FastifyInstance, _context: AppContext): void {}
