/**
 * `Idempotency-Key` on writes: the same key and request within the TTL answers the first response again
 * and writes nothing; the same key with another request is refused. Zoho lacks it; retrying clients need it.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import { type CommitClaim, runWithCommitClaim } from '../db/commit-claims.ts';
import type { Db } from '../db/database.ts';
import { invalidInput, LmsError } from '../errors.ts';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The status a claim row keeps until the answer is stored: the write committed, its answer is not known. */
const appliedWithoutAnswer = 0;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { key: string; fingerprint: string; claim: CommitClaim | null } | null;
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

  /** The key's row, written by the commit of the request's first write transaction (see commit-claims.ts). */
  const claimFor = (request: FastifyRequest, key: string, fingerprint: string): CommitClaim => {
    const now = clock.now();
    const row = {
      portal_id: request.caller.portalId,
      token_hash: request.caller.tokenHash,
      key,
      fingerprint,
      status_code: appliedWithoutAnswer,
      body: '',
      content_type: '',
      created_at: now,
    };
    const query = db
      .insertInto('idempotency_keys')
      .values(row)
      // An expired row of the same key gives way; a live one means a twin request in another process got there first.
      .onConflict((conflict) =>
        conflict
          .columns(['token_hash', 'key'])
          .doUpdateSet(row)
          .where('idempotency_keys.created_at', '<=', now - ttlMs),
      )
      .compile();
    return { query, committed: false, lost: false };
  };

  const replay = async (request: FastifyRequest, reply: FastifyReply, key: string): Promise<boolean> => {
    const fingerprint = fingerprintOf(request);
    const stored = await findStored(request.caller.tokenHash, key);
    if (stored === undefined) {
      request.idempotency = { key, fingerprint, claim: null };
      return false;
    }
    if (stored.fingerprint !== fingerprint) {
      throw new LmsError(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key was already used for a different request');
    }
    if (stored.status_code === appliedWithoutAnswer) {
      throw new LmsError(
        409,
        'IDEMPOTENCY_KEY_APPLIED',
        'A request with this Idempotency-Key was applied, but its answer was not kept (it is still being sent, or the server stopped first); read the resource to see it',
      );
    }
    reply.header('Idempotent-Replayed', 'true').header('content-type', stored.content_type);
    reply.status(stored.status_code).send(stored.body);
    return true;
  };

  app.addHook('preHandler', (request, reply, done) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !writeMethods.has(request.method) || request.caller === null) return done();
    if (key.length === 0 || key.length > 255)
      return done(invalidInput('Idempotency-Key', 'must be 1 to 255 characters'));
    // Claim the key before the lookup: a twin request arriving while this one runs is refused rather than racing it.
    const slot = `${request.caller.tokenHash} ${key}`;
    if (inFlight.has(slot)) {
      return done(new LmsError(409, '409', 'A request with this Idempotency-Key is still in progress'));
    }
    inFlight.add(slot);
    replay(request, reply, key).then(
      (replayed) => {
        if (replayed) {
          inFlight.delete(slot);
          return;
        }
        const pending = request.idempotency!;
        // The handler runs inside the claim's scope, so whichever transaction it opens first carries the claim.
        pending.claim = claimFor(request, key, pending.fingerprint);
        runWithCommitClaim(pending.claim, () => done());
      },
      (error: Error) => {
        inFlight.delete(slot);
        done(error);
      },
    );
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.idempotency;
    if (!pending) return payload;
    request.idempotency = null;
    const slot = `${request.caller.tokenHash} ${pending.key}`;
    try {
      // Server errors are not remembered: a retry should get another chance, unless the write committed, when its
      // claim row stays and a retry is told so.
      if (reply.statusCode < 500 && typeof payload === 'string' && pending.claim?.lost !== true) {
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
