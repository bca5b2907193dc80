/**
 * Loads a package the first time it is needed rather than at start-up: PostgreSQL's driver, the HTML sanitiser.
 * The build keeps these packages outside the bundle, so a process that never uses one never reads or compiles it.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A function answering the package, loaded (synchronously, once) on its first call. */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}
