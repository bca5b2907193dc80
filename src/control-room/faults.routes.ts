/**
 * Fault rules: the hook that applies them to a portal's /api/ traffic (after authentication, which names the portal and
 * the caller; before the body is read and the handler runs, so a faulted request writes nothing), and their routes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../http/envelope.ts';
import { pathId } from '../http/input.ts';
import { pathOfUrl } from './faults.pattern.ts';
import {
  createFaultBody,
  createFaultResponse200,
  FaultParams,
  listFaultsResponse200,
  PortalParams,
  removeFaultsResponse200,
} from './faults.schemas.ts';
import type { FaultBook, FaultInput, FaultRule } from './faults.service.ts';
import type { DropRecorder } from './journal.routes.ts';
import { reachPortalId } from './portals.access.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The fault rule that answered or dropped the request, if one did. */
    faultId: string | null;
  }
}

/** How a latency rule waits: a timer, or a stand-in a test resolves itself. */
export type Sleep = (ms: number) => Promise<void>;

function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  rule: FaultRule,
  recordDrop: DropRecorder,
  startedAt: number,
) {
  request.faultId = rule.id;
  if (rule.action === 'drop') {
    // No answer at all: the client sees the connection close, as when a proxy or the network fails.
    reply.hijack();
    recordDrop(request, startedAt);
    request.raw.socket?.destroy();
    return;
  }
  if (rule.retryAfterSeconds !== null) reply.header('Retry-After', String(rule.retryAfterSeconds));
  reply.code(rule.status!).send(rule.body);
}

/** Registers the hook that applies the rules (register it after authentication). */
export function registerFaultHook(app: FastifyInstance, book: FaultBook, sleep: Sleep, recordDrop: DropRecorder): void {
  app.decorateRequest('faultId', null);
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
    const caller = request.caller;
    // Only the portal's API traffic: the control room itself stays reachable to remove the rules.
    if (caller === null || !book.has(caller.portalId) || !request.url.startsWith('/api/')) return done();
    const startedAt = performance.now();
    const decision = book.decide(caller.portalId, caller.erecno, request.method, pathOfUrl(request.url));
    const apply = () => {
      if (decision.outcome === null) return done();
      answer(request, reply, decision.outcome, recordDrop, startedAt);
    };
    if (decision.delayMs === 0) return apply();
    sleep(decision.delayMs).then(apply, done);
  });
}

function present(rule: FaultRule) {
  return {
    faultId: rule.id,
    method: rule.method,
    path: rule.path,
    erecno: rule.erecno,
    action: rule.action,
    status: rule.status,
    body: rule.body,
    latencyMs: rule.latencyMs,
    retryAfterSeconds: rule.retryAfterSeconds,
    remaining: rule.remaining,
    probability: rule.probability,
    hits: rule.hits,
    createdAt: rule.createdAt,
  };
}

function route(operationId: string, scope: 'READ' | 'CREATE' | 'DELETE', schema: object) {
  return { config: { scope, access: 'admin' as const }, schema: { operationId, tags: ['lectern'], ...schema } };
}

/** Registers POST, GET and DELETE /lectern/v1/portals/{portalId}/faults and DELETE .../faults/{faultId}. */
export function registerFaultRoutes(app: FastifyInstance, context: AppContext, book: FaultBook): void {
  const portalOf = (request: FastifyRequest) =>
    reachPortalId(context, request.caller, pathId(request.params, 'portalId'));

  app.post(
    '/lectern/v1/portals/:portalId/faults',
    route('createFault', 'CREATE', {
      description: "Adds a fault rule to the portal's /api/ traffic (this process's memory; see docs).",
      params: PortalParams,
      body: createFaultBody,
      response: { 200: createFaultResponse200, ...errorResponses },
    }),
    async (request) => {
      const portalId = await portalOf(request);
      const rule = book.add(context, portalId, request.body as FaultInput);
      return { code: '200' as const, fault: present(rule), message: 'success' as const };
    },
  );

  app.get(
    '/lectern/v1/portals/:portalId/faults',
    route('listFaults', 'READ', { params: PortalParams, response: { 200: listFaultsResponse200, ...errorResponses } }),
    async (request) => {
      const portalId = await portalOf(request);
      const faults = book.list(portalId).map(present);
      return { faults, code: '200' as const, message: 'success' as const, hasMoreRecords: false };
    },
  );

  app.delete(
    '/lectern/v1/portals/:portalId/faults/:faultId',
    route('deleteFault', 'DELETE', {
      params: FaultParams,
      response: { 200: removeFaultsResponse200, ...errorResponses },
    }),
    async (request) => {
      const portalId = await portalOf(request);
      book.remove(portalId, pathId(request.params, 'faultId'));
      return { code: '200' as const, message: 'success' as const, removed: 1 };
    },
  );

  app.delete(
    '/lectern/v1/portals/:portalId/faults',
    route('clearFaults', 'DELETE', {
      params: PortalParams,
      response: { 200: removeFaultsResponse200, ...errorResponses },
    }),
    async (request) => {
      const portalId = await portalOf(request);
      return { code: '200' as const, message: 'success' as const, removed: book.clear(portalId) };
    },
  );
}
