/** Webhooks of a portal: registering, changing and removing them, and reading their delivery log. LMS admins only. */

import type { Caller } from '../../access/index.ts';
import type { WebhookAllowance } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import type { WebhookTable } from '../../db/tables/notifications.ts';
import {
  addressRefusal,
  findDeliveryAttempts,
  generateWebhookSecret,
  isLocalhostName,
  literalAddress,
} from '../../deliveries/index.ts';
import { invalidInput, missingInput, notFound } from '../../errors.ts';
import { allEvents, webhookEventTypes } from '../../events/index.ts';
import { parseBoolean } from '../../http/input.ts';
import { parseJsonLossless } from '../../http/json-body.ts';
import * as repository from './webhook.repository.ts';

/** What POST and PATCH accept (the body as sent). */
export type WebhookInput = Record<string, unknown>;

/** A webhook and, right after it was made or its secret rotated, the secret. */
export interface WebhookResult {
  row: WebhookTable;
  secret: string | null;
}

/**
 * An http(s) URL whose host may be reached under the allowance: IP literals and localhost names are checked here;
 * other names when a delivery resolves them (their addresses may change).
 */
function readUrl(value: unknown, allowance: WebhookAllowance): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalidInput('url', 'must be an http or https URL');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalidInput('url', `must be an http or https URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidInput('url', `must be an http or https URL, got ${JSON.stringify(value)}`);
  }
  if (url.href.length > 2000) throw invalidInput('url', 'must be at most 2000 characters');
  const literal = literalAddress(url);
  const refusal =
    literal !== null
      ? addressRefusal(literal, allowance)
      : isLocalhostName(url.hostname)
        ? addressRefusal('127.0.0.1', allowance, url.hostname)
        : null;
  if (refusal !== null) throw invalidInput('url', `must point at a public address: ${refusal}`);
  return url.href;
}

/** A list of names: an array, a JSON array text, or a comma list (Fastify may hand a text over as a one-item array). */
function eventList(value: unknown): unknown[] | undefined {
  const texts = Array.isArray(value) ? value : [value];
  const list: unknown[] = [];
  for (const item of texts) {
    if (typeof item !== 'string') list.push(item);
    else if (item.trim().startsWith('[')) {
      const parsed = parseJsonLossless(item, 'events');
      if (!Array.isArray(parsed)) return undefined;
      list.push(...parsed);
    } else list.push(...item.split(',').filter((name) => name.trim() !== ''));
  }
  return list;
}

function readEvents(value: unknown): string[] {
  const list = eventList(value);
  if (list === undefined || list.length === 0) {
    throw invalidInput('events', 'must be a non-empty list of event names such as learner.enrolled.v1, or ["*"]');
  }
  const names = [...new Set(list.map((item) => (typeof item === 'string' ? item.trim() : item)))];
  for (const name of names) {
    if (name !== allEvents && !(webhookEventTypes as readonly unknown[]).includes(name)) {
      throw invalidInput(
        'events',
        `unknown event ${JSON.stringify(name)}; known: ${webhookEventTypes.join(', ')} or *`,
      );
    }
  }
  return names.includes(allEvents) ? [allEvents] : (names as string[]);
}

function readSecret(value: unknown): string {
  if (typeof value !== 'string' || value.length < 16 || value.length > 200) {
    throw invalidInput('secret', 'must be a text of 16 to 200 characters');
  }
  return value;
}

/** Registers a webhook; the secret is generated unless given, and answered once. */
export async function createWebhook(context: AppContext, caller: Caller, input: WebhookInput): Promise<WebhookResult> {
  if (input.url === undefined) throw missingInput('url');
  if (input.events === undefined) throw missingInput('events');
  const url = readUrl(input.url, context.config.webhookAllowPrivate);
  const events = readEvents(input.events);
  const secret = input.secret === undefined ? generateWebhookSecret() : readSecret(input.secret);
  const active = parseBoolean(input.active, 'active') ?? true;
  const now = context.clock.now();
  const row: WebhookTable = {
    id: context.ids.next(),
    portal_id: caller.portalId,
    url,
    events: JSON.stringify(events),
    secret,
    active: active ? 1 : 0,
    created_by: caller.erecno,
    created_at: now,
    updated_at: now,
  };
  await repository.insertWebhook(context.db, row);
  return { row, secret };
}

/** One page of the portal's webhooks. */
export function listPortalWebhooks(context: AppContext, caller: Caller, offset: number, limit: number) {
  return repository.listWebhooks(context.db, caller.portalId, offset, limit);
}

/** One webhook of the caller's portal, or 404. */
export async function getWebhook(context: AppContext, caller: Caller, id: string): Promise<WebhookTable> {
  const row = await repository.findWebhook(context.db, caller.portalId, id);
  if (row === undefined) throw notFound('webhook', id);
  return row;
}

/** Changes url, events, active, or the secret (`secret: true` generates a new one; a text sets it). */
export async function updateWebhook(
  context: AppContext,
  caller: Caller,
  id: string,
  input: WebhookInput,
): Promise<WebhookResult> {
  return context.db.transaction().execute(async (trx) => {
    const row = await repository.findWebhook(trx, caller.portalId, id);
    if (row === undefined) throw notFound('webhook', id);
    const changes: Partial<WebhookTable> = {};
    if (input.url !== undefined) changes.url = readUrl(input.url, context.config.webhookAllowPrivate);
    if (input.events !== undefined) changes.events = JSON.stringify(readEvents(input.events));
    const active = parseBoolean(input.active, 'active');
    if (active !== undefined) changes.active = active ? 1 : 0;
    let secret: string | null = null;
    if (input.secret === true || input.secret === 'true') secret = generateWebhookSecret();
    else if (input.secret !== undefined) secret = readSecret(input.secret);
    if (secret !== null) changes.secret = secret;
    changes.updated_at = context.clock.now();
    await repository.updateWebhook(trx, id, changes);
    return { row: { ...row, ...changes }, secret };
  });
}

/** Removes a webhook with its deliveries and their log. */
export async function deleteWebhook(context: AppContext, caller: Caller, id: string): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const row = await repository.findWebhook(trx, caller.portalId, id);
    if (row === undefined) throw notFound('webhook', id);
    await repository.deleteWebhook(trx, id);
  });
}

/** A page of a webhook's deliveries with their attempts (three queries). */
export async function listWebhookDeliveries(
  context: AppContext,
  caller: Caller,
  id: string,
  offset: number,
  limit: number,
) {
  await getWebhook(context, caller, id);
  const deliveries = await repository.listDeliveries(context.db, id, offset, limit);
  const attempts = await findDeliveryAttempts(
    context.db,
    deliveries.map((delivery) => delivery.id),
  );
  return { deliveries, attempts };
}
