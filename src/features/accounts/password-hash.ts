/** Password hashing with argon2id (@node-rs/argon2: prebuilt, no compiler), at OWASP's recommended cost. */
import type * as Argon2 from '@node-rs/argon2';
import { lazyRequire } from '../../lazy-require.ts';

// A native addon: loaded on the first password, not at every start.
const loadArgon2 = lazyRequire<typeof Argon2>('@node-rs/argon2');

/** OWASP's argon2id minimum: 19 MiB, two passes, one lane (argon2id is the library's default algorithm). */
const cost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** A password's hash in the PHC string form (salt and parameters inside). */
export function hashPassword(password: string): Promise<string> {
  return loadArgon2().hash(password, cost);
}

let decoy: Promise<string> | undefined;

/**
 * Whether the password matches the hash. Without a hash (no such person, no password yet) a decoy hash is checked
 * instead, so that the answer takes as long and tells nothing about who exists.
 */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  decoy ??= hashPassword('lectern decoy password');
  const against = stored ?? (await decoy);
  try {
    const matches = await loadArgon2().verify(against, password);
    return stored !== undefined && matches;
  } catch {
    return false;
  }
}
