/**
 * The request journal: the hooks that record each journaled request (onSend keeps a bounded copy of the answer,
 * onResponse files the entry) and the routes that read and clear it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../http/envelope.ts';
import { pathId } from '../http/input.ts';
import { maskUrlSecrets } from '../http/request-log.ts';
import { pathOfUrl } from './faults.pattern.ts';
import { PortalParams } from './faults.schemas.ts';
import { boundBuffer, boundText, redactBody, redactHeaders } from './journal.redaction.ts';
import { clearJournalResponse200, listJournalQuery, listJournalResponse200 } from './journal.schemas.ts';
import type { JournalBook, JournalEntry, JournalQuery } from './journal.service.ts';
import { reachPortalId } from './portals.access.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The portal whose journal this request goes to, decided when its answer is sent; null: none. */
    journalPortal: string | null;
    /** The answer's body as the journal keeps it. */
    journalResponse: string | null;
  }
}

/** The control room's own routes (faults, journal, mailbox, the portals' snapshots) are never journaled. */
const controlRoomPrefix = '/lectern/v1/portals/';

function journaledPortal(request: FastifyRequest, portals: Config['journal']['portals']): string | null {
  const caller = request.caller;
  if (caller === null || portals === 'off') return null;
  if (portals === 'demo' && !caller.portalHoldsDemo) return null;
  if (request.routeOptions.url?.startsWith(controlRoomPrefix)) return null;
  return caller.portalId;
}

function capturedAnswer(payload: unknown): string | null {
  if (typeof payload === 'string') return boundText(payload);
  if (Buffer.isBuffer(payload)) return boundBuffer(payload);
  if (payload === null || payload === undefined) return null;
  return '[a streamed body: not recorded]';
}

function capturedBody(request: FastifyRequest): { text: string | null; type: JournalEntry['bodyType'] } {
  const contentType = request.headers['content-type'] ?? '';
  const type = contentType.includes('x-www-form-urlencoded') ? 'form' : contentType.includes('json') ? 'json' : 'other';
  if (request.sentBodyText !== null) return { text: boundText(request.sentBodyText), type };
  if (contentType.startsWith('multipart/')) return { text: '[a multipart body: not recorded]', type: 'other' };
  return { text: null, type };
}

function entryOf(request: FastifyRequest, status: number | null, now: number, durationMs: number): JournalEntry {
  const body = capturedBody(request);
  return {
    requestId: request.id,
    at: now,
    method: request.method,
    url: request.url,
    headers: redactHeaders(request.headers),
    body: body.text,
    bodyType: body.type,
    status,
    responseBody: status === null ? null : request.journalResponse,
    durationMs,
    erecno: request.caller.erecno,
    fault: request.faultId,
    dropped: status === null,
  };
}

/** What the fault hook calls when it drops a connection: the journal records the request without an answer. */
export type DropRecorder = (request: FastifyRequest, startedAt: number) => void;

/** Registers the journal's hooks; answers the recorder of dropped requests. */
export function registerJournalCapture(app: FastifyInstance, context: AppContext, book: JournalBook): DropRecorder {
  const portals = context.config.journal.portals;
  app.decorateRequest('journalPortal', null);
  app.decorateRequest('journalResponse', null);
  // Callback hooks: the journal's cost on the request path is a few property reads when a request is not journaled.
  app.addHook('onSend', (request: FastifyRequest, _reply: FastifyReply, payload: unknown, done) => {
    const portalId = journaledPortal(request, portals);
    if (portalId !== null) {
      request.journalPortal = portalId;
      request.journalResponse = capturedAnswer(payload);
    }
    done(null, payload);
  });
  app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
    const portalId = request.journalPortal;
    if (portalId !== null) {
      book.record(portalId, entryOf(request, reply.statusCode, context.clock.now(), reply.elapsedTime));
    }
    done();
  });
  return (request, startedAt) => {
    const portalId = journaledPortal(request, portals);
    if (portalId !== null) {
      book.record(portalId, entryOf(request, null, context.clock.now(), performance.now() - startedAt));
    }
  };
}

/** An entry as shown: the query masked as the log masks it, credentials in bodies replaced. */
function present(entry: JournalEntry) {
  const { bodyType, url, ...shown } = entry;
  const masked = url.includes('?') ? maskUrlSecrets(url) : '';
  return {
    ...shown,
    path: pathOfUrl(url),
    query: masked.slice(masked.indexOf('?') + 1),
    body: entry.body === null ? null : redactBody(entry.body, bodyType),
    responseBody: entry.responseBody === null ? null : redactBody(entry.responseBody, 'json'),
    time: new Date(entry.at).toISOString(),
  };
}

/** Registers GET and DELETE /lectern/v1/portals/{portalId}/journal. */
export function registerJournalRoutes(app: FastifyInstance, context: AppContext, book: JournalBook): void {
  app.get(
    '/lectern/v1/portals/:portalId/journal',
    {
      config: { scope: 'READ', access: 'admin' },
      schema: {
        operationId: 'listJournal',
        tags: ['lectern'],
        description: "The portal's latest requests and answers, newest first (this process's memory; see docs).",
        params: PortalParams,
        querystring: listJournalQuery,
        response: { 200: listJournalResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const portalId = await reachPortalId(context, request.caller, pathId(request.params, 'portalId'));
      const { entries, hasMoreRecords } = book.read(portalId, request.query as JournalQuery);
      return {
        entries: entries.map(present),
        code: '200' as const,
        message: 'success' as const,
        hasMoreRecords,
        recording: context.config.journal.portals,
        capacity: book.capacity,
      };
    },
  );

  app.delete(
    '/lectern/v1/portals/:portalId/journal',
    {
      config: { scope: 'DELETE', access: 'admin' },
      schema: {
        operationId: 'clearJournal',
        tags: ['lectern'],
        params: PortalParams,
        response: { 200: clearJournalResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const portalId = await reachPortalId(context, request.caller, pathId(request.params, 'portalId'));
      return { code: '200' as const, message: 'success' as const, removed: book.clear(portalId) };
    },
  );
}
