/**
 * SQLite's group commit: requests arriving together share one COMMIT, each is answered only after it, a failed
 * transaction leaves the rest of its group alone, and a failed COMMIT fails the whole group.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/db/create-db.ts';
import { createCourse, getCourse, patchCourse } from './helpers/courses.ts';
import { testDialect } from './helpers/engines.ts';
import { createTestLectern } from './helpers/test-app.ts';

describe.skipIf(testDialect !== 'sqlite')('SQLite group commit', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A SQLite store in a fresh folder with one table, and a second connection to read the file as another process would. */
  async function fileStore(): Promise<{ handle: DatabaseHandle; readBack: () => number[] }> {
    const folder = mkdtempSync(join(tmpdir(), 'lectern-group-commit-'));
    const handle = openDatabase({ dataDir: folder });
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    cleanups.push(() => handle.close());
    await sql`create table parent (id integer primary key)`.execute(handle.db);
    await sql`create table child (id integer primary key, parent_id integer not null
      references parent (id) deferrable initially deferred)`.execute(handle.db);
    const readBack = () => {
      const other = new SqliteDatabase(join(folder, 'lectern.sqlite'), { readonly: true });
      try {
        return (other.prepare('select id from parent order by id').all() as { id: number }[]).map((row) => row.id);
      } finally {
        other.close();
      }
    };
    return { handle, readBack };
  }

  const db = (handle: DatabaseHandle) => handle.db as unknown as import('kysely').Kysely<any>;

  it('commits transactions that arrive together once, and each sees its COMMIT on disk when it is answered', async () => {
    const { handle, readBack } = await fileStore();
    const before = handle.groupCommitStats!();
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((id) =>
        db(handle)
          .transaction()
          .execute(async (trx) => {
            await trx.insertInto('parent').values({ id }).execute();
            if (id === 3) throw new Error('refused');
            // Durable before the caller hears back: another connection already reads it.
            return id;
          })
          .then((value) => ({ value, onDisk: readBack() })),
      ),
    );
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    for (const result of results) {
      if (result.status === 'fulfilled') expect(result.value.onDisk).toContain(result.value.value);
    }
    expect(readBack()).toEqual([1, 2, 4, 5]);
    const after = handle.groupCommitStats!();
    expect(after.members - before.members).toBe(4);
    expect(after.commits - before.commits).toBe(1);
  });

  it('answers a read that followed a write of the group only after that write is committed', async () => {
    const { handle } = await fileStore();
    const commitsBefore = handle.groupCommitStats!().commits;
    const write = db(handle)
      .transaction()
      .execute((trx) => trx.insertInto('parent').values({ id: 7 }).execute());
    const read = db(handle)
      .selectFrom('parent')
      .select('id')
      .execute()
      .then((rows) => ({ rows, commits: handle.groupCommitStats!().commits }));
    await write;
    const { rows, commits } = await read;
    expect(rows).toEqual([{ id: 7 }]);
    expect(commits).toBe(commitsBefore + 1);
  });

  it('fails every transaction of a group whose COMMIT fails, keeps none of them, and carries on afterwards', async () => {
    const { handle, readBack } = await fileStore();
    const good = db(handle)
      .transaction()
      .execute((trx) => trx.insertInto('parent').values({ id: 1 }).execute());
    // A deferred foreign key is checked at COMMIT only: this transaction succeeds, its group's COMMIT does not.
    const orphan = db(handle)
      .transaction()
      .execute((trx) => trx.insertInto('child').values({ id: 1, parent_id: 99 }).execute());
    const outcomes = await Promise.allSettled([good, orphan]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(readBack()).toEqual([]);
    await db(handle)
      .transaction()
      .execute((trx) => trx.insertInto('parent').values({ id: 2 }).execute());
    expect(readBack()).toEqual([2]);
  });

  it('commits an open group when the store closes', async () => {
    const { handle, readBack } = await fileStore();
    let closing: Promise<void> | undefined;
    await db(handle)
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('parent').values({ id: 5 }).execute();
        // Closed while this transaction's group is still open.
        closing = handle.close();
      });
    await closing;
    expect(readBack()).toEqual([5]);
    cleanups.pop();
  });

  it('groups concurrent course updates over HTTP; a refused one changes nothing and the others all land', async () => {
    const lectern = await createTestLectern({
      dialect: 'sqlite',
      env: { LECTERN_METRICS_TOKEN: 'metrics-secret-0123456789' },
    });
    cleanups.push(() => lectern.close());
    const ids: string[] = [];
    for (let index = 0; index < 8; index += 1) ids.push((await createCourse(lectern, lectern.adminToken)).courseId);
    const gauges = async () => {
      const response = await lectern.app.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer metrics-secret-0123456789' },
      });
      const value = (count: string) =>
        Number(new RegExp(`lectern_sqlite_group_commits\\{count="${count}"\\} (\\d+)`).exec(response.body)?.[1]);
      return { commits: value('commits'), transactions: value('transactions') };
    };
    const before = await gauges();
    const answers = await Promise.all([
      ...ids.map((id, index) => patchCourse(lectern, id, lectern.adminToken, { name: `Renamed ${index}` })),
      patchCourse(lectern, ids[0]!, lectern.adminToken, { name: '' }),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([...ids.map(() => 200), 400]);
    for (const [index, id] of ids.entries()) {
      const course = (await getCourse(lectern, id, lectern.adminToken)).json().course;
      expect(course.name).toBe(`Renamed ${index}`);
    }
    const after = await gauges();
    expect(after.transactions - before.transactions).toBeGreaterThanOrEqual(ids.length);
    expect(after.commits - before.commits).toBeLessThan(after.transactions - before.transactions);
  });
});
