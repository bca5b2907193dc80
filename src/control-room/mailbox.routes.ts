/** Routes: the portal's mailbox (its outbox of e-mails and webhook deliveries), read and cleared. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../http/envelope.ts';
import { pathId } from '../http/input.ts';
import { PortalParams } from './faults.schemas.ts';
import { clearMailboxResponse200, listMailboxQuery, listMailboxResponse200 } from './mailbox.schemas.ts';
import { clearMailbox, type MailboxQuery, readMailbox } from './mailbox.service.ts';
import { reachPortalId } from './portals.access.ts';

/** Registers GET and DELETE /lectern/v1/portals/{portalId}/mailbox. */
export function registerMailboxRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/lectern/v1/portals/:portalId/mailbox',
    {
      config: { scope: 'READ', access: 'admin' },
      schema: {
        operationId: 'listMailbox',
        tags: ['lectern'],
        description: 'Every e-mail and webhook delivery the portal queued, newest first, with its delivery status.',
        params: PortalParams,
        querystring: listMailboxQuery,
        response: { 200: listMailboxResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const portalId = await reachPortalId(context, request.caller, pathId(request.params, 'portalId'));
      const { messages, hasMoreRecords } = await readMailbox(context, portalId, request.query as MailboxQuery);
      return { messages, code: '200' as const, message: 'success' as const, hasMoreRecords };
    },
  );

  app.delete(
    '/lectern/v1/portals/:portalId/mailbox',
    {
      config: { scope: 'DELETE', access: 'admin' },
      schema: {
        operationId: 'clearMailbox',
        tags: ['lectern'],
        description: "Deletes the portal's e-mails and webhook deliveries; pending ones are then never sent.",
        params: PortalParams,
        response: { 200: clearMailboxResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const portalId = await reachPortalId(context, request.caller, pathId(request.params, 'portalId'));
      const removed = await clearMailbox(context, portalId);
      return { code: '200' as const, message: 'success' as const, ...removed };
    },
  );
}
