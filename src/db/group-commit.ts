/**
 * Group commit for SQLite: the writes of requests that arrive together share one COMMIT (one fsync at
 * `synchronous = FULL`), and each request is answered only after that COMMIT is on disk.
 *
 * SQLite has one connection per process, so transactions already run one at a time. This driver opens one outer
 * transaction (`begin immediate`) for a group, runs each Kysely transaction in it as a savepoint (a failed one rolls
 * back to its savepoint and leaves the others alone), and commits the group on the next turn of the event loop, once
 * the connection is free. Whoever used the connection after a write of the group (a transaction, a plain write, or a
 * read that may have seen the group's writes) waits for that commit before its query or transaction returns, so no
 * answer tells of a write that is not yet durable. A failed COMMIT fails every request of its group.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

interface Group {
  /** True once a write of the group has succeeded (a committed savepoint or a plain write). */
  dirty: boolean;
  done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

const writeKinds = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);
const savepoint = 'lectern_group_member';
const raw = (text: string) => CompiledQuery.raw(text);

function newGroup(): Group {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  // A group nobody waits on (every member failed) must not report an unhandled rejection.
  done.catch(() => {});
  return { dirty: false, done, resolve, reject };
}

function isWrite(query: CompiledQuery, result: QueryResult<unknown>): boolean {
  return writeKinds.has(query.query.kind) || result.numAffectedRows !== undefined;
}

/** How many group COMMITs ran and how many transactions they carried (mean group size = members / commits). */
export interface GroupCommitStats {
  commits: number;
  members: number;
}

class GroupCommitDriver implements Driver {
  #group: Group | null = null;
  /** The group the connection's current holder must see committed before it is answered. */
  #waitFor: Group | null = null;
  #inTransaction = false;
  #flushing: Promise<void> | null = null;

  constructor(
    private readonly inner: Driver,
    private readonly stats: GroupCommitStats,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    return {
      executeQuery: async <R>(query: CompiledQuery) => {
        const result = await connection.executeQuery<R>(query);
        this.#noteQuery(query, result);
        return result;
      },
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
  }

  #noteQuery(query: CompiledQuery, result: QueryResult<unknown>): void {
    const group = this.#group;
    if (group === null || this.#inTransaction) return;
    // Outside a transaction while a group is open: the statement ran inside the group's outer transaction.
    if (isWrite(query, result)) group.dirty = true;
    if (group.dirty) this.#waitFor = group;
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    if (this.#group === null) {
      await connection.executeQuery(raw('begin immediate'));
      this.#group = newGroup();
      setImmediate(() => this.#startFlush());
    }
    await connection.executeQuery(raw(`savepoint ${savepoint}`));
    this.#inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(raw(`release savepoint ${savepoint}`));
    this.#inTransaction = false;
    const group = this.#group!;
    group.dirty = true;
    this.#waitFor = group;
    this.stats.members += 1;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    this.#inTransaction = false;
    await connection.executeQuery(raw(`rollback to savepoint ${savepoint}`));
    await connection.executeQuery(raw(`release savepoint ${savepoint}`));
    // What this transaction read of the group's earlier writes may have shaped its refusal.
    const group = this.#group!;
    if (group.dirty) this.#waitFor = group;
  }

  savepoint: Driver['savepoint'] = (connection, name, compile) => this.inner.savepoint!(connection, name, compile);
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (connection, name, compile) =>
    this.inner.rollbackToSavepoint!(connection, name, compile);
  releaseSavepoint: Driver['releaseSavepoint'] = (connection, name, compile) =>
    this.inner.releaseSavepoint!(connection, name, compile);

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const waitFor = this.#waitFor;
    this.#waitFor = null;
    await this.inner.releaseConnection(connection);
    if (waitFor !== null) await waitFor.done;
  }

  #startFlush(): void {
    this.#flushing ??= this.#flush().finally(() => {
      this.#flushing = null;
    });
  }

  /** Commits the open group once the connection is free (members queued before the flush join it first). */
  async #flush(): Promise<void> {
    const connection = await this.inner.acquireConnection();
    const group = this.#group;
    this.#group = null;
    try {
      if (group === null) return;
      try {
        await connection.executeQuery(raw('commit'));
        this.stats.commits += 1;
        group.resolve();
      } catch (error) {
        await connection.executeQuery(raw('rollback')).catch(() => {});
        group.reject(error);
      }
    } finally {
      await this.inner.releaseConnection(connection);
    }
  }

  async destroy(): Promise<void> {
    if (this.#group !== null) this.#startFlush();
    await this.#flushing;
    await this.inner.destroy();
  }
}

/** The dialect with a driver that commits the transactions of requests arriving together as one group. */
export function dialectWithGroupCommit(dialect: Dialect, stats: GroupCommitStats): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new GroupCommitDriver(dialect.createDriver(), stats),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}
