/** Where Lectern's domain code gets the time; tests move a settable clock instead of sleeping. */
import { AsyncLocalStorage } from 'node:async_hooks';

/** A source of the current time. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to, for tests and for the control plane's clock setting. */
export class SettableClock implements Clock {
  constructor(private current = Date.UTC(2026, 0, 5, 9, 0, 0)) {}
  now(): number {
    return this.current;
  }
  /** Moves the clock forward (or back, with a negative amount). */
  advance(ms: number): void {
    this.current += ms;
  }
  /** Sets the clock to an absolute time. */
  set(ms: number): void {
    this.current = ms;
  }
}

/**
 * A portal's own time, set through the control room: the server's time shifted by `offsetMs`, or, when `fixedAt`
 * is set, that instant until someone moves it. Both zero/null is the server's time.
 */
export interface PortalTime {
  readonly offsetMs: number;
  readonly fixedAt: number | null;
}

/** The server's own time, unshifted. */
export const serverTime: PortalTime = Object.freeze({ offsetMs: 0, fixedAt: null });

/** A portal's time from its stored columns (bigint offsets may arrive as text); the shared serverTime when unset. */
export function portalTimeOf(offsetMs: number | string, fixedAt: number | null): PortalTime {
  const offset = Number(offsetMs);
  return offset === 0 && fixedAt === null ? serverTime : { offsetMs: offset, fixedAt };
}

/** The instant a portal's time shows when the server's clock shows `serverNow`. */
export function portalInstant(time: PortalTime, serverNow: number): number {
  return time.fixedAt ?? serverNow + time.offsetMs;
}

/** True when a portal keeps the server's time (nothing to shift). */
export function isServerTime(time: PortalTime): boolean {
  return time.fixedAt === null && time.offsetMs === 0;
}

/**
 * The clock every service reads. Inside `runIn(portalTime, ...)` (a request, after its token names the portal;
 * a background task, per portal) it answers that portal's time; elsewhere the server's. Domain code keeps calling
 * `clock.now()`, so no rule can forget the portal's clock.
 */
export class PortalAwareClock implements Clock {
  private readonly scope = new AsyncLocalStorage<PortalTime>();
  constructor(readonly server: Clock) {}
  now(): number {
    const time = this.scope.getStore();
    const serverNow = this.server.now();
    return time === undefined ? serverNow : portalInstant(time, serverNow);
  }
  /** Runs `task` (and all it awaits) on a portal's time. */
  runIn<T>(time: PortalTime, task: () => T): T {
    // While no portal keeps its own time the scope is never entered, so the process pays nothing for it.
    if (isServerTime(time) && this.scope.getStore() === undefined) return task();
    return this.scope.run(time, task);
  }
  /** The instant of a portal's time now, without entering it. */
  nowIn(time: PortalTime): number {
    return portalInstant(time, this.server.now());
  }
}
