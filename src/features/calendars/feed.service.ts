/**
 * Subscribable calendar feeds: a secret URL per subject (a trainer, a learner, a room or a batch) and person, that a
 * calendar program fetches without headers. The token is 192 random bits, URL-safe, shown when it is made and never
 * again (only its SHA-256 hash is stored); rotating replaces it at once. Who may have which feed is decided when the
 * URL is made or rotated: a trainer's or learner's feed by that person and LMS admins, a room's by LMS admins, a
 * batch's by LMS admins and the trainers of its sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { addDays, dateInZone } from '../../dates.ts';
import type { CalendarFeedKind, CalendarFeedTable } from '../../db/tables/calendar-feeds.ts';
import { forbidden, invalidInput, notFound, quote } from '../../errors.ts';
import { isNumericId } from '../../ids.ts';
import { findEmployee, onPortalClock, portalTimeZone } from '../people/index.ts';
import { findRoom } from '../rooms/index.ts';
import {
  type FeedOwner,
  findBatchTrainer,
  listCancelledFeedSessions,
  listFeedSessions,
  sessionTimeZone,
} from '../sessions/index.ts';
import { buildCalendar } from './calendar.service.ts';
import * as repository from './feed.repository.ts';

/** The kinds of feed, as the API names them. */
export const feedKinds: readonly CalendarFeedKind[] = ['trainer', 'learner', 'room', 'batch'];

/** How far back and ahead a feed reaches from the portal's today, in days, and the most events of each list. */
export const feedWindow = { daysBack: 90, daysAhead: 365, maxEvents: 2000 } as const;

/** How long a deleted session stays in the feeds as cancelled, in days after its deletion. */
export const cancellationShownDays = 30;

const dayMs = 86_400_000;

/** Who asks for a feed: a request's caller, or the command line acting as a portal's admin. */
export type FeedCaller = Pick<Caller, 'portalId' | 'erecno' | 'isAdmin' | 'isOperator'>;

/** A feed as the API shows it; `url` only when a token was just made. */
export interface FeedView {
  feedId: string;
  kind: CalendarFeedKind;
  id: string;
  createdTime: number;
  rotatedTime: number;
  url?: string;
}

/** A feed token's text: 32 URL-safe characters (192 random bits). */
const tokenPattern = /^[A-Za-z0-9_-]{32}$/;

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The subscription URL of a token under a base URL. */
export function feedUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/lectern/v1/feeds/${token}.ics`;
}

function viewOf(feed: CalendarFeedTable, url?: string): FeedView {
  const view: FeedView = {
    feedId: feed.id,
    kind: feed.kind,
    id: feed.subject_id,
    createdTime: Number(feed.created_at),
    rotatedTime: Number(feed.rotated_at),
  };
  return url === undefined ? view : { ...view, url };
}

function isAdmin(caller: FeedCaller): boolean {
  return caller.isAdmin || caller.isOperator;
}

/** Checks the subject exists in the caller's portal and that the caller may have its feed (403 or 404 otherwise). */
async function checkSubject(
  context: AppContext,
  caller: FeedCaller,
  kind: CalendarFeedKind,
  id: string,
): Promise<void> {
  const { db } = context;
  const portalId = caller.portalId;
  if (kind === 'trainer' || kind === 'learner') {
    if (!isAdmin(caller) && caller.erecno !== id) {
      throw forbidden(`only LMS admins and the ${kind} themself may have a ${kind}'s feed`);
    }
    if ((await findEmployee(db, portalId, id)) === undefined) throw notFound(kind, id);
  } else if (kind === 'room') {
    if (!isAdmin(caller)) throw forbidden("only LMS admins may have a room's feed");
    if ((await findRoom(db, portalId, id)) === undefined) throw notFound('room', id);
  } else {
    const batch = await findBatchTrainer(db, portalId, id, caller.erecno);
    if (batch === undefined) throw notFound('batch', id);
    if (!isAdmin(caller) && !batch.trains) {
      throw forbidden("only LMS admins and the batch's trainers may have a batch's feed");
    }
  }
}

/** Reads and checks `{kind, id}`, naming the parameter that is wrong. */
export function readFeedSubject(body: { kind?: unknown; id?: unknown }): { kind: CalendarFeedKind; id: string } {
  const kind = body.kind;
  if (typeof kind !== 'string' || !feedKinds.includes(kind as CalendarFeedKind)) {
    throw invalidInput('kind', `must be one of ${feedKinds.join(', ')}, got ${quote(kind)}`);
  }
  const id = typeof body.id === 'number' && Number.isSafeInteger(body.id) ? String(body.id) : body.id;
  if (typeof id !== 'string' || !isNumericId(id)) throw invalidInput('id', `must be a numeric id, got ${quote(id)}`);
  return { kind: kind as CalendarFeedKind, id };
}

/**
 * Makes the caller's feed of a subject and answers it with its URL (`created`), or answers the feed the caller
 * already has, without a URL: only the token's hash is kept, so the URL of an existing feed is shown again only by
 * rotating it.
 */
export async function createFeed(
  context: AppContext,
  caller: FeedCaller,
  subject: { kind: CalendarFeedKind; id: string },
  base: string,
): Promise<{ feed: FeedView; created: boolean }> {
  await checkSubject(context, caller, subject.kind, subject.id);
  return context.db.transaction().execute(async (trx) => {
    const owned = { kind: subject.kind, subjectId: subject.id, ownerErecno: caller.erecno };
    const existing = await repository.findOwnFeed(trx, caller.portalId, owned);
    if (existing !== undefined) return { feed: viewOf(existing), created: false };
    const token = newToken();
    const now = context.clock.now();
    const feed: CalendarFeedTable = {
      id: context.ids.next(),
      portal_id: caller.portalId,
      kind: subject.kind,
      subject_id: subject.id,
      owner_erecno: caller.erecno,
      token_hash: hashOf(token),
      created_at: now,
      rotated_at: now,
    };
    if (!(await repository.insertFeed(trx, feed))) {
      const made = await repository.findOwnFeed(trx, caller.portalId, owned);
      if (made !== undefined) return { feed: viewOf(made), created: false };
    }
    return { feed: viewOf(feed, feedUrl(base, token)), created: true };
  });
}

/** A feed the caller may change: their own, or any of the portal's for an LMS admin; 404 otherwise. */
async function ownedFeed(context: AppContext, caller: FeedCaller, feedId: string): Promise<CalendarFeedTable> {
  const feed = await repository.findFeed(context.db, caller.portalId, feedId);
  if (feed === undefined || (feed.owner_erecno !== caller.erecno && !isAdmin(caller))) throw notFound('feed', feedId);
  return feed;
}

/** Gives a feed a new token and answers its new URL; the old URL answers 404 from now on. */
export async function rotateFeed(
  context: AppContext,
  caller: FeedCaller,
  feedId: string,
  base: string,
): Promise<FeedView> {
  const feed = await ownedFeed(context, caller, feedId);
  // The right to the subject is asked again: a trainer who left the batch cannot renew its feed.
  await checkSubject(context, caller, feed.kind, feed.subject_id);
  const token = newToken();
  const rotatedAt = context.clock.now();
  const changed = await repository.replaceTokenHash(context.db, caller.portalId, feedId, {
    tokenHash: hashOf(token),
    rotatedAt,
  });
  if (!changed) throw notFound('feed', feedId);
  return viewOf({ ...feed, rotated_at: rotatedAt }, feedUrl(base, token));
}

/** Deletes a feed: its URL answers 404 from now on. */
export async function deleteFeed(context: AppContext, caller: FeedCaller, feedId: string): Promise<void> {
  await ownedFeed(context, caller, feedId);
  await repository.deleteFeed(context.db, caller.portalId, feedId);
}

/** The most feeds a person's list shows (four kinds over a portal's rooms and batches stays far below). */
export const maxListedFeeds = 500;

/** The caller's own feeds (without URLs). */
export async function listFeeds(context: AppContext, caller: FeedCaller): Promise<FeedView[]> {
  const rows = await repository.listOwnFeeds(context.db, caller.portalId, caller.erecno, maxListedFeeds);
  return rows.map((row) => viewOf(row));
}

function ownerOf(feed: CalendarFeedTable): FeedOwner {
  switch (feed.kind) {
    case 'trainer':
      return { trainerErecno: feed.subject_id };
    case 'learner':
      return { learnerErecno: feed.subject_id };
    case 'room':
      return { roomId: feed.subject_id };
    case 'batch':
      return { batchId: feed.subject_id };
  }
}

const feedNames: Record<CalendarFeedKind, string> = {
  trainer: 'Sessions I train',
  learner: 'My sessions',
  room: 'Sessions in the room',
  batch: 'Sessions of the batch',
};

/**
 * The calendar text a token opens, or undefined for a token no feed has (malformed, rotated or deleted alike).
 * Sessions dated from 90 days before the portal's today to 365 days after; sessions deleted in the last 30 days and
 * those of cancelled batches as cancelled. Five queries, whatever the number of sessions.
 */
export async function renderFeed(context: AppContext, token: string): Promise<string | undefined> {
  if (!tokenPattern.test(token)) return undefined;
  const feed = await repository.findFeedByHash(context.db, hashOf(token));
  if (feed === undefined) return undefined;
  return onPortalClock(context, feed.portal_id, async () => {
    const now = context.clock.now();
    const timeZone = await portalTimeZone(context.db, feed.portal_id);
    const today = dateInZone(now, timeZone);
    const window = {
      from: addDays(today, -feedWindow.daysBack),
      to: addDays(today, feedWindow.daysAhead),
      limit: feedWindow.maxEvents,
    };
    const owner = ownerOf(feed);
    const since = now - cancellationShownDays * dayMs;
    const [live, deleted] = await Promise.all([
      listFeedSessions(context.db, feed.portal_id, owner, window),
      listCancelledFeedSessions(context.db, feed.portal_id, owner, { ...window, since }),
    ]);
    const rows = [
      ...live.map((row) => ({ ...row, cancelled: row.batch_status === 'cancelled' })),
      ...deleted.map((row) => ({ ...row, id: row.session_id, updated_at: row.cancelled_at, cancelled: true })),
    ];
    const display = timeZone || 'UTC';
    const roomZone = feed.kind === 'room' ? live[0]?.location_time_zone : undefined;
    return buildCalendar(feedNames[feed.kind], { portal: display, display: sessionTimeZone(roomZone, display) }, rows);
  });
}
