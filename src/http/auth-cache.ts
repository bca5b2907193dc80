/**
 * The callers of recently seen tokens, kept in this process for a short time so that a request does not spend a
 * database round trip on its token. An entry is dropped when its time is up, when its token expires, and as soon as
 * this process changes any token, employee or portal row (db/caller-rows-epoch.ts): a revoke, a deactivation, a role
 * or portal-clock change here is seen by the next request. Another process's change is seen within `ttlMs`.
 */
import type { Caller } from '../access/index.ts';
import { portalInstant } from '../clock.ts';
import type { CallerRowsEpoch } from '../db/caller-rows-epoch.ts';

interface Entry {
  caller: Caller;
  epoch: number;
  storedAt: number;
}

/** Most tokens kept at once; the oldest entry goes first. */
const maxEntries = 10_000;

/** A bounded map from token hash to caller, valid for `ttlMs` and while no caller row has changed. */
export class CallerCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly epoch: CallerRowsEpoch,
  ) {}

  /** The epoch to hand back to `store`: read it before the lookup, so that a change during the lookup wins. */
  currentEpoch(): number {
    return this.epoch.value;
  }

  /** The cached caller of the token, or undefined when none is kept or it may be stale or expired at `serverNow`. */
  find(tokenHash: string, serverNow: number): Caller | undefined {
    const entry = this.entries.get(tokenHash);
    if (entry === undefined) return undefined;
    const fresh =
      entry.epoch === this.epoch.value && serverNow >= entry.storedAt && serverNow < entry.storedAt + this.ttlMs;
    const expiresAt = entry.caller.tokenExpiresAt;
    const expired = expiresAt !== null && portalInstant(entry.caller.portalTime, serverNow) >= expiresAt;
    if (fresh && !expired) return entry.caller;
    this.entries.delete(tokenHash);
    return undefined;
  }

  /** Keeps a caller read from the database while the epoch was `epoch` (nothing when a change came meanwhile). */
  store(caller: Caller, epoch: number, serverNow: number): void {
    if (epoch !== this.epoch.value) return;
    this.entries.delete(caller.tokenHash);
    if (this.entries.size >= maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(caller.tokenHash, { caller, epoch, storedAt: serverNow });
  }
}
