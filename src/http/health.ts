/** Liveness and readiness probes (no auth). */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';

/** Registers GET /healthz (the process answers) and GET /readyz (the database, and Redis when used, answer too). */
export function registerHealthRoutes(
  app: FastifyInstance,
  context: AppContext,
  redisPing: (() => Promise<boolean>) | null,
): void {
  const Status = Type.Object({ status: Type.String() });
  // The answer is one fixed-shape object: serialising it needs no compiled serializer, so a probe right after
  // start-up does not wait for the JSON compilers to load.
  const serializerCompiler = () => (data: unknown) => JSON.stringify(data);
  app.get(
    '/healthz',
    {
      schema: { operationId: 'getHealth', tags: ['operations'], security: [], response: { 200: Status } },
      serializerCompiler,
    },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        tags: ['operations'],
        security: [],
        response: { 200: Status, 503: Status },
      },
      serializerCompiler,
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(context.db);
      } catch {
        return reply.status(503).send({ status: 'database unavailable' });
      }
      if (redisPing !== null && !(await redisPing())) return reply.status(503).send({ status: 'redis unavailable' });
      return { status: 'ready' };
    },
  );
}
