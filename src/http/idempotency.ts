/**
 * `Idempotency-Key` on writes: the same key and request within the TTL answers the first response again
 * and writes nothing; the same key with another request is refused. Zoho lacks it; retrying clients need it.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { invalidInput, LmsError } from '../errors.ts';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { key: string; fingerprint: string } | null;
  }
}

function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/** Registers the replay check (after auth and body parsing) and the store (as the response leaves). */
export function registerIdempotency(app: FastifyInstance, dependencies: { db: Db; clock: Clock; ttlMs: number }): void {
  const { db, clock, ttlMs } = dependencies;
  const inFlight = new Set<string>();
  app.decorateRequest('idempotency', null);

  const findStored = (tokenHash: string, key: string) =>
    db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('key', '=', key)
      .where('created_at', '>', clock.now() - ttlMs)
      .executeTakeFirst();

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !writeMethods.has(request.method) || request.caller === null) return;
    if (key.length === 0 || key.length > 255) throw invalidInput('Idempotency-Key', 'must be 1 to 255 characters');
    const fingerprint = fingerprintOf(request);
    // Claim the key before the lookup: a twin request arriving while this one runs is refused rather than racing it.
    const slot = `${request.caller.tokenHash} ${key}`;
    if (inFlight.has(slot)) {
      throw new LmsError(409, '409', 'A request with this Idempotency-Key is still in progress');
    }
    inFlight.add(slot);
    let stored: Awaited<ReturnType<typeof findStored>>;
    try {
      stored = await findStored(request.caller.tokenHash, key);
    } catch (error) {
      inFlight.delete(slot);
      throw error;
    }
    if (stored !== undefined) {
      inFlight.delete(slot);
      if (stored.fingerprint !== fingerprint) {
        throw new LmsError(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key was already used for a different request');
      }
      reply.header('Idempotent-Replayed', 'true').header('content-type', stored.content_type);
      return reply.status(stored.status_code).send(stored.body);
    }
    request.idempotency = { key, fingerprint };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.idempotency;
    if (!pending) return payload;
    request.idempotency = null;
    const slot = `${request.caller.tokenHash} ${pending.key}`;
    try {
      // Server errors are not remembered: a retry should get another chance.
      if (reply.statusCode < 500 && typeof payload === 'string') {
        const row = {
          portal_id: request.caller.portalId,
          token_hash: request.caller.tokenHash,
          key: pending.key,
          fingerprint: pending.fingerprint,
          status_code: reply.statusCode,
          body: payload,
          content_type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
          created_at: clock.now(),
        };
        await db
          .insertInto('idempotency_keys')
          .values(row)
          .onConflict((conflict) => conflict.columns(['token_hash', 'key']).doUpdateSet(row))
          .execute();
      }
    } finally {
      inFlight.delete(slot);
    }
    return payload;
  });
}
