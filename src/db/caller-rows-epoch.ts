/**
 * A counter that moves after every committed change to the rows a token's caller is read from (tokens, employees,
 * portals), seen at the driver: whatever code writes them (a revoke, a role change, the control room's clock, a
 * reset, an import), the in-process caller cache (http/auth-cache.ts) learns of it without each writer having to
 * remember to tell it. Only this process's writes are seen; another process's reach it through the cache's TTL.
 */
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';

/** The epoch of the caller rows: a cached caller read under an older epoch is stale. */
export interface CallerRowsEpoch {
  readonly value: number;
}

// The statement's target table only: a read of employees inside an insert into another table is no change.
const writeTarget =
  /\b(insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from|truncate(?:\s+table)?)\s+(?:"?\w+"?\.)?"?(tokens|employees|portals)"?(?=[\s(;]|$)/gi;
// A plain insert adds rows the cache cannot hold (it keeps known tokens only); an upsert may change one.
const overwrites = /\bdo\s+update\b|\bor\s+replace\b/i;

const verdicts = new Map<string, boolean>();

/** True when the statement may change a row of tokens, employees or portals (decided once per SQL text). */
export function changesCallerRows(sql: string): boolean {
  let verdict = verdicts.get(sql);
  if (verdict === undefined) {
    verdict = false;
    for (const match of sql.matchAll(writeTarget)) {
      if (!match[1]!.toLowerCase().startsWith('insert') || overwrites.test(sql)) verdict = true;
    }
    if (verdicts.size > 2000) verdicts.clear();
    verdicts.set(sql, verdict);
  }
  return verdict;
}

class WatchedConnection implements DatabaseConnection {
  inTransaction = false;
  changedInTransaction = false;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly bump: () => void,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.inner.executeQuery<R>(query);
    // After the statement: a lookup that began before it must not store what it read.
    if (changesCallerRows(query.sql)) {
      this.bump();
      if (this.inTransaction) this.changedInTransaction = true;
    }
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class WatchingDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly bump: () => void,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new WatchedConnection(await this.inner.acquireConnection(), this.bump);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const watched = connection as WatchedConnection;
    await this.inner.beginTransaction(watched.inner, settings);
    watched.inTransaction = true;
    watched.changedInTransaction = false;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#end(connection as WatchedConnection, () =>
      this.inner.commitTransaction((connection as WatchedConnection).inner),
    );
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#end(connection as WatchedConnection, () =>
      this.inner.rollbackTransaction((connection as WatchedConnection).inner),
    );
  }

  // Again once the change is visible to other connections (PostgreSQL reads the old row until the commit).
  async #end(watched: WatchedConnection, end: () => Promise<void>): Promise<void> {
    try {
      await end();
    } finally {
      if (watched.changedInTransaction) this.bump();
      watched.inTransaction = false;
      watched.changedInTransaction = false;
    }
  }

  savepoint: Driver['savepoint'] = (connection, name, compile) =>
    this.inner.savepoint!((connection as WatchedConnection).inner, name, compile);
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (connection, name, compile) =>
    this.inner.rollbackToSavepoint!((connection as WatchedConnection).inner, name, compile);
  releaseSavepoint: Driver['releaseSavepoint'] = (connection, name, compile) =>
    this.inner.releaseSavepoint!((connection as WatchedConnection).inner, name, compile);

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as WatchedConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** The dialect with a driver that moves `epoch` after each change to the caller rows (and again at its commit). */
export function dialectWatchingCallerRows(dialect: Dialect): { dialect: Dialect; epoch: CallerRowsEpoch } {
  const epoch = { value: 0 };
  const bump = () => {
    epoch.value += 1;
  };
  return {
    epoch,
    dialect: {
      createAdapter: () => dialect.createAdapter(),
      createDriver: () => new WatchingDriver(dialect.createDriver(), bump),
      createIntrospector: (db) => dialect.createIntrospector(db),
      createQueryCompiler: () => dialect.createQueryCompiler(),
    },
  };
}
