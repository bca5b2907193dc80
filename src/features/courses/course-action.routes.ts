import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Registers the Course Action API. */
export function registerCourseActionRoutes(_app: FastifyInstance, _context: AppContext): void {}
