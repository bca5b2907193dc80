/**
 * `lectern feed url` and `lectern feed rotate`: a subscribable calendar feed's secret URL from the command line, on
 * the store directly, as the portal's admin (the first portal unless --portal-id names another). The URL starts with
 * LECTERN_PUBLIC_URL, else the address `serve` listens on.
 */

import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { LmsError } from '../errors.ts';
import { createFeed, type FeedView, readFeedSubject, rotateFeed } from '../features/calendars/index.ts';
import { portalAdmin } from '../features/people/index.ts';
import { isNumericId } from '../ids.ts';
import { CliError, usageExitCode } from './cli-error.ts';
import { inStorePortal } from './store-options.ts';

/** What `feed url` was asked for: exactly one subject. */
export interface FeedUrlRequest {
  trainer?: string;
  learner?: string;
  room?: string;
  batch?: string;
  portalId?: string;
}

type FeedCaller = Parameters<typeof createFeed>[1];

/** The base of the URLs printed: the public URL, else where `serve` listens. */
function baseOf(config: Config): string {
  return config.publicUrl ?? `http://${config.host}:${config.port}`;
}

/** Runs the action as the portal's admin, on the store directly; refusals are one-line usage errors. */
async function asPortalAdmin<T>(
  config: Config,
  portalId: string | undefined,
  action: (context: AppContext, caller: FeedCaller) => Promise<T>,
): Promise<T> {
  return inStorePortal(config, portalId, async (context, chosen) => {
    const admin = await portalAdmin(context.db, chosen);
    if (admin === undefined) throw new CliError(`portal ${chosen} has no admin`, usageExitCode);
    return action(context, { portalId: chosen, erecno: admin.erecno, isAdmin: true, isOperator: true });
  });
}

/** The one subject the flags name, or a usage error. */
function subjectOf(request: FeedUrlRequest) {
  const named = (['trainer', 'learner', 'room', 'batch'] as const).filter((kind) => request[kind] !== undefined);
  if (named.length !== 1) {
    throw new CliError('name exactly one of --trainer, --learner (erecnos), --room or --batch (ids)', usageExitCode);
  }
  const kind = named[0]!;
  try {
    return readFeedSubject({ kind, id: request[kind] });
  } catch (error) {
    if (error instanceof LmsError)
      throw new CliError(`--${kind} must be a numeric id, got "${request[kind]}"`, usageExitCode);
    throw error;
  }
}

function line(feed: FeedView): string {
  return `${feed.url}\n`;
}

/** `feed url`: makes the feed and prints its URL; a feed made before is rotated, since only its hash was kept. */
export async function feedUrlCommand(config: Config, request: FeedUrlRequest): Promise<string> {
  const subject = subjectOf(request);
  return asPortalAdmin(config, request.portalId, async (context, caller) => {
    const { feed, created } = await createFeed(context, caller, subject, baseOf(config));
    if (created) return line(feed);
    return line(await rotateFeed(context, caller, feed.feedId, baseOf(config)));
  });
}

/** `feed rotate <feedId>`: a new URL for the feed; the old one stops working at once. */
export async function feedRotateCommand(config: Config, feedId: string, portalId?: string): Promise<string> {
  if (!isNumericId(feedId)) throw new CliError(`feedId must be a numeric id, got "${feedId}"`, usageExitCode);
  return asPortalAdmin(config, portalId, async (context, caller) =>
    line(await rotateFeed(context, caller, feedId, baseOf(config))),
  );
}
