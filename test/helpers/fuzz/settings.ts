/** How many cases and which seed a fuzz run uses: fixed defaults, LECTERN_FUZZ_RUNS and LECTERN_FUZZ_SEED override. */
import type { FuzzOperation } from './operations.ts';

/** The seed when none is given: runs repeat exactly. */
export const defaultSeed = 20261203;

/** A whole number from the environment or a flag, else the default; anything else is an error. */
export function wholeNumber(text: string | undefined, fallback: number, what: string): number {
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text)) throw new Error(`${what} must be a whole number, not ${JSON.stringify(text)}`);
  return Number(text);
}

/** Cases per operation so that `total` cases are spread over every operation, each operation getting at least one. */
export function runsPerOperation(total: number, operations: readonly FuzzOperation[]): number {
  return Math.max(1, Math.ceil(total / operations.length));
}

/** A seed of its own for each operation, so that a failing operation can be replayed alone with the same cases. */
export function operationSeed(seed: number, operationIndex: number): number {
  return (seed + operationIndex * 7919) | 0;
}
