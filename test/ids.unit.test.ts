import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdGenerator, isNumericId } from '../src/ids.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** True when every id is 18 digits and each is greater than the one before. */
function strictlyIncreasing(ids: string[]): boolean {
  for (let i = 0; i < ids.length; i += 1) {
    if (!/^[1-9]\d{17}$/.test(ids[i]!)) return false;
    // Same length, so text order is number order.
    if (i > 0 && !(ids[i]! > ids[i - 1]!)) return false;
  }
  return true;
}

describe('IdGenerator', () => {
  it('makes 18-digit ids that are numeric ids', () => {
    const ids = new IdGenerator();
    for (let i = 0; i < 100; i += 1) {
      const id = ids.next();
      expect(id).toMatch(/^[1-9]\d{17}$/);
      expect(isNumericId(id)).toBe(true);
    }
  });

  it('makes 100k unique, strictly increasing ids in a tight loop', () => {
    const generator = new IdGenerator(7);
    const ids = Array.from({ length: 100_000 }, () => generator.next());
    expect(strictlyIncreasing(ids)).toBe(true);
    expect(new Set(ids).size).toBe(100_000);
  });

  it('never collides across generators with different process tags', () => {
    const first = new IdGenerator(1);
    const second = new IdGenerator(2);
    const seen = new Set<string>();
    // Interleaved, so both generators work in the same milliseconds.
    for (let i = 0; i < 50_000; i += 1) {
      seen.add(first.next());
      seen.add(second.next());
    }
    expect(seen.size).toBe(100_000);
  });

  it('never collides between the lowest and highest process tags', () => {
    const low = new IdGenerator(0);
    const high = new IdGenerator(255);
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i += 1) {
      seen.add(low.next());
      seen.add(high.next());
    }
    expect(seen.size).toBe(40_000);
  });

  it('stays ordered when more than 1024 ids are asked for within one millisecond', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 0, 5));
    const generator = new IdGenerator(3);
    const ids = Array.from({ length: 5000 }, () => generator.next());
    expect(strictlyIncreasing(ids)).toBe(true);
  });

  it('stays ordered when the system clock steps back', () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 0, 5, 12));
    const generator = new IdGenerator(4);
    const before = Array.from({ length: 10 }, () => generator.next());
    now.mockReturnValue(Date.UTC(2026, 0, 5, 11));
    const after = Array.from({ length: 10 }, () => generator.next());
    expect(strictlyIncreasing([...before, ...after])).toBe(true);
  });

  it('orders ids by time across generators', () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 0, 5));
    const earlier = new IdGenerator(200).next();
    now.mockReturnValue(Date.UTC(2026, 0, 5) + 1);
    const later = new IdGenerator(0).next();
    expect(later > earlier).toBe(true);
  });
});

describe('isNumericId', () => {
  it('accepts digit strings without a leading zero and refuses everything else', () => {
    for (const text of ['1', '123456789012345678', '12345678901234567890']) expect(isNumericId(text)).toBe(true);
    for (const text of ['', '0', '012', '-1', '1.5', '1e3', ' 1', 'abc', '123456789012345678901']) {
      expect(isNumericId(text)).toBe(false);
    }
  });
});
