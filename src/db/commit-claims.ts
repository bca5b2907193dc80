/**
 * A statement that must commit with a request's first write transaction, whatever service opens it. The
 * Idempotency-Key claim uses it: stored in the same commit as the write, a retry after a crash between the commit
 * and the answer finds the key taken instead of writing again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CompiledQuery, DatabaseConnection, Dialect, Driver } from 'kysely';
import { LmsError } from '../errors.ts';

/** The claim one request carries; `committed` turns true once a transaction has committed it. */
export interface CommitClaim {
  /** An insert or upsert that must touch one row; none means the key was taken meanwhile. */
  readonly query: CompiledQuery;
  committed: boolean;
  /** True when another request held the key, so this one was refused and must not store an answer for it. */
  lost: boolean;
}

const claims = new AsyncLocalStorage<CommitClaim>();

/** Runs `work` (and everything it starts) with `claim` riding on the first transaction that commits. */
export function runWithCommitClaim<T>(claim: CommitClaim, work: () => T): T {
  return claims.run(claim, work);
}

function driverWithClaims(driver: Driver): Driver {
  const commit = driver.commitTransaction.bind(driver);
  driver.commitTransaction = async (connection: DatabaseConnection) => {
    const claim = claims.getStore();
    if (claim === undefined || claim.committed) return commit(connection);
    const result = await connection.executeQuery(claim.query);
    if (result.numAffectedRows === 0n) {
      claim.lost = true;
      // Thrown before the commit, so Kysely rolls the write back.
      throw new LmsError(409, '409', 'A request with this Idempotency-Key is still in progress');
    }
    await commit(connection);
    claim.committed = true;
  };
  return driver;
}

/** The dialect with a driver that writes a request's pending claim just before its transaction commits. */
export function dialectWithCommitClaims(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => driverWithClaims(dialect.createDriver()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}
