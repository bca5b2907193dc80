import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Registers the iCalendar feeds. */
export function registerCalendarRoutes(_app: FastifyInstance, _context: AppContext): void {}
