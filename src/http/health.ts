/** Liveness and readiness probes (no auth). */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';

/** Registers GET /healthz (the process answers) and GET /readyz (the database answers too). */
export function registerHealthRoutes(app: FastifyInstance, context: AppContext): void {
  const Status = Type.Object({ status: Type.String() });
  app.get(
    '/healthz',
    { schema: { operationId: 'getHealth', tags: ['operations'], security: [], response: { 200: Status } } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    { schema: { operationId: 'getReadiness', tags: ['operations'], security: [], response: { 200: Status, 503: Status } } },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(context.db);
        return { status: 'ready' };
      } catch {
        return reply.status(503).send({ status: 'database unavailable' });
      }
    },
  );
}
