/**
 * The request journal: the last requests of each portal with their answers, in a ring per portal in this process's
 * memory. Recording costs a few property copies per request (under a microsecond); masking the query and redacting
 * the bodies, which cost several times that, run when the journal is read, for the entries read.
 */
import { invalidInput } from '../errors.ts';
import { compilePathPattern, pathOfUrl } from './faults.pattern.ts';

/** One request and its answer as recorded: headers without credentials; the URL and bodies (bounded) as sent. */
export interface JournalEntry {
  readonly requestId: string;
  readonly at: number;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
  readonly bodyType: 'json' | 'form' | 'other';
  readonly status: number | null;
  readonly responseBody: string | null;
  readonly durationMs: number;
  readonly erecno: string;
  readonly fault: string | null;
  readonly dropped: boolean;
}

/** Portals whose rings are kept at once; the ring written longest ago goes first. */
export const maxJournaledPortals = 100;

/** A fixed-size ring: the newest entries, no allocation once full. */
class Ring {
  private readonly slots: (JournalEntry | undefined)[];
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.slots = new Array(capacity);
  }

  push(entry: JournalEntry): void {
    this.slots[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count += 1;
  }

  /** Newest first. */
  *newest(): Generator<JournalEntry> {
    for (let index = 1; index <= this.count; index++) {
      yield this.slots[(this.next - index + this.capacity) % this.capacity]!;
    }
  }

  get size(): number {
    return this.count;
  }
}

/** The journal's filters, as sent (query strings). */
export interface JournalQuery {
  method?: string;
  path?: string;
  status?: number;
  since?: string;
  limit?: number;
}

/** Entries a read answers at most. */
export const maxJournalPage = 500;

function sinceOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (/^\d{1,15}$/.test(text)) return Number(text);
  const parsed = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(parsed)) {
    throw invalidInput('since', 'must be epoch milliseconds or an ISO 8601 date-time such as 2026-01-05T09:00:00Z');
  }
  return parsed;
}

/** Every journaled portal's ring. */
export class JournalBook {
  private readonly rings = new Map<string, Ring>();

  constructor(readonly capacity: number) {}

  /** Keeps the entry, dropping the portal's oldest when its ring is full. */
  record(portalId: string, entry: JournalEntry): void {
    let ring = this.rings.get(portalId);
    if (ring === undefined) {
      if (this.rings.size >= maxJournaledPortals) this.rings.delete(this.rings.keys().next().value!);
      ring = new Ring(this.capacity);
      this.rings.set(portalId, ring);
    }
    ring.push(entry);
  }

  /** The portal's entries matching the filters, newest first, as recorded (the reader redacts what it shows). */
  read(portalId: string, query: JournalQuery): { entries: JournalEntry[]; hasMoreRecords: boolean } {
    const since = sinceOf(query.since);
    if (query.path !== undefined && !query.path.startsWith('/')) {
      throw invalidInput('path', 'must be a path such as /api/v1/courses/* (starting with /)');
    }
    const pattern = query.path === undefined ? null : compilePathPattern(query.path);
    const method = query.method?.toUpperCase();
    const limit = query.limit ?? 100;
    const entries: JournalEntry[] = [];
    let hasMoreRecords = false;
    for (const entry of this.rings.get(portalId)?.newest() ?? []) {
      if (method !== undefined && entry.method !== method) continue;
      if (query.status !== undefined && entry.status !== query.status) continue;
      if (since !== null && entry.at < since) continue;
      if (pattern !== null && !pattern(pathOfUrl(entry.url))) continue;
      if (entries.length === limit) {
        hasMoreRecords = true;
        break;
      }
      entries.push(entry);
    }
    return { entries, hasMoreRecords };
  }

  /** Forgets the portal's entries; answers how many there were. */
  clear(portalId: string): number {
    const count = this.rings.get(portalId)?.size ?? 0;
    this.rings.delete(portalId);
    return count;
  }
}
