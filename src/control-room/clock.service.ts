/** A portal's own clock: read, set, advance, and back to the server's time. */
import type { Caller } from '../access/index.ts';
import { isServerTime, type PortalTime, portalInstant, serverTime } from '../clock.ts';
import type { AppContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { portalClockSetting } from '../features/people/index.ts';
import { savePortalTime } from './clock.repository.ts';
import { parseDuration, parseInstant } from './clock-input.ts';

/** A portal's clock as the control room shows it. */
export interface PortalClockView {
  portalId: string;
  now: string;
  nowMs: number;
  frozen: boolean;
  offsetMs: number;
  serverTime: boolean;
}

/** The operator may act on every portal; a portal's admin on their own only. */
export function assertMayControl(caller: Caller, portalId: string): void {
  if (!caller.isOperator && caller.portalId !== portalId) {
    throw forbidden("only the server operator or this portal's admin may do this");
  }
}

function view(context: AppContext, portalId: string, time: PortalTime): PortalClockView {
  const nowMs = portalInstant(time, context.clock.server.now());
  return {
    portalId,
    now: new Date(nowMs).toISOString(),
    nowMs,
    frozen: time.fixedAt !== null,
    offsetMs: time.offsetMs,
    serverTime: isServerTime(time),
  };
}

async function currentTime(context: AppContext, portalId: string): Promise<PortalTime> {
  const time = await portalClockSetting(context.db, portalId);
  if (time === undefined) throw notFound('portalId', portalId);
  return time;
}

async function store(context: AppContext, portalId: string, time: PortalTime): Promise<PortalClockView> {
  if (!(await savePortalTime(context.db, portalId, time))) throw notFound('portalId', portalId);
  return view(context, portalId, time);
}

/** The portal's clock now. */
export async function readPortalClock(context: AppContext, portalId: string) {
  return view(context, portalId, await currentTime(context, portalId));
}

/** Sets the portal's time (default: where it stands now), running on from there or frozen there. */
export async function setPortalClock(
  context: AppContext,
  portalId: string,
  input: { now?: string | number; frozen?: boolean },
) {
  const serverNow = context.clock.server.now();
  const target =
    input.now === undefined
      ? portalInstant(await currentTime(context, portalId), serverNow)
      : parseInstant(input.now, 'now');
  const time: PortalTime =
    input.frozen === true ? { offsetMs: 0, fixedAt: target } : { offsetMs: target - serverNow, fixedAt: null };
  return store(context, portalId, time);
}

/** Moves the portal's time by a duration (back, when negative); a frozen clock stays frozen at the new time. */
export async function advancePortalClock(context: AppContext, portalId: string, by: string | number) {
  const ms = parseDuration(by, 'by');
  const time = await currentTime(context, portalId);
  const moved: PortalTime =
    time.fixedAt === null
      ? { offsetMs: time.offsetMs + ms, fixedAt: null }
      : { offsetMs: 0, fixedAt: time.fixedAt + ms };
  // The moved time must stay in the range a set time may take.
  parseInstant(portalInstant(moved, context.clock.server.now()), 'by');
  return store(context, portalId, moved);
}

/** Puts the portal back on the server's time. */
export async function resetPortalClock(context: AppContext, portalId: string) {
  return store(context, portalId, serverTime);
}
