/** Where Lectern's domain code gets the time; tests move a settable clock instead of sleeping. */
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
