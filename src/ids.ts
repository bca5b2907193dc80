import { createHash, randomInt } from 'node:crypto';

/** Zoho-style 18-digit numeric ids as strings: time-ordered and unique across processes. */

const epochMs = Date.UTC(2024, 0, 1);
const sequenceBits = 10n;
const processBits = 8n;
const floor = 100_000_000_000_000_000n; // makes every id exactly 18 digits

/** Makes ids: (ms since 2024) << 18 | process tag << 10 | sequence, offset to 18 digits. */
export class IdGenerator {
  private lastMs = 0;
  private sequence = 0;

  /** processTag (0..255) tells processes apart; setProcessTag gives it from the shared store's counter. */
  constructor(private processTag = randomInt(256)) {
    if (!Number.isInteger(processTag) || processTag < 0 || processTag > 255) {
      throw new RangeError(`processTag must be an integer from 0 to 255, got ${processTag}`);
    }
  }

  /** Uses a tag the store issued, so that processes sharing one database never make the same id. */
  setProcessTag(tag: number): void {
    this.processTag = tag & 0xff;
  }

  /** A fresh id. */
  next(): string {
    let ms = Date.now() - epochMs;
    if (ms <= this.lastMs) {
      ms = this.lastMs;
      this.sequence += 1;
      if (this.sequence >= 1 << Number(sequenceBits)) {
        // Out of sequence numbers in this millisecond: borrow the next one, keeping ids ordered.
        ms += 1;
        this.sequence = 0;
      }
    } else {
      this.sequence = 0;
    }
    this.lastMs = ms;
    const value =
      floor +
      ((BigInt(ms) << (sequenceBits + processBits)) |
        (BigInt(this.processTag) << sequenceBits) |
        BigInt(this.sequence));
    return value.toString();
  }
}

/** Where seeded ids start: time-ordered ids stay below it until about 2108. */
const seededFloor = 800_000_000_000_000_000n;
const seededCounterBits = 20n;

/**
 * Ids for a fixture load: the same seed gives the same ids in the same order, so a fixture file loaded into two
 * fresh stores names its rows alike. The seed picks a block of 2^20 ids above every time-ordered id.
 */
export class SeededIdGenerator {
  private readonly base: bigint;
  private count = 0n;

  constructor(readonly seed: number) {
    const digest = createHash('sha256').update(`lectern-fixtures:${seed}`).digest();
    const block = digest.readBigUInt64BE(0) & ((1n << 37n) - 1n);
    this.base = seededFloor + (block << seededCounterBits);
  }

  /** The next id of the seed's sequence. */
  next(): string {
    if (this.count >= 1n << seededCounterBits) throw new RangeError('a fixture load may make at most 2^20 ids');
    const value = this.base + this.count;
    this.count += 1n;
    return value.toString();
  }
}

/** A Zoho id's text: digits without a leading zero (the OpenAPI document shows ids with it). */
export const numericIdPattern = '^[1-9][0-9]{0,19}$';

const numericId = new RegExp(numericIdPattern);

/** True when text looks like a Zoho id (digits only, no leading zero). */
export function isNumericId(text: string): boolean {
  return numericId.test(text);
}
