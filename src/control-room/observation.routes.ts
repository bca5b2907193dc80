/** The control room's observation half: fault rules, the request journal and the mailbox, with their hooks. */
import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { registerFaultHook, registerFaultRoutes, type Sleep } from './faults.routes.ts';
import { FaultBook } from './faults.service.ts';
import { registerJournalCapture, registerJournalRoutes } from './journal.routes.ts';
import { JournalBook } from './journal.service.ts';
import { registerMailboxRoutes } from './mailbox.routes.ts';

/** What tests replace: the chance behind probabilistic rules, and how latency rules wait. */
export interface ObservationOptions {
  random?: () => number;
  sleep?: Sleep;
}

/** Registers the hooks (after authentication's) and the routes under /lectern/v1/portals/{portalId}/. */
export function registerObservationRoutes(
  app: FastifyInstance,
  context: AppContext,
  options: ObservationOptions = {},
): void {
  const journal = new JournalBook(context.config.journal.size);
  const faults = new FaultBook(options.random ?? Math.random);
  const recordDrop = registerJournalCapture(app, context, journal);
  // A server that is closing cuts the waits short rather than holding its shutdown for up to 30 s.
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());
  const sleep: Sleep = (ms) => delay(ms, undefined, { signal: closing.signal }).catch(() => undefined);
  registerFaultHook(app, faults, options.sleep ?? sleep, recordDrop);
  registerFaultRoutes(app, context, faults);
  registerJournalRoutes(app, context, journal);
  registerMailboxRoutes(app, context);
}
