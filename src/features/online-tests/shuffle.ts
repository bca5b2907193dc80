/** A shuffle that is the same every time for the same seed: an attempt serves its questions in one order. */
import { createHash } from 'node:crypto';

/** The items ordered by a hash of the seed and each one's place: a fixed, evenly spread order per seed. */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  const keyed = items.map((item, index) => ({
    item,
    key: createHash('sha256').update(`${seed}\u0000${index}`).digest('hex'),
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((entry) => entry.item);
}
